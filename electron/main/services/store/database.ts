import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { NOTHING_SALVAGED, type SalvageReport, salvageReportSchema } from '@shared/ipc/channels/app'
import { type Db, type Engine, loadEngine } from './engine'
import { fsyncPath } from './fsync'
import { LATEST_SCHEMA_VERSION, SchemaTooNewError, migrate, schemaVersion } from './migrations'
import { clearDamageMarker, damageMarkerOf } from './integrity-check'
import { openReadOnly } from './read-only-look'
import { EmptyLibraryFileError, IntegrityCheckError, type LibraryOpenError, openFailure } from './open-failure'
import type { SafetyBackups } from './safety-backups'
import { bootPhase } from '../../boot-trace'

export type { Db } from './engine'

export interface OpenStoreOptions {
  file: string
  backups: SafetyBackups
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
  /** The engine, when the caller loaded it already (createServices, for the folder lock). */
  engine?: Engine
  now?: () => number
  /**
   * 'at-open' (default): quick_check before the file is trusted. 'after-start': the caller runs
   * it once the start is over (integrity-check.ts), unless the last such check found damage
   * (a marker beside the file): then it runs here, and recovery follows as for any damage.
   */
  integrity?: 'at-open' | 'after-start'
  /**
   * Carries what is still readable of a damaged file into the library a recovery restores
   * (services/salvage.ts), before that becomes the library file. Must not throw. Without it a
   * recovery brings back the safety copy only.
   */
  salvage?: (damaged: string, into: Db) => SalvageReport
}

/** What the open path did about a damaged or empty library file; the renderer shows it. */
export interface Recovery {
  /** damaged: SQLite could not read it (not a database, corrupt, quick_check failed); empty: 0 bytes. */
  reason: 'damaged' | 'empty'
  /** When it happened (ms since epoch). */
  at: number
  /** Where the unreadable file was moved; it is never deleted. */
  movedAsideTo: string
  /** The safety backup the library was restored from, or null if none existed and it started empty. */
  restoredFrom: string | null
  /** When that safety backup was taken (ms since epoch), or null. */
  restoredFromTakenAt: number | null
  /** What was carried over from the damaged file; null if nothing was tried (no salvage given) or it is not known. */
  salvage: SalvageReport | null
}

export interface OpenedStore {
  db: Db
  migrated: number[]
  recovery: Recovery | null
}

/**
 * The careful open path: pragmas for durability, an integrity check before trusting the file,
 * a safety backup before any migration. Every failure is classified first (open-failure.ts):
 * only a file that is really damaged (or empty) is moved aside — never deleted — and replaced
 * by the newest good safety copy. A lock, a read-only folder, a broken engine, a newer schema or
 * a full disk end in a LibraryOpenError with nothing moved.
 */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const fail = failureFor(options.file)
  let engine: Engine
  try {
    engine = options.engine ?? (await loadEngine(options.nativeBinding))
  } catch (error) {
    throw fail(error)
  }
  ensureLibraryFolder(options.file)
  const now = options.now ?? Date.now
  let recovery: Recovery | null = null
  let db: Db
  const damageFound = existsSync(damageMarkerOf(options.file))
  const checkNow = options.integrity !== 'after-start' || damageFound
  try {
    recovery = finishInterruptedRecovery(options, now())
    db = openChecked(engine, options.file, checkNow)
  } catch (error) {
    const failure = fail(error)
    if (failure.kind !== 'corrupt') throw failure
    try {
      recovery = recoverFromBackup(options, engine, now(), error instanceof EmptyLibraryFileError ? 'empty' : 'damaged')
    } catch (recoveryError) {
      throw fail(recoveryError)
    }
    try {
      db = openChecked(engine, options.file, true)
    } catch (stillFailing) {
      throw openFailure(stillFailing, { file: options.file, folder: dirname(options.file), kept: recovery.movedAsideTo }, probeFolder(dirname(options.file)))
    }
  }

  try {
    const version = schemaVersion(db)
    if (version > 0 && version < LATEST_SCHEMA_VERSION) await options.backups.create(db, `before-migration-v${LATEST_SCHEMA_VERSION}`)
    const migrated = migrate(db)
    bootPhase('migrations checked')
    // Checked just now (passed, or the damaged file was moved aside): the marker has done its job.
    if (damageFound) clearDamageMarker(options.file)
    return { db, migrated, recovery }
  } catch (error) {
    db.close()
    throw fail(error)
  }
}

/** Turns any error of the open path into a classified LibraryOpenError for this library file. */
export function failureFor(file: string): (error: unknown) => LibraryOpenError {
  const folder = dirname(file)
  return (error) => openFailure(error, { file, folder }, probeFolder(folder))
}

export function ensureLibraryFolder(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
  } catch (error) {
    throw failureFor(file)(error)
  }
}

/**
 * Why SQLite may have said only "unable to open": can this process write in the folder (or,
 * if it does not exist yet, in the nearest folder that does)? access(2) answers EROFS on a
 * read-only disk even for root.
 */
export function probeFolder(folder: string): { folderNotWritable: string | null } {
  let dir = folder
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir)
  try {
    accessSync(dir, constants.W_OK)
    return { folderNotWritable: null }
  } catch (error) {
    return { folderNotWritable: (error as NodeJS.ErrnoException).code ?? 'EACCES' }
  }
}

function openChecked(engine: Engine, file: string, checkNow: boolean): Db {
  // SQLite happily opens a 0-byte file as a new, empty database: that would silently start an
  // empty library. A library file is never empty. Not even with a -wal beside it: SQLite never
  // replays a WAL onto a 0-byte file, and the first write would reset that WAL (moved aside with it).
  const size = sizeOf(file)
  if (size === 0) throw new EmptyLibraryFileError(file)
  // No file yet: a new library, created by the read-write connection.
  const judged = size !== null && lookBeforeOpening(engine, file, checkNow)
  const db = engine(file)
  try {
    applyPragmas(db)
    bootPhase('database file opened, pragmas')
    if (!judged) judge(db, checkNow)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * The file is judged on a read-only connection before the library's read-write one opens it: a
 * damaged file is moved aside exactly as it was found, its -wal unreplayed beside it (closing a
 * read-write connection would fold that -wal into the damaged file). A healthy file is then
 * opened read-write, which replays a -wal a crash left, as always.
 *
 * False if the file cannot be read without writing first: a hot rollback journal (a kill while
 * a restored safety copy, still in rollback mode, was first opened) is rolled back only by a
 * connection that may write (SQLITE_READONLY_ROLLBACK). Then the read-write connection judges
 * it, as it always did; a folder that really is read-only fails there too, and says so.
 */
function lookBeforeOpening(engine: Engine, file: string, checkNow: boolean): boolean {
  let look: ReturnType<typeof openReadOnly> | null = null
  try {
    look = openReadOnly(engine, file)
    judge(look.db, checkNow)
    return true
  } catch (error) {
    if (codeOf(error).startsWith('SQLITE_READONLY')) return false
    throw error
  } finally {
    look?.close()
  }
}

function judge(db: Db, checkNow: boolean): void {
  if (checkNow) {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new IntegrityCheckError(String(check))
    bootPhase('quick_check')
  }
  const version = schemaVersion(db)
  if (version > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(version, LATEST_SCHEMA_VERSION)
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size
  } catch {
    return null
  }
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  // FULL: a commit is on disk before autosave reports "Saved". User text is worth the fsync.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

const SIDE_FILES = ['', '-wal', '-shm'] as const

/**
 * Puts the newest good safety backup in place of a damaged file, which is moved aside (with its
 * -wal/-shm), never deleted. Order matters for a crash at any point: the copy is complete and
 * fsynced under a temporary name before anything moves, and a copy left waiting beside a missing
 * library file is finished at the next start (finishInterruptedRecovery). If a step fails, what
 * was moved is moved back, so the error that follows can truthfully say nothing was moved.
 *
 * What can still be read of a damaged file is carried into that copy (options.salvage) while it
 * still has its temporary name, in one transaction, and the file is closed before anything moves:
 * a crash before the move leaves the damaged file in place and the next start does all of it
 * again from a fresh copy; a crash after it finds the salvaged copy complete, its report beside it.
 */
function recoverFromBackup(options: OpenStoreOptions, engine: Engine, at: number, reason: Recovery['reason']): Recovery {
  const file = options.file
  const movedAsideTo = `${file}.unreadable-${new Date(at).toISOString().replace(/[:.]/g, '-')}`
  const incoming = recoveringCopyOf(file)
  const moved: string[] = []
  try {
    const good = options.backups.newestReadable(options.nativeBinding)
    // No copy this version can use, but one a newer Longhand made: the author has used that
    // newer version since. Update to recover, rather than start an empty library here.
    if (!good) refuseIfOnlyNewerCopies(options)
    // Whatever an interrupted recovery left under these names is redone from the start.
    removeStaged(file)
    if (good) copyFileSync(good, incoming)
    // A 0-byte file holds nothing, and is never opened: SQLite deletes a -wal beside an empty
    // database file, even on a read-only connection, and that -wal is the author's to keep.
    const salvage = !options.salvage ? null : reason === 'empty' ? NOTHING_SALVAGED : stageSalvage(engine, file, incoming, good, options.salvage)
    const staged = existsSync(incoming)
    if (staged) fsyncPath(incoming)
    if (salvage) writeSalvageReport(file, salvage)
    for (const suffix of SIDE_FILES) {
      if (!existsSync(file + suffix)) continue
      renameSync(file + suffix, movedAsideTo + suffix)
      moved.push(suffix)
    }
    if (staged) renameSync(incoming, file)
    rmSync(salvageReportOf(file), { force: true })
    const takenAt = good ? (options.backups.list().find((b) => b.file === good)?.createdAt ?? null) : null
    return { reason, at, movedAsideTo, restoredFrom: good, restoredFromTakenAt: takenAt, salvage }
  } catch (error) {
    removeStaged(file)
    for (const suffix of moved.reverse()) {
      try {
        renameSync(movedAsideTo + suffix, file + suffix)
      } catch {
        // Still beside it under the unreadable- name; never deleted.
      }
    }
    throw error
  }
}

function refuseIfOnlyNewerCopies(options: OpenStoreOptions): void {
  const newer = options.backups.inspect().find((b) => !b.check.ok && b.check.problem === 'too-new')
  if (!newer) return
  const copy = new Database(newer.file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  try {
    throw new SchemaTooNewError(Number(copy.pragma('user_version', { simple: true })), LATEST_SCHEMA_VERSION)
  } finally {
    copy.close()
  }
}

function recoveringCopyOf(file: string): string {
  return `${file}.recovering`
}

/** The salvage's report, written before the damaged file moves, for a start that has to finish the recovery. */
export function salvageReportOf(file: string): string {
  return `${file}.recovering-report.json`
}

function removeStaged(file: string): void {
  const incoming = recoveringCopyOf(file)
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(incoming + suffix, { force: true })
  rmSync(salvageReportOf(file), { force: true })
  rmSync(`${salvageReportOf(file)}.partial`, { force: true })
}

/**
 * Opens the staged copy (or, without a safety copy, a new library under the staged name), brings
 * it to this version's schema and lets `salvage` write into it; closed again before anything
 * moves. If any of that fails, the staged copy is put back as it came from the safety copy and
 * the report says nothing was carried over: the recovery itself does not depend on the salvage.
 */
function stageSalvage(engine: Engine, file: string, incoming: string, good: string | null, salvage: NonNullable<OpenStoreOptions['salvage']>): SalvageReport {
  let db: Db | null = null
  try {
    db = engine(incoming)
    // A rollback journal, gone at every commit: closed, the staged copy is one complete file.
    db.pragma('journal_mode = DELETE')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    migrate(db)
    const report = salvage(file, db)
    db.close()
    return report
  } catch {
    try {
      db?.close()
    } catch {
      // Removed next.
    }
    removeStaged(file)
    if (good) copyFileSync(good, incoming)
    return { ...NOTHING_SALVAGED, outcome: 'write-failed' }
  }
}

function writeSalvageReport(file: string, report: SalvageReport): void {
  const target = salvageReportOf(file)
  const temp = `${target}.partial`
  writeFileSync(temp, JSON.stringify(report))
  fsyncPath(temp)
  renameSync(temp, target)
}

function readSalvageReport(file: string): SalvageReport | null {
  try {
    const parsed = salvageReportSchema.safeParse(JSON.parse(readFileSync(salvageReportOf(file), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * A crash between moving the damaged file aside and renaming the complete safety copy in
 * leaves no library file but the copy waiting: finish, rather than start an empty library,
 * and say so like any recovery. A -wal/-shm still beside the missing file belongs to the
 * damaged library (the crash came before they followed it): they join it, never replayed onto
 * the copy.
 */
function finishInterruptedRecovery(options: OpenStoreOptions, at: number): Recovery | null {
  const { file } = options
  const incoming = recoveringCopyOf(file)
  if (existsSync(file) || !existsSync(incoming)) return null
  const stamped = `${file}.unreadable-${new Date(at).toISOString().replace(/[:.]/g, '-')}`
  const movedAsideTo = newestMovedAside(file) ?? stamped
  for (const suffix of ['-wal', '-shm']) {
    if (!existsSync(file + suffix)) continue
    renameSync(file + suffix, (existsSync(movedAsideTo + suffix) ? stamped : movedAsideTo) + suffix)
  }
  // Which copy it was is not recorded; recovery takes the newest valid one, which it still is.
  const good = options.backups.newest()
  const salvage = readSalvageReport(file)
  renameSync(incoming, file)
  rmSync(salvageReportOf(file), { force: true })
  return {
    reason: sizeOf(movedAsideTo) === 0 ? 'empty' : 'damaged',
    at,
    movedAsideTo,
    // Without a copy, a salvaged library was staged from scratch: no copy was restored.
    restoredFrom: good?.file ?? null,
    restoredFromTakenAt: good?.createdAt ?? null,
    salvage,
  }
}

/** The newest `<file>.unreadable-<time>` beside the library (ISO times sort as text). */
function newestMovedAside(file: string): string | null {
  const prefix = `${basename(file)}.unreadable-`
  let names: string[]
  try {
    names = readdirSync(dirname(file))
  } catch {
    return null
  }
  const aside = names.filter((name) => name.startsWith(prefix) && !/-(wal|shm)$/.test(name)).sort()
  return aside.length ? join(dirname(file), aside[aside.length - 1]!) : null
}

