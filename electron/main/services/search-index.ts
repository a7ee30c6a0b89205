import { countWords, docToPlainText } from '@shared/text/words'
import type { EditorDoc } from '@shared/domain'
import type { Db } from './store/database'

/**
 * Keeps `draft_text` (the FTS5 external content; triggers keep the index itself in sync)
 * and `word_count` up to date with each draft's document.
 *
 * Autosave only marks a draft stale; this catches up before anything reads the index or the
 * counts (listing, searching) and when the app is idle. That keeps the hot write path to a
 * single UPDATE however long the draft is, while no reader ever sees a stale index.
 */
export class SearchIndex {
  constructor(private readonly db: Db) {}

  /** Re-derives text for every stale draft. Cheap when nothing is stale (one indexed query). */
  refreshStale(): number {
    const stale = this.db.prepare('SELECT id FROM drafts WHERE text_stale = 1').pluck().all() as number[]
    if (stale.length === 0) return 0
    this.db.transaction(() => {
      for (const id of stale) this.indexNow(id)
    })()
    return stale.length
  }

  indexNow(id: number): void {
    const row = this.db.prepare('SELECT d.title, b.doc FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id WHERE d.id = ?').get(id) as { title: string; doc: string } | undefined
    if (!row) return
    let body = ''
    try {
      body = docToPlainText(JSON.parse(row.doc) as EditorDoc)
    } catch {
      // A document that cannot be parsed is reported when it is opened; it just isn't searchable.
    }
    this.db
      .prepare(
        `INSERT INTO draft_text (draft_id, title, body) VALUES (?, ?, ?)
         ON CONFLICT (draft_id) DO UPDATE SET title = excluded.title, body = excluded.body
         WHERE title IS NOT excluded.title OR body IS NOT excluded.body`,
      )
      .run(id, row.title, body)
    this.db.prepare('UPDATE drafts SET word_count = ?, text_stale = 0 WHERE id = ?').run(countWords(body), id)
  }

  updateTitle(id: number, title: string): void {
    this.db.prepare('UPDATE draft_text SET title = ? WHERE draft_id = ? AND title IS NOT ?').run(title, id, title)
  }

  /** Rebuilds the whole index from draft_text (used after bulk imports and restores). */
  rebuild(): void {
    this.db.prepare("INSERT INTO draft_fts (draft_fts) VALUES ('rebuild')").run()
  }
}
