import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { LibraryOpenError } from './open-failure'
import type { Db, Engine } from './engine'

export const LOCK_FILE = 'longhand.lock'

export interface FolderLock {
  /** Idempotent; never throws. */
  release(): void
  /**
   * Keeps the OS lock but lets go of this handle: the next lockLibraryFolder of the same folder
   * in this process takes the lock over. For closing and reopening the library (restoring a
   * safety copy) without a moment in which another process could open it.
   */
  handOver(): void
}

/** Locks handed over by a closing library, waiting for its reopening (same process). */
const handedOver = new Map<string, Db>()

/**
 * One process per library folder. The lock is SQLite's own: a tiny side database
 * (`longhand.lock`, beside longhand.sqlite) on which this process keeps a write transaction
 * open (`BEGIN IMMEDIATE`: SQLite's RESERVED lock, an fcntl/LockFileEx lock held by the OS).
 * The OS drops it when the process ends however it ends, so a crash never leaves a stale lock.
 * Readers are still allowed, which is how a refused process learns the holder's pid.
 * SQLite also tracks these locks per file inside one process, so a second opening in the same
 * process is refused too. The file itself holds nothing but that pid; it may stay behind.
 */
export function lockLibraryFolder(dir: string, engine: Engine): FolderLock {
  const key = resolve(dir)
  const file = join(dir, LOCK_FILE)
  let db = handedOver.get(key)
  handedOver.delete(key)
  if (!db?.open) {
    try {
      db = tryLock(file, engine)
    } catch (error) {
      // A lock file that is not a database (a crash while creating it, or garbage): ours, no data.
      if (!isNotADatabase(error)) throw error
      for (const suffix of ['', '-journal']) rmSync(file + suffix, { force: true })
      db = tryLock(file, engine)
    }
  }
  const held: Db = db
  let holding = true
  return {
    release() {
      if (!holding) return
      holding = false
      try {
        held.close()
      } catch {
        // Closing rolls the open transaction back; the OS releases the lock regardless.
      }
    },
    handOver() {
      if (!holding) return
      holding = false
      handedOver.get(key)?.close()
      handedOver.set(key, held)
    },
  }
}

function tryLock(file: string, engine: Engine): Db {
  // timeout 0: a lock someone holds is an answer, not something to wait for.
  const db = engine(file, { timeout: 0 })
  try {
    db.pragma('synchronous = OFF')
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since INTEGER NOT NULL)')
    if (!begin(db)) throw inUse(file, db)
    db.prepare('DELETE FROM holder').run()
    db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, Date.now())
    // A refused process may be reading the pid at this moment: give the commit a moment.
    db.pragma('busy_timeout = 1000')
    db.exec('COMMIT')
    db.pragma('busy_timeout = 0')
    // Between the commit and here another process could have taken the lock: then it owns it.
    if (!begin(db)) throw inUse(file, db)
    return db
  } catch (error) {
    // Busy anywhere on the way (even the first read, while the holder commits its pid): in use.
    const refusal = error instanceof LibraryOpenError || !isBusy(error) ? error : inUse(file, db)
    db.close()
    throw refusal
  }
}

function isBusy(error: unknown): boolean {
  return String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')
}

function begin(db: Db): boolean {
  try {
    db.exec('BEGIN IMMEDIATE')
    return true
  } catch (error) {
    if (isBusy(error)) return false
    throw error
  }
}

function inUse(file: string, db: Db): LibraryOpenError {
  let pid: number | null = null
  try {
    pid = (db.prepare('SELECT pid FROM holder').get() as { pid: number } | undefined)?.pid ?? null
  } catch {
    // The holder is just writing its pid; say "another process" without the number.
  }
  return new LibraryOpenError('in-use', { file, folder: join(file, '..'), pid })
}

function isNotADatabase(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code)
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')
}
