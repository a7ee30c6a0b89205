import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach } from 'vitest'
import { tempDir } from './temp-library'

/**
 * Real failures for the open path, no mocks: another process holding SQLite's lock, a
 * read-only or tiny file system (tmpfs mounts, which bite even for root), a broken engine.
 */

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3')
const children: ChildProcess[] = []
const mounts: string[] = []

afterEach(() => {
  while (children.length) children.pop()!.kill('SIGKILL')
  while (mounts.length) execFileSync('umount', ['-l', mounts.pop()!], { stdio: 'ignore' })
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

/** Whether this machine lets the tests mount file systems (Linux, root with mount rights). */
export const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  try {
    const probe = tempDir('longhand-mount-probe-')
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', probe], { stdio: 'ignore' })
    execFileSync('umount', [probe], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** A fresh tmpfs of the given size; unmounted after the test. */
export function mountTmpfs(size: string): string {
  const dir = tempDir('longhand-mount-')
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
  mounts.push(dir)
  return dir
}

export function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' })
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
