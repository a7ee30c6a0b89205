import { countWords, docToPlainText } from '@shared/text/words'
import type { EditorDoc } from '@shared/domain'
import type { Db } from './store/database'

/** Why the library refuses a write for now; anything else is a real error. */
export type WriteBlocked = 'disk-full' | 'read-only' | 'busy'

export function writeBlockedBy(error: unknown): WriteBlocked | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  if (code === 'SQLITE_FULL') return 'disk-full'
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return 'read-only'
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) return 'busy'
  return null
}

/**
 * Keeps `draft_text` (the FTS5 external content; triggers keep the index itself in sync)
 * and `word_count` up to date with each draft's document.
 *
 * Autosave only marks a draft stale; this catches up before anything reads the index or the
 * counts (listing, searching) and when the app is idle. That keeps the hot write path to a
 * single UPDATE however long the draft is. Catching up writes, so for readers it is
 * best-effort: when the library cannot take a write (disk full, read-only, busy) they answer
 * anyway — the listing with the last known word counts, search with the newest text of the
 * stale drafts matched in memory (see Search).
 */
export class SearchIndex {
  private readonly staleIds
  private readonly source

  constructor(private readonly db: Db) {
    // Uses the partial index drafts_stale: one index probe when nothing is stale.
    this.staleIds = db.prepare('SELECT id FROM drafts WHERE text_stale = 1').pluck()
    this.source = db.prepare('SELECT d.title, d.trashed_at IS NOT NULL AS trashed, b.doc FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id WHERE d.id = ?')
  }

  /** Re-derives text for every stale draft. Cheap when nothing is stale (one indexed query). */
  refreshStale(): number {
    const stale = this.staleIds.all() as number[]
    if (stale.length === 0) return 0
    this.reindex(stale)
    return stale.length
  }

  /**
   * Catching up for a reader: never waits for another writer, and a library that cannot take
   * the write now (disk full, read-only, busy) is not an error for the read. Returns the ids
   * still stale (empty when the index is current); any other failure is thrown.
   */
  catchUpForReading(): number[] {
    const stale = this.staleIds.all() as number[]
    if (stale.length === 0) return []
    const busyTimeout = Number(this.db.pragma('busy_timeout', { simple: true }))
    this.db.pragma('busy_timeout = 0')
    try {
      this.reindex(stale)
      return []
    } catch (error) {
      if (writeBlockedBy(error)) return stale
      throw error
    } finally {
      this.db.pragma(`busy_timeout = ${busyTimeout}`)
    }
  }

  private reindex(ids: number[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.indexNow(id)
    })()
  }

  indexNow(id: number): void {
    const current = this.currentText(id)
    if (!current) return
    this.db
      .prepare(
        `INSERT INTO draft_text (draft_id, title, body) VALUES (?, ?, ?)
         ON CONFLICT (draft_id) DO UPDATE SET title = excluded.title, body = excluded.body
         WHERE title IS NOT excluded.title OR body IS NOT excluded.body`,
      )
      .run(id, current.title, current.body)
    this.db.prepare('UPDATE drafts SET word_count = ?, text_stale = 0 WHERE id = ?').run(countWords(current.body), id)
  }

  /** Title and plain text of a draft as its document is now, whatever the index holds. */
  currentText(id: number): { title: string; body: string; trashed: boolean } | undefined {
    const row = this.source.get(id) as { title: string; trashed: number; doc: string } | undefined
    if (!row) return undefined
    let body = ''
    try {
      body = docToPlainText(JSON.parse(row.doc) as EditorDoc)
    } catch {
      // A document that cannot be parsed is reported when it is opened; it just isn't searchable.
    }
    return { title: row.title, body, trashed: row.trashed === 1 }
  }

  updateTitle(id: number, title: string): void {
    this.db.prepare('UPDATE draft_text SET title = ? WHERE draft_id = ? AND title IS NOT ?').run(title, id, title)
  }

  /** Rebuilds the whole index from draft_text (used after bulk imports and restores). */
  rebuild(): void {
    this.db.prepare("INSERT INTO draft_fts (draft_fts) VALUES ('rebuild')").run()
  }
}
