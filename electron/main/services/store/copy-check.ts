import { closeSync, openSync, readSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { LATEST_SCHEMA_VERSION } from './migrations'

/**
 * Whether a SQLite file is a complete Longhand library that this app can open. A copy must
 * pass before it is listed, counted by pruning, restored or used for recovery.
 *
 * DO NOT trust `quick_check` alone: SQLite opens a 0-byte file as an empty database and calls
 * it "ok" — and a backup interrupted by a kill is exactly a 0-byte file (the online backup
 * writes the pages only when it commits at the end).
 */
export type CopyProblem =
  /** 0 bytes: an interrupted copy. */
  | 'empty'
  /** Not an SQLite file, or cut off (too short, wrong header, SQLITE_NOTADB/CORRUPT). */
  | 'not-a-database'
  /** Opens, but quick_check finds damage. */
  | 'damaged'
  /** A database without Longhand's tables or schema version. */
  | 'not-a-library'
  /** Written by a newer Longhand: holds the author's text, but this app cannot use it. */
  | 'too-new'
  /** Could not be read right now (locked, permission, engine missing): says nothing about the file. */
  | 'unreadable'

export type CopyCheck = { ok: true; schemaVersion: number } | { ok: false; problem: CopyProblem; detail: string }

/** Problems that prove the file is useless as a copy; only these may ever be deleted. */
export function isWorthless(check: CopyCheck): boolean {
  return !check.ok && (check.problem === 'empty' || check.problem === 'not-a-database' || check.problem === 'damaged' || check.problem === 'not-a-library')
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1')
const bad = (problem: CopyProblem, detail: string): CopyCheck => ({ ok: false, problem, detail })

export function checkCopy(file: string, nativeBinding?: string): CopyCheck {
  let size: number
  try {
    size = statSync(file).size
  } catch (error) {
    return bad('unreadable', (error as NodeJS.ErrnoException).code ?? String(error))
  }
  if (size === 0) return bad('empty', '0 bytes')
  try {
    const head = Buffer.alloc(HEADER.length)
    const fd = openSync(file, 'r')
    try {
      readSync(fd, head, 0, head.length, 0)
    } finally {
      closeSync(fd)
    }
    if (size < 512 || !head.equals(HEADER)) return bad('not-a-database', `${size} bytes without an SQLite header`)
  } catch (error) {
    return bad('unreadable', (error as NodeJS.ErrnoException).code ?? String(error))
  }
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  } catch (error) {
    return classifySqliteError(error)
  }
  try {
    return checkOpenCopy(db)
  } catch (error) {
    return classifySqliteError(error)
  } finally {
    db.close()
  }
}

/** The checks that need an open connection (also run on a fresh copy before it gets its name). */
export function checkOpenCopy(db: Database.Database): CopyCheck {
  const result = String(db.pragma('quick_check', { simple: true }))
  if (result !== 'ok') return bad('damaged', result)
  const version = Number(db.pragma('user_version', { simple: true }))
  if (version > LATEST_SCHEMA_VERSION) return bad('too-new', `schema ${version}, this app knows up to ${LATEST_SCHEMA_VERSION}`)
  const hasDrafts = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'drafts'").get() !== undefined
  if (version < 1 || !hasDrafts) return bad('not-a-library', `schema ${version}${hasDrafts ? '' : ', no drafts table'}`)
  return { ok: true, schemaVersion: version }
}

function classifySqliteError(error: unknown): CopyCheck {
  const code = String((error as { code?: unknown })?.code ?? '')
  const message = error instanceof Error ? error.message : String(error)
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return bad('not-a-database', message)
  // A hot journal beside the copy: a write (the backup) was interrupted and never committed.
  if (code === 'SQLITE_READONLY_ROLLBACK') return bad('not-a-database', message)
  return bad('unreadable', code ? `${code}: ${message}` : message)
}
