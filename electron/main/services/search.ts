import { SNIPPET_MARK_END, SNIPPET_MARK_START, type DraftStatus, type SearchHit } from '@shared/domain'
import type { Db } from './store/database'
import type { SearchIndex } from './search-index'
import { looksLikeFtsSyntax, plainMatchExpression } from './search-query'

const SNIPPET_TOKENS = 14

export class Search {
  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
  ) {}

  query(text: string, limit = 20): SearchHit[] {
    const trimmed = text.trim()
    if (!trimmed) return []
    this.index.refreshStale()
    if (looksLikeFtsSyntax(trimmed)) {
      try {
        return this.run(trimmed, limit)
      } catch {
        // Malformed FTS syntax (unbalanced quotes, a lone *, …): fall through to a plain search.
      }
    }
    const plain = plainMatchExpression(text)
    return plain ? this.run(plain, limit) : []
  }

  /**
   * Ranking and snippets in two steps: bm25 orders the matches and only the top `limit` rows
   * pay for snippet extraction, which matters for common words that match thousands of drafts.
   */
  private run(match: string, limit: number): SearchHit[] {
    const ranked = this.db
      .prepare(
        `SELECT rowid AS id FROM draft_fts
         WHERE draft_fts MATCH ? AND rowid NOT IN (SELECT id FROM drafts WHERE trashed_at IS NOT NULL)
         ORDER BY rank LIMIT ?`,
      )
      .pluck()
      .all(match, limit) as number[]
    if (ranked.length === 0) return []
    const snippet = this.db.prepare(
      `SELECT snippet(draft_fts, -1, '${SNIPPET_MARK_START}', '${SNIPPET_MARK_END}', '…', ${SNIPPET_TOKENS})
       FROM draft_fts WHERE draft_fts MATCH ? AND rowid = ?`,
    ).pluck()
    const meta = this.db.prepare('SELECT title, status, updated_at FROM drafts WHERE id = ?')
    return ranked.map((id) => {
      const row = meta.get(id) as { title: string; status: DraftStatus; updated_at: number }
      return { id, title: row.title, status: row.status, updatedAt: row.updated_at, snippet: (snippet.get(match, id) as string) ?? '' }
    })
  }
}
