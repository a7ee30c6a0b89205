import { SNIPPET_MARK_END, SNIPPET_MARK_START, type DraftStatus, type SearchHit } from '@shared/domain'
import type { Db } from './store/database'
import type { SearchIndex } from './search-index'
import { looksLikeFtsSyntax, plainMatchExpression, plainTerms } from './search-query'

const SNIPPET_TOKENS = 14
/**
 * bm25 scores every matching draft before LIMIT applies, so a query made only of words that
 * are in most drafts ("und", "Dialog") would cost time proportional to the library. Above this
 * many matches the ranking is done over the newest matches only: for such words relevance is
 * nearly flat anyway, and the author usually means recent writing.
 */
export const FREQUENT_TERM_DOCS = 1_000
export const FREQUENT_CANDIDATES = 500

export class Search {
  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
    private readonly frequentTermDocs = FREQUENT_TERM_DOCS,
    private readonly frequentCandidates = FREQUENT_CANDIDATES,
  ) {}

  query(text: string, limit = 20): SearchHit[] {
    const trimmed = text.trim()
    if (!trimmed) return []
    this.index.refreshStale()
    if (looksLikeFtsSyntax(trimmed)) {
      try {
        return this.run(trimmed, limit, false)
      } catch {
        // Malformed FTS syntax (unbalanced quotes, a lone *, …): fall through to a plain search.
      }
    }
    const plain = plainMatchExpression(text)
    if (!plain) return []
    return this.run(plain, limit, this.onlyFrequentTerms(text))
  }

  /** True when every word of a plain query is in more than FREQUENT_TERM_DOCS drafts. */
  private onlyFrequentTerms(text: string): boolean {
    const terms = plainTerms(text)
    const exact = this.db.prepare('SELECT doc FROM draft_vocab WHERE term = ?').pluck()
    const prefixed = this.db.prepare('SELECT max(doc) FROM draft_vocab WHERE term >= ? AND term < ?').pluck()
    return terms.every((term, i) => {
      const token = tokenLike(term)
      const isPrefix = i === terms.length - 1 && !/\s$/.test(text)
      const docs = isPrefix ? (prefixed.get(token, token + '\u{10FFFF}') as number | null) : (exact.get(token) as number | undefined)
      return (docs ?? 0) > this.frequentTermDocs
    })
  }

  /**
   * Ranking and snippets in two steps: only the top `limit` rows pay for snippet extraction,
   * which reads and re-tokenizes each draft's text.
   */
  private run(match: string, limit: number, frequent: boolean): SearchHit[] {
    const notTrashed = 'rowid NOT IN (SELECT id FROM drafts WHERE trashed_at IS NOT NULL)'
    const ranked = (
      frequent
        ? this.db
            .prepare(
              `SELECT id FROM (SELECT rowid AS id, rank FROM draft_fts WHERE draft_fts MATCH ? AND ${notTrashed}
               ORDER BY rowid DESC LIMIT ?) ORDER BY rank LIMIT ?`,
            )
            .pluck()
            .all(match, this.frequentCandidates, limit)
        : this.db.prepare(`SELECT rowid FROM draft_fts WHERE draft_fts MATCH ? AND ${notTrashed} ORDER BY rank LIMIT ?`).pluck().all(match, limit)
    ) as number[]
    if (ranked.length === 0) return []
    const snippet = this.db
      .prepare(
        `SELECT snippet(draft_fts, -1, '${SNIPPET_MARK_START}', '${SNIPPET_MARK_END}', '…', ${SNIPPET_TOKENS})
         FROM draft_fts WHERE draft_fts MATCH ? AND rowid = ?`,
      )
      .pluck()
    const meta = this.db.prepare('SELECT title, status, updated_at FROM drafts WHERE id = ?')
    return ranked.map((id) => {
      const row = meta.get(id) as { title: string; status: DraftStatus; updated_at: number }
      return { id, title: row.title, status: row.status, updatedAt: row.updated_at, snippet: (snippet.get(match, id) as string) ?? '' }
    })
  }
}

/** Approximates the unicode61 tokenizer (remove_diacritics 2): lower case, no combining marks. */
function tokenLike(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
