import { closeSync, constants, fsyncSync, openSync } from 'node:fs'

/** Forces a file's bytes to disk before the next step relies on them (a rename, a marker). */
export function fsyncPath(path: string): void {
  const fd = openSync(path, constants.O_RDONLY)
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename in `dir` durable. */
export function syncFolder(dir: string): void {
  try {
    fsyncPath(dir)
  } catch {
    // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  }
}
