import { existsSync, mkdirSync, renameSync, copyFileSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { LATEST_SCHEMA_VERSION, SchemaTooNewError, migrate, schemaVersion } from './migrations'
import { SafetyBackups } from './safety-backups'

export type Db = Database.Database

export interface OpenStoreOptions {
  file: string
  backups: SafetyBackups
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
  now?: () => number
}

export interface Recovery {
  /** Where the unreadable file was moved; it is never deleted. */
  movedAsideTo: string
  /** The safety backup the library was restored from, or null if it had to start empty. */
  restoredFrom: string | null
}

export interface OpenedStore {
  db: Db
  migrated: number[]
  recovery: Recovery | null
}

/**
 * The careful open path: pragmas for durability, an integrity check before trusting the file,
 * a safety backup before any migration, and recovery from the newest good backup when the file
 * cannot be read — with the damaged file moved aside, never deleted.
 */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  mkdirSync(dirname(options.file), { recursive: true })
  const now = options.now ?? Date.now
  let recovery: Recovery | null = null
  let db: Db
  try {
    db = openChecked(options)
  } catch (error) {
    if (error instanceof SchemaTooNewError) throw error
    recovery = recoverFromBackup(options, now())
    db = openChecked(options)
  }

  const version = schemaVersion(db)
  if (version > 0 && version < LATEST_SCHEMA_VERSION) await options.backups.create(db, `before-migration-v${LATEST_SCHEMA_VERSION}`)
  const migrated = migrate(db)
  return { db, migrated, recovery }
}

function openChecked(options: OpenStoreOptions): Db {
  const db = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    applyPragmas(db)
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(`quick_check failed: ${String(check)}`)
    const version = schemaVersion(db)
    if (version > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(version, LATEST_SCHEMA_VERSION)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  // FULL: a commit is on disk before autosave reports "Saved". User text is worth the fsync.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

function recoverFromBackup(options: OpenStoreOptions, at: number): Recovery {
  const movedAsideTo = `${options.file}.unreadable-${new Date(at).toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(options.file + suffix)) renameSync(options.file + suffix, movedAsideTo + suffix)
  }
  const good = options.backups.newestReadable(options.nativeBinding)
  if (good) copyFileSync(good, options.file)
  return { movedAsideTo, restoredFrom: good }
}
