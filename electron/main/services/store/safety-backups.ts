import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { LonghandError } from '@shared/ipc'
import type { ScheduledCopyFailureKind } from '@shared/ipc/channels/transfer'
import { type CopyCheck, type CopyProblem, checkCopy, checkOpenCopy, isWorthless } from './copy-check'
import type { Db } from './database'
import { fsyncPath, syncFolder } from './fsync'

/** A finished copy. Only `create` gives a file this name, by renaming a checked, complete copy. */
const FILE_PATTERN = /^longhand-(\d{8}T\d{6}\d{3}Z)-([a-z0-9-]+)\.sqlite$/
/** A copy being written (and SQLite's journal for it): never listed; removed at start if a crash left one. */
export const PARTIAL_PATTERN = /^longhand-[0-9TZ]+-[a-z0-9-]+\.sqlite\.partial-[0-9a-f]+(?:-journal|-wal|-shm)?$/
/** SQLite's side files of a finished copy; useless once the copy itself is gone. */
export const SIDE_FILE_PATTERN = /^(longhand-\d{8}T\d{6}\d{3}Z-[a-z0-9-]+\.sqlite)-(?:journal|wal|shm)$/
const SIDE_FILES = ['-journal', '-wal', '-shm'] as const

export interface SafetyBackupInfo {
  file: string
  name: string
  reason: string
  createdAt: number
  bytes: number
}

export interface InspectedBackup extends SafetyBackupInfo {
  check: CopyCheck
}

/**
 * Whole-file copies of the database taken with SQLite's online backup API (consistent even
 * while the app writes). Kept: the newest `keep` valid files. These protect against a damaged
 * file or a bad migration; the human-readable library backup (Markdown folder) is a separate
 * feature.
 *
 * A copy is what it claims: it is written under a temporary name, checked (copy-check.ts),
 * synced and only then renamed to its final name; and every copy is checked again before it is
 * listed, counted, restored or used for recovery, because a copy left by an older version of
 * the app, or damaged on disk since, carries the same name.
 */
export class SafetyBackups {
  /** Checks by file, valid while size and mtime stay the same: listing stays cheap. */
  private readonly checked = new Map<string, { size: number; mtimeMs: number; check: CopyCheck }>()

  constructor(
    readonly dir: string,
    private readonly keep = 7,
    private readonly now: () => number = Date.now,
    private readonly nativeBinding?: string,
  ) {}

  async create(db: Db, reason: string): Promise<SafetyBackupInfo> {
    const stamp = new Date(this.now()).toISOString().replace(/[-:.]/g, '')
    const safeReason = reason.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 40) || 'backup'
    const base = `longhand-${stamp}-${safeReason}`
    const temp = join(this.dir, `${base}.sqlite.partial-${randomBytes(4).toString('hex')}`)
    let file: string
    let sealed: CopyCheck
    try {
      mkdirSync(this.dir, { recursive: true })
      // The online backup writes its target as it goes (and a kill leaves a 0-byte file): the
      // target is a name nothing lists.
      await db.backup(temp)
      sealed = this.seal(temp)
      fsyncPath(temp)
      // Chosen and taken in one synchronous step, so two copies in one millisecond never collide.
      file = join(this.dir, `${base}.sqlite`)
      for (let n = 2; exists(file); n++) file = join(this.dir, `${base}-${n}.sqlite`)
      renameSync(temp, file)
      syncFolder(this.dir)
      // Checked as it was sealed; a rename keeps size and mtime, so the check stays valid.
      const { size, mtimeMs } = statSync(file)
      this.checked.set(file, { size, mtimeMs, check: sealed })
    } catch (error) {
      removeWithSideFiles(temp)
      throw backupError(this.dir, error)
    }
    this.prune(file)
    return this.describe(file)!
  }

  /** Valid copies, newest first: what Settings offers for "Go back" and recovery may use. */
  list(): SafetyBackupInfo[] {
    try {
      return this.inspect()
        .filter((b) => b.check.ok)
        .map(({ check: _check, ...info }) => info)
    } catch (error) {
      throw unreadableFolderError(this.dir, error)
    }
  }

  /** Every file named like a finished copy, newest first, each with the result of its check. */
  inspect(): InspectedBackup[] {
    return this.named().map((info) => ({ ...info, check: this.check(info.file) }))
  }

  /**
   * The newest valid copy, checking from the newest down only until one passes: what the
   * schedule and recovery need, without reading every copy at start-up.
   */
  newest(): SafetyBackupInfo | null {
    return this.named().find((info) => this.check(info.file).ok) ?? null
  }

  /** The file a listed name refers to (valid or not; restoring checks it), or null. */
  fileOf(name: string): string | null {
    return FILE_PATTERN.test(name) && this.describe(join(this.dir, name)) ? join(this.dir, name) : null
  }

  /** Newest valid copy, for recovery at start-up. */
  newestReadable(nativeBinding?: string): string | null {
    const valid = this.newest()
    if (valid || !nativeBinding || nativeBinding === this.nativeBinding) return valid?.file ?? null
    // Only an engine we could not load made every copy look unreadable: look again with this one.
    return this.named().find((b) => checkCopy(b.file, nativeBinding).ok)?.file ?? null
  }

  /**
   * Files named like a finished copy, newest first, unchecked. Only a folder that does not exist
   * yet means "no copies"; a folder that cannot be read throws (its errno kept for classifying),
   * or recovery would take unreadable copies for none and start an empty library.
   */
  private named(): SafetyBackupInfo[] {
    let names: string[]
    try {
      names = readdirSync(this.dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    return names
      .map((name) => this.describe(join(this.dir, name)))
      .filter((b): b is SafetyBackupInfo => b !== null)
      .sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name))
  }

  check(file: string): CopyCheck {
    let stat
    try {
      stat = statSync(file)
    } catch (error) {
      this.checked.delete(file)
      return { ok: false, problem: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) }
    }
    const cached = this.checked.get(file)
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.check
    const check = checkCopy(file, this.nativeBinding)
    // "Unreadable" may pass (a lock, a permission fixed): only a verdict about the file is kept.
    if (check.ok || check.problem !== 'unreadable') this.checked.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, check })
    return check
  }

  /**
   * Keeps the newest `keep` valid copies, always counting the one just taken (several may share
   * a millisecond), so the newest valid copy is never deleted. Copies proven worthless (empty,
   * cut off, damaged) go; copies from a newer app or unreadable right now are left alone.
   */
  private prune(justTaken: string): void {
    const others = this.inspect().filter((b) => b.file !== justTaken)
    const valid = others.filter((b) => b.check.ok)
    for (const old of valid.slice(Math.max(this.keep, 1) - 1)) this.remove(old.file)
    for (const worthless of others.filter((b) => isWorthless(b.check))) this.remove(worthless.file)
  }

  private remove(file: string): void {
    removeWithSideFiles(file)
    this.checked.delete(file)
  }

  /**
   * Makes a fresh copy one self-contained file (rollback journal, so opening it read-only
   * creates no -wal/-shm beside it) and checks it before it may get its final name.
   */
  private seal(temp: string): CopyCheck {
    const copy = new Database(temp, { fileMustExist: true, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) })
    let check: CopyCheck
    try {
      copy.pragma('journal_mode = DELETE')
      check = checkOpenCopy(copy)
    } finally {
      copy.close()
    }
    if (!check.ok) throw new DamagedCopyError(check.problem, check.detail)
    return check
  }

  private describe(file: string): SafetyBackupInfo | null {
    const name = file.slice(this.dir.length + 1)
    const match = FILE_PATTERN.exec(name)
    if (!match) return null
    const s = match[1]!
    const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`
    let bytes = 0
    try {
      bytes = statSync(file).size
    } catch {
      return null
    }
    return { file, name, reason: match[2]!, createdAt: Date.parse(iso), bytes }
  }
}

class DamagedCopyError extends Error {
  constructor(
    readonly problem: CopyProblem,
    detail: string,
  ) {
    super(detail)
  }
}

/** A failed backup says why, in the words the UI translates (`details[0]`, as files.ts does). */
/**
 * What kind of failure a failed copy was, for the author (the same classification as the
 * error's `details`): a full disk and a folder that cannot be written each have their own
 * remedy; anything else (a damaged copy, `backups` being a file) means "check the folder".
 */
export function backupFailureKind(error: unknown): ScheduledCopyFailureKind {
  const [detail] = backupError('', error).details ?? []
  return detail === 'disk-full' || detail === 'read-only' ? detail : 'other'
}

function backupError(dir: string, error: unknown): LonghandError {
  if (error instanceof LonghandError) return error
  if (error instanceof DamagedCopyError) {
    return new LonghandError('storage', `The safety backup came out unusable (${error.problem}: ${error.message}) and was discarded. Your library is unchanged.`, ['unusable-copy'])
  }
  const code = String((error as { code?: unknown })?.code ?? '')
  const reason = error instanceof Error ? error.message : String(error)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new LonghandError('storage', 'The safety backup could not be written: the disk is full. No partial copy was kept and your library is unchanged; free some space.', ['disk-full'])
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new LonghandError('storage', `The safety backup could not be written: the folder ${dir} is read-only or not accessible. Your library is unchanged.`, ['read-only'])
  }
  return new LonghandError('storage', `The safety backup could not be written (${code || reason}). No partial copy was kept and your library is unchanged.`, ['other'])
}

function unreadableFolderError(dir: string, error: unknown): unknown {
  if (error instanceof LonghandError) return error
  const code = String((error as { code?: unknown })?.code ?? '') || (error instanceof Error ? error.message : String(error))
  return new LonghandError('storage', `The safety copies in ${dir} cannot be read (${code}). Nothing was changed; check that folder.`, ['unreadable-folder', code])
}

export function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(file + suffix, { force: true })
}

function exists(file: string): boolean {
  try {
    statSync(file)
    return true
  } catch {
    return false
  }
}


