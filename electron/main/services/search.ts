import type { DraftStatus, SearchHit } from '@shared/domain'
import type { Db } from './store/database'
import type { SearchIndex } from './search-index'
import { DirectSnippets, wordHead } from './search-direct-snippet'
import { PrefixTerms } from './search-prefix'
import { looksLikeFtsSyntax, plainMatchExpression, plainTerms, spellingVariants } from './search-query'
import { STALE_TABLE, indexTokenizer, openScratch } from './search-scratch'
import { SNIPPET_SCAN_CHARS, type SnippetText, Snippets } from './search-snippet'
import { TermStats, type TermStatsResult } from './term-stats'

/**
 * bm25 scores every matching draft before LIMIT applies, so ranking all matches of a word that
 * is in most drafts costs time proportional to the library (measured: 8–20 ms at 10,000 drafts,
 * versus 0.5 ms for 500). Ranking is therefore done over the newest RANKED_CANDIDATES matches:
 * identical to full bm25 whenever fewer drafts match, and for words that are everywhere the
 * author most likely means recent writing anyway.
 */
export const RANKED_CANDIDATES = 1_000

export interface SearchOptions {
  rankedCandidates?: number
  /** The better-sqlite3 native module the library was opened with (Electron's ABI in the app). */
  nativeBinding?: string
}

/** A query as run: what the index matches, and what the scratch tables (stale text, chunks) match. */
interface Expressions {
  /** For draft_fts: like `match`, the word being typed possibly expanded to the index's own words. */
  index: string
  match: string
  /** Any of the words, for a snippet when no chunk holds them all (plain queries only). */
  fallback: string | null
  /** Every word's wordHead(), when each has one DirectSnippets can count; else null. */
  heads: string[] | null
}

export class Search {
  readonly snippets: Snippets
  /** Undefined with a tokenizer DirectSnippets does not know: every snippet then comes from chunks. */
  readonly directSnippets: DirectSnippets | undefined
  private readonly prefixTerms: PrefixTerms | undefined
  private readonly rankedCandidates: number
  private readonly ranked
  private readonly staleMatches
  private readonly clearStale
  private readonly insertStale
  private readonly meta
  private readonly indexedText
  private readonly terms: TermStats

  constructor(
    db: Db,
    private readonly index: SearchIndex,
    options: SearchOptions = {},
  ) {
    this.rankedCandidates = options.rankedCandidates ?? RANKED_CANDIDATES
    const scratch = openScratch(db, options.nativeBinding)
    this.snippets = new Snippets(scratch)
    this.directSnippets = DirectSnippets.usableWith(indexTokenizer(db)) ? new DirectSnippets(db) : undefined
    this.prefixTerms = PrefixTerms.open(db)
    // Drafts whose index entry lags behind (see SearchIndex.catchUpForReading) are left out here
    // and matched on their newest text in the scratch table instead.
    this.ranked = db
      .prepare(
        // title_hit: bm25 with the body weighted 0 is below 0 exactly when the title matches, so a
        // title hit ranks first however often a long body repeats the word.
        `SELECT id FROM (
           SELECT rowid AS id, rank, bm25(draft_fts, 1.0, 0.0) < 0 AS title_hit FROM draft_fts
           WHERE draft_fts MATCH ?
             AND rowid NOT IN (SELECT id FROM drafts WHERE trashed_at IS NOT NULL)
             AND rowid NOT IN (SELECT value FROM json_each(?))
           ORDER BY rowid DESC LIMIT ?)
         ORDER BY title_hit DESC, rank LIMIT ?`,
      )
      .pluck()
    this.staleMatches = scratch.prepare(`SELECT rowid FROM ${STALE_TABLE} WHERE ${STALE_TABLE} MATCH ? ORDER BY rank LIMIT ?`).pluck()
    this.clearStale = scratch.prepare(`DELETE FROM ${STALE_TABLE}`)
    this.insertStale = scratch.prepare(`INSERT INTO ${STALE_TABLE} (rowid, title, body) VALUES (?, ?, ?)`)
    this.meta = db.prepare('SELECT title, status, updated_at FROM drafts WHERE id = ?')
    // One character more than a snippet may look at tells whether the text goes on.
    this.indexedText = db.prepare('SELECT title, substr(body, 1, ?) AS text FROM draft_text WHERE draft_id = ?')
    this.terms = new TermStats(db)
  }

  /** How many drafts use each term: the composer's hashtags favour what sets a draft apart. */
  termStats(terms: readonly string[]): TermStatsResult {
    return this.terms.forTerms(terms)
  }

  query(text: string, limit = 20): SearchHit[] {
    const trimmed = text.trim()
    if (!trimmed) return []
    const stale = this.loadStale(this.index.catchUpForReading())
    try {
      if (looksLikeFtsSyntax(trimmed)) {
        try {
          return this.run({ index: trimmed, match: trimmed, fallback: null, heads: null }, limit, stale)
        } catch {
          // Malformed FTS syntax (unbalanced quotes, a lone *, …): fall through to a plain search.
        }
      }
      const plain = plainMatchExpression(text)
      if (!plain) return []
      // A typed prefix's "ß" variant (prefixSpellingVariants) needs no head of its own: every
      // head's pattern already lets any non-ASCII character stand for each of its letters.
      const heads = plainTerms(text).flatMap(spellingVariants).map(wordHead)
      return this.run(
        {
          // Read just before the ranking, on the same connection, with nothing written in between.
          index: plainMatchExpression(text, 'AND', this.prefixTerms?.expand) ?? plain,
          match: plain,
          fallback: plainMatchExpression(text, 'OR'),
          heads: heads.every((h) => h !== undefined) ? (heads as string[]) : null,
        },
        limit,
        stale,
      )
    } finally {
      if (stale.size) this.clearStale.run()
    }
  }

  /**
   * The newest text of drafts the index could not catch up with (a full or read-only disk, a
   * busy library), derived in memory from their documents: what was typed last is findable,
   * what it replaced is not.
   */
  private loadStale(ids: number[]): Map<number, SnippetText> {
    const texts = new Map<number, SnippetText>()
    if (ids.length === 0) return texts
    this.clearStale.run()
    for (const id of ids) {
      const current = this.index.currentText(id)
      if (current && !current.trashed) texts.set(id, { title: current.title, text: current.body, cut: false })
    }
    for (const [id, { title, text }] of texts) this.insertStale.run(id, title, text)
    return texts
  }

  /**
   * Ranking, then snippets for the top `limit` rows only: from the index for short drafts that
   * cannot hold the query often (DirectSnippets), else from a bounded part of the draft's text
   * (Snippets).
   */
  private run(query: Expressions, limit: number, stale: Map<number, SnippetText>): SearchHit[] {
    const fromIndex = this.ranked.all(query.index, JSON.stringify([...stale.keys()]), this.rankedCandidates, limit) as number[]
    // Drafts just written (the only ones that can be stale) come first.
    const fromStale = stale.size ? (this.staleMatches.all(query.match, limit) as number[]) : []
    const ids = [...fromStale, ...fromIndex].slice(0, limit)
    const chunkSnippet = this.snippets.forQuery(query.match, query.fallback)
    const hits = ids.map((id) => {
      const row = this.meta.get(id) as { title: string; status: DraftStatus; updated_at: number }
      const staleText = stale.get(id)
      return { id, row, text: staleText ?? this.textOf(id, row.title), stale: staleText !== undefined }
    })
    const directSnippets = this.directSnippets
    const heads = query.heads
    const direct =
      directSnippets && heads
        ? directSnippets.get(
            query.index,
            hits.filter((hit) => !hit.stale && directSnippets.suits(hit.text.title, hit.text.text, hit.text.cut, heads)).map((hit) => hit.id),
          )
        : new Map<number, string>()
    return hits.map(({ id, row, text }) => ({
      id,
      title: row.title,
      status: row.status,
      updatedAt: row.updated_at,
      snippet: direct.get(id) ?? chunkSnippet(text),
    }))
  }

  private textOf(id: number, title: string): SnippetText {
    const row = this.indexedText.get(SNIPPET_SCAN_CHARS + 1, id) as { title: string; text: string } | undefined
    if (!row) return { title, text: '', cut: false }
    // substr() counts code points, JavaScript UTF-16 units (a surrogate pair is one code point).
    const cut = row.text.length > SNIPPET_SCAN_CHARS && row.text.length - (row.text.match(/[\uDC00-\uDFFF]/g)?.length ?? 0) > SNIPPET_SCAN_CHARS
    return { title: row.title, text: cut ? row.text.slice(0, /[\uDC00-\uDFFF]$/.test(row.text) ? -2 : -1) : row.text, cut }
  }
}
