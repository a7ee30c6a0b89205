import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PARTIAL_PATTERN, SIDE_FILE_PATTERN } from './safety-backups'

/** The folder library backups go to without a folder dialog (ipc/handlers/transfer.ts: LIBRARY_BACKUP_FOLDER). */
export const LIBRARY_BACKUPS = 'library-backups'
/** writeFolderAtomically's temporary folder for a library backup: `.<name>.<12 hex>.tmp`. */
const LIBRARY_BACKUP_TEMP = /^\.Longhand backup .+\.[0-9a-f]{12}\.tmp$/
/** restore-backup.ts: a staged copy only matters while this marker says a restore is in flight. */
const RESTORE_MARKER = 'restore-pending.json'

/**
 * Removes what an interrupted run left in the library folder: safety copies that were still
 * being written (and their journals), side files of copies that no longer exist, temporary
 * library-backup folders, and a staged `.restoring` copy whose restore never began (no marker:
 * the library file was never touched). Call it before the library opens, after
 * completePendingRestore, and only while this process owns the folder.
 *
 * DO NOT widen this to anything that may be the only copy of the author's text: files moved
 * aside (`.unreadable-*`, `.before-restore-*`, with their -wal) and the library's own -wal stay.
 * Everything removed here is an incomplete duplicate of data that exists elsewhere.
 * Returns what was removed; a file that cannot be removed is left for next time.
 */
export function cleanLeftovers(dataDir: string, databaseFile = 'longhand.sqlite'): string[] {
  const removed: string[] = []
  const remove = (path: string, recursive = false) => {
    try {
      rmSync(path, { force: true, recursive })
      removed.push(path)
    } catch {
      // Locked or not ours to remove: harmless, tried again at the next start.
    }
  }

  const backups = join(dataDir, 'backups')
  for (const name of namesIn(backups)) {
    if (PARTIAL_PATTERN.test(name)) remove(join(backups, name))
    const side = SIDE_FILE_PATTERN.exec(name)
    if (side && !existsSync(join(backups, side[1]!))) remove(join(backups, name))
  }

  const libraryBackups = join(dataDir, LIBRARY_BACKUPS)
  for (const name of namesIn(libraryBackups)) {
    if (LIBRARY_BACKUP_TEMP.test(name) && isFolder(join(libraryBackups, name))) remove(join(libraryBackups, name), true)
  }

  const restoring = join(dataDir, `${databaseFile}.restoring`)
  if (existsSync(restoring) && !existsSync(join(dataDir, RESTORE_MARKER))) remove(restoring)

  // database.ts: a salvage's report matters only while its staged `.recovering` copy waits to
  // take the library's place (a crash between the two renames of a recovery).
  const recovering = join(dataDir, `${databaseFile}.recovering`)
  for (const report of [`${databaseFile}.recovering-report.json`, `${databaseFile}.recovering-report.json.partial`]) {
    if (existsSync(join(dataDir, report)) && !existsSync(recovering)) remove(join(dataDir, report))
  }

  // integrity-check.ts writes its damage marker under this name first: cut off, it says nothing
  // (the check runs again after this start; a finished marker is never touched here).
  const partialMarker = join(dataDir, `${databaseFile}.damaged.partial`)
  if (existsSync(partialMarker)) remove(partialMarker)
  return removed
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
