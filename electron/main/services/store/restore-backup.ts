import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { LonghandError } from '@shared/ipc'
import { type CopyProblem, checkCopy } from './copy-check'
import { fsyncPath } from './fsync'
import { classifyOpenFailure } from './open-failure'

/**
 * Putting a safety backup in place of the library file. The library must be closed while
 * this runs (see LibraryHost). Steps, each safe to repeat after a crash:
 *  1. the backup is copied beside the library as `<file>.restoring` (fsynced),
 *  2. a marker records the plan,
 *  3. the current file (and its -wal/-shm) is moved aside — never deleted,
 *  4. `<file>.restoring` becomes the library file, and the marker goes.
 * If the process dies in between, `completePendingRestore` (run before the library opens)
 * finishes the same steps, so the app never starts on an empty library by accident.
 */
export interface PendingRestore {
  /** The copy of the backup waiting to become the library file. */
  restoring: string
  /** Where the current library file goes. */
  movedAsideTo: string
}

const MARKER = 'restore-pending.json'
const SIDE_FILES = ['', '-wal', '-shm'] as const

/**
 * A backup may replace the library only if it is a complete Longhand library this app can open
 * (copy-check.ts: not empty, an SQLite file, quick_check ok, a known schema version, the
 * library's tables). Throws a clear error otherwise; nothing has been changed then.
 */
export function checkReadable(file: string, nativeBinding?: string): void {
  const check = checkCopy(file, nativeBinding)
  if (check.ok) return
  const name = basename(file)
  const keep = 'Your library is unchanged; pick another backup.'
  const messages: Record<CopyProblem, string> = {
    empty: `The backup ${name} is empty (0 bytes: a copy that was interrupted) and cannot be restored. ${keep}`,
    'not-a-database': `The backup ${name} is damaged or incomplete and cannot be restored (${check.detail}). ${keep}`,
    damaged: `The backup ${name} is damaged and cannot be restored (${check.detail}). ${keep}`,
    'not-a-library': `The backup ${name} is damaged: it does not hold a Longhand library (${check.detail}). ${keep}`,
    'too-new': `The backup ${name} was made by a newer version of Longhand (${check.detail}) and cannot be restored by this one. ${keep}`,
    unreadable: `The backup ${name} cannot be read right now (${check.detail}). ${keep}`,
  }
  throw new LonghandError('storage', messages[check.problem], [check.problem])
}

/** The names a restore uses beside `libraryFile`: the staged copy, and where the old file goes. */
function stagedNames(libraryFile: string) {
  const escaped = basename(libraryFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return {
    restoring: `${libraryFile}.restoring`,
    movedAsideAt: (at: number) => `${libraryFile}.before-restore-${new Date(at).toISOString().replace(/[:.]/g, '-')}`,
    movedAside: new RegExp(`^${escaped}\\.before-restore-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z$`),
  }
}

/** Step 1, while the library is still open: the backup's copy, on disk and complete. */
export function stageRestore(libraryFile: string, backupFile: string, at: number): PendingRestore {
  const names = stagedNames(libraryFile)
  const restoring = names.restoring
  try {
    rmSync(restoring, { force: true })
    copyFileSync(backupFile, restoring)
    fsyncPath(restoring)
  } catch (error) {
    rmSync(restoring, { force: true })
    throw stagingError(error)
  }
  return { restoring, movedAsideTo: names.movedAsideAt(at) }
}

/** The copy beside the library could not be made: nothing was changed yet; say why (details[0] for the UI). */
function stagingError(error: unknown): LonghandError {
  const kind = classifyOpenFailure(error)
  const reason = error instanceof Error ? error.message : String(error)
  if (kind === 'disk-full') return new LonghandError('storage', 'The safety backup could not be restored: the disk is full. Your library is unchanged; free some space.', ['disk-full'])
  if (kind === 'read-only') return new LonghandError('storage', 'The safety backup could not be restored: the library folder is read-only or not accessible. Your library is unchanged.', ['read-only'])
  return new LonghandError('storage', `The safety backup could not be restored (${reason}). Your library is unchanged.`, ['other'])
}

/** Steps 2–4, with the library closed. Returns where the old library file now is. */
export function swapInRestore(libraryFile: string, pending: PendingRestore): string {
  const marker = join(libraryFile, '..', MARKER)
  writeFileSync(marker, JSON.stringify(pending))
  fsyncPath(marker)
  finish(libraryFile, pending)
  return pending.movedAsideTo
}

function finish(libraryFile: string, pending: PendingRestore): void {
  if (existsSync(pending.restoring)) {
    if (existsSync(libraryFile) && !existsSync(pending.movedAsideTo)) {
      for (const suffix of SIDE_FILES) if (existsSync(libraryFile + suffix)) renameSync(libraryFile + suffix, pending.movedAsideTo + suffix)
    }
    // A -wal or -shm without its main file belongs to the old library, never to the backup.
    for (const suffix of ['-wal', '-shm']) if (existsSync(libraryFile + suffix)) renameSync(libraryFile + suffix, pending.movedAsideTo + suffix)
    renameSync(pending.restoring, libraryFile)
  }
  rmSync(join(libraryFile, '..', MARKER), { force: true })
}

/** Finishes a restore that a crash interrupted. Call before opening the library. */
export function completePendingRestore(libraryFile: string): PendingRestore | null {
  const marker = join(libraryFile, '..', MARKER)
  if (!existsSync(marker)) return null
  let pending: PendingRestore
  try {
    pending = JSON.parse(readFileSync(marker, 'utf8')) as PendingRestore
  } catch {
    rmSync(marker, { force: true })
    return null
  }
  // The marker is trusted only for the two names stageRestore gives: the staged copy and a
  // before-restore name beside the library. Anything else (the library file itself, another
  // file in the folder, a path elsewhere) is not ours to move or to put over the library.
  const expected = stagedNames(libraryFile)
  const movedAside = typeof pending.movedAsideTo === 'string' ? pending.movedAsideTo : ''
  const asideName = basename(movedAside)
  if (pending.restoring !== expected.restoring || join(libraryFile, '..', asideName) !== movedAside || !expected.movedAside.test(asideName)) {
    rmSync(marker, { force: true })
    return null
  }
  finish(libraryFile, pending)
  return pending
}
