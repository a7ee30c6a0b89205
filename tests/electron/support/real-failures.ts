import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach } from 'vitest'

/**
 * Real failures for the open path, no mocks: another process holding SQLite's lock or writing
 * meanwhile. Read-only and full file systems: ./mounts.
 */

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3')
const children: ChildProcess[] = []

afterEach(() => {
  while (children.length) children.pop()!.kill('SIGKILL')
})

/**
 * Another program (here: a plain better-sqlite3 connection in a child process) that takes the
 * database's write lock and keeps it, the way an open "DB Browser for SQLite" or a sync tool
 * can. `PRAGMA locking_mode=EXCLUSIVE` keeps the OS lock until that process ends.
 */
export async function holdExclusiveLock(file: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)})
    const db = new Database(${JSON.stringify(file)})
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS other_program (x); INSERT INTO other_program VALUES (1); COMMIT')
    process.stdout.write('locked\\n')
    setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  await new Promise<void>((resolve, reject) => {
    let err = ''
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}: ${err}`)))
  })
  return {
    release: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** Names in a folder, sorted: "nothing was moved" is an unchanged listing. */
export function listing(dir: string): string[] {
  return readdirSync(dir).sort()
}

/**
 * Another connection (a child process) that takes the write lock, changes a row, and commits
 * after `holdMs`: a writer racing with ours. Resolves once it holds the lock.
 */
export async function writeWhileHolding(file: string, sql: string, holdMs: number): Promise<{ done: Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)})
    const db = new Database(${JSON.stringify(file)})
    db.exec('BEGIN IMMEDIATE')
    db.exec(${JSON.stringify(sql)})
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0) }, ${holdMs})`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    let err = ''
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`writer exited with ${code}: ${err}`)))
  })
  return { done }
}

/**
 * Whether another process could take the library folder's lock right now: a child process
 * tries SQLite's write lock on longhand.lock the way a second Longhand would (no waiting).
 */
export function folderLockIsFree(dir: string): boolean {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)})
    const db = new Database(${JSON.stringify(`${dir}/longhand.lock`)}, { timeout: 0 })
    try { db.exec('BEGIN IMMEDIATE'); db.exec('ROLLBACK'); process.stdout.write('free') }
    catch (e) { process.stdout.write(e.code) }`
  return execFileSync(process.execPath, ['-e', script]).toString() === 'free'
}
