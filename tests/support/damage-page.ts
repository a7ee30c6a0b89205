import { closeSync, openSync, readSync, writeSync } from 'node:fs'
import Database from 'better-sqlite3'

/**
 * Overwrites one leaf page of the drafts' blocks (draft_bodies is a view since schema 5) with
 * garbage: SQLite still opens the file; only reading that page fails, and quick_check finds it.
 * The file must be closed (WAL folded in). Returns the page number.
 */
export function damageOnePage(file: string): number {
  const db = new Database(file, { readonly: true })
  const pageSize = Number(db.pragma('page_size', { simple: true }))
  const { pageno } = db.prepare("SELECT pageno FROM dbstat WHERE name = 'draft_blocks' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 2").get() as { pageno: number }
  db.close()
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (pageno - 1) * pageSize)
  } finally {
    closeSync(fd)
  }
  return pageno
}

/**
 * Overwrites the leaf page of the drafts' blocks that holds `marker` (a text only one block has):
 * the damage hits that draft and no other one whose blocks sit on their own pages. The file must
 * be closed (WAL folded in). Returns the page number.
 */
export function damagePageHolding(file: string, marker: string): number {
  const db = new Database(file, { readonly: true })
  const pageSize = Number(db.pragma('page_size', { simple: true }))
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'draft_blocks' AND pagetype = 'leaf'").pluck().all() as number[]
  db.close()
  const needle = Buffer.from(marker, 'utf8')
  const fd = openSync(file, 'r+')
  try {
    const page = Buffer.alloc(pageSize)
    const holding = pages.filter((pageno) => readSync(fd, page, 0, pageSize, (pageno - 1) * pageSize) === pageSize && page.includes(needle))
    if (holding.length !== 1) throw new Error(`${holding.length} leaf pages of draft_blocks hold ${marker}; expected exactly one`)
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (holding[0]! - 1) * pageSize)
    return holding[0]!
  } finally {
    closeSync(fd)
  }
}
