import { constants, copyFileSync, existsSync, fsyncSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import { LonghandError } from '@shared/ipc'

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

function fsyncFile(path: string): void {
  const fd = openSync(path, constants.O_RDONLY)
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** A backup may replace the library only if SQLite can open it and it passes quick_check. */
export function checkReadable(file: string, nativeBinding?: string): void {
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    const result = db.pragma('quick_check', { simple: true })
    if (result !== 'ok') throw new Error(String(result))
  } catch (error) {
    throw new LonghandError('storage', `The backup ${basename(file)} is damaged and cannot be restored (${(error as Error).message}). Your library is unchanged; pick another backup.`)
  } finally {
    db?.close()
  }
}

/** Step 1, while the library is still open: the backup's copy, on disk and complete. */
export function stageRestore(libraryFile: string, backupFile: string, at: number): PendingRestore {
  const restoring = `${libraryFile}.restoring`
  rmSync(restoring, { force: true })
  copyFileSync(backupFile, restoring)
  fsyncFile(restoring)
  return { restoring, movedAsideTo: `${libraryFile}.before-restore-${new Date(at).toISOString().replace(/[:.]/g, '-')}` }
}

/** Steps 2–4, with the library closed. Returns where the old library file now is. */
export function swapInRestore(libraryFile: string, pending: PendingRestore): string {
  const marker = join(libraryFile, '..', MARKER)
  writeFileSync(marker, JSON.stringify(pending))
  fsyncFile(marker)
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
  // The marker names files beside the library only; anything else is not ours to move.
  const folder = join(libraryFile, '..')
  const inside = (path: unknown) => typeof path === 'string' && join(folder, basename(path)) === path
  if (!inside(pending.restoring) || !inside(pending.movedAsideTo)) {
    rmSync(marker, { force: true })
    return null
  }
  finish(libraryFile, pending)
  return pending
}
