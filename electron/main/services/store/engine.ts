import type BetterSqlite3 from 'better-sqlite3'

export type Db = BetterSqlite3.Database
/** Opens a database file with the loaded engine (and its native binding, if one was given). */
export type Engine = (file: string, options?: BetterSqlite3.Options) => Db

/** better-sqlite3 or its native module could not be loaded: the engine, not the library, is broken. */
export class EngineUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`The SQLite engine could not be loaded: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`)
    this.name = 'EngineUnavailableError'
  }
}

/**
 * Loads better-sqlite3 and proves its native module works on an in-memory database, before any
 * library file is touched. DO NOT import better-sqlite3 statically in the open path: a module
 * that fails to load there would throw at import time, unclassified — and a failure of the
 * engine used to be taken for a damaged library (moved aside, next start empty).
 */
export async function loadEngine(nativeBinding?: string): Promise<Engine> {
  let Database: typeof BetterSqlite3
  try {
    Database = (await import('better-sqlite3')).default
    const probe = new Database(':memory:', nativeBinding ? { nativeBinding } : {})
    probe.close()
  } catch (error) {
    throw new EngineUnavailableError(error)
  }
  return (file, options = {}) => new Database(file, nativeBinding ? { ...options, nativeBinding } : options)
}
