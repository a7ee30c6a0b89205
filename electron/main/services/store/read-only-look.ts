import { existsSync, rmSync, statSync } from 'node:fs'
import type { Db, Engine } from './engine'

/**
 * A read-only connection to a library file that may be damaged, which leaves the file and what
 * lies beside it as they were found: the file moved aside after damage is the author's last
 * session, byte for byte, with its -wal.
 *
 * Read-only, SQLite never writes the file or its -wal, and closing it never checkpoints (a
 * read-write connection's close folds the -wal into the damaged file and deletes it). It still
 * creates the -shm (the -wal's index, rebuilt from the -wal at every open: no data of its own)
 * and, for a file in WAL mode without a -wal, an empty -wal; close() removes what it created.
 * Tried on this build (better-sqlite3 12, SQLite 3.5x): `locking_mode = EXCLUSIVE` (no -shm)
 * fails read-only with SQLITE_IOERR_LOCK, and `file:…?immutable=1` is not available — it is
 * built with SQLITE_USE_URI=0 and opens without SQLITE_OPEN_URI.
 *
 * The caller holds the library folder's lock: no other connection can be using the -shm.
 */
export function openReadOnly(engine: Engine, file: string): { db: Db; close(): void } {
  const hadWal = existsSync(`${file}-wal`)
  const hadShm = existsSync(`${file}-shm`)
  const tidy = () => {
    if (!hadShm) rmSync(`${file}-shm`, { force: true })
    if (!hadWal && sizeOf(`${file}-wal`) === 0) rmSync(`${file}-wal`, { force: true })
  }
  let db: Db
  try {
    db = engine(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    tidy()
    throw error
  }
  return {
    db,
    close() {
      try {
        db.close()
      } finally {
        tidy()
      }
    },
  }
}

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size
  } catch {
    return null
  }
}
