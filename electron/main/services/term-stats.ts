import type { Db } from './store/database'

export interface TermStatsResult {
  /** Drafts in the library's index. */
  documentCount: number
  /** Per asked term, in the same order: in how many drafts it occurs. */
  documentFrequencies: number[]
}

/**
 * Document frequencies for the composer's hashtag ranking, read from the full-text index: an
 * fts5vocab 'row' table over draft_fts counts the drafts per token; terms of several words
 * ("social media", "social-media") are counted as phrase matches. Trashed drafts count too
 * (they are in the index): the figures only weigh how common a word is in the author's writing.
 */
export class TermStats {
  private readonly docCount
  private readonly tokenDocs
  private readonly phraseDocs

  constructor(db: Db) {
    // A temp table lives with this connection only: no migration, nothing in the library file.
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.draft_fts_terms USING fts5vocab(main, draft_fts, row)')
    this.docCount = db.prepare('SELECT count(*) FROM draft_text').pluck()
    this.tokenDocs = db.prepare('SELECT doc FROM temp.draft_fts_terms WHERE term = ?').pluck()
    this.phraseDocs = db.prepare('SELECT count(*) FROM draft_fts WHERE draft_fts MATCH ?').pluck()
  }

  forTerms(terms: readonly string[]): TermStatsResult {
    const documentCount = this.docCount.get() as number
    const documentFrequencies = terms.map((term) => {
      const tokens = indexTokens(term)
      if (tokens.length === 0) return 0
      if (tokens.length === 1) return (this.tokenDocs.get(tokens[0]) as number | undefined) ?? 0
      return this.phraseDocs.get(`"${tokens.join(' ')}"`) as number
    })
    return { documentCount, documentFrequencies }
  }
}

/**
 * A term as the index's tokenizer (unicode61 remove_diacritics 2) stores it: lowercase, accents
 * folded ("Öffentlichkeit" → "offentlichkeit"; ß stays), split at anything not a letter or digit.
 */
export function indexTokens(term: string): string[] {
  return term
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '')
}
