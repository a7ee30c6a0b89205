import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Db } from './database'

const FILE_PATTERN = /^longhand-(\d{8}T\d{6}\d{3}Z)-([a-z0-9-]+)\.sqlite$/

export interface SafetyBackupInfo {
  file: string
  name: string
  reason: string
  createdAt: number
  bytes: number
}

/**
 * Whole-file copies of the database taken with SQLite's online backup API (consistent even
 * while the app writes). Kept: the newest `keep` files. These protect against a damaged file or
 * a bad migration; the human-readable library backup (Markdown folder) is a separate feature.
 */
export class SafetyBackups {
  constructor(
    readonly dir: string,
    private readonly keep = 7,
    private readonly now: () => number = Date.now,
  ) {}

  async create(db: Db, reason: string): Promise<SafetyBackupInfo> {
    mkdirSync(this.dir, { recursive: true })
    const stamp = new Date(this.now()).toISOString().replace(/[-:.]/g, '')
    const safeReason = reason.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 40) || 'backup'
    let file = join(this.dir, `longhand-${stamp}-${safeReason}.sqlite`)
    for (let n = 2; this.exists(file); n++) file = join(this.dir, `longhand-${stamp}-${safeReason}-${n}.sqlite`)
    await db.backup(file)
    this.prune(file)
    return this.describe(file)!
  }

  list(): SafetyBackupInfo[] {
    let names: string[]
    try {
      names = readdirSync(this.dir)
    } catch {
      return []
    }
    return names
      .map((name) => this.describe(join(this.dir, name)))
      .filter((b): b is SafetyBackupInfo => b !== null)
      .sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name))
  }

  /** Newest backup that opens and passes quick_check, for recovery at start-up. */
  newestReadable(nativeBinding?: string): string | null {
    for (const backup of this.list()) {
      try {
        const db = new Database(backup.file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
        try {
          if (db.pragma('quick_check', { simple: true }) === 'ok') return backup.file
        } finally {
          db.close()
        }
      } catch {
        // unreadable backup: try the next older one
      }
    }
    return null
  }

  /** Keeps the newest `keep`, always counting the one just taken (several may share a millisecond). */
  private prune(justTaken: string): void {
    for (const old of this.list().filter((b) => b.file !== justTaken).slice(this.keep - 1)) rmSync(old.file, { force: true })
  }

  private exists(file: string): boolean {
    try {
      statSync(file)
      return true
    } catch {
      return false
    }
  }

  private describe(file: string): SafetyBackupInfo | null {
    const name = file.slice(this.dir.length + 1)
    const match = FILE_PATTERN.exec(name)
    if (!match) return null
    const s = match[1]!
    const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`
    let bytes = 0
    try {
      bytes = statSync(file).size
    } catch {
      return null
    }
    return { file, name, reason: match[2]!, createdAt: Date.parse(iso), bytes }
  }
}
