import type { Db } from './store/database'

/**
 * Lengths the index keeps prefix entries for (draft_fts: prefix = '2 3 4'); a longer prefix
 * makes FTS5 merge the list of every word starting with it, on every query (`verbind*`: 15 ms
 * p95 at 10,000 drafts, with a snippet per hit several times that).
 */
const INDEXED_PREFIX_CHARS = 4
/** More completions than this: the prefix query is the cheaper one. */
export const MAX_COMPLETIONS = 32
const VOCAB_TABLE = 'temp.draft_fts_terms'

/**
 * The index's words that start with a prefix, read from its vocabulary (an fts5vocab table,
 * which walks only the words in the range). Only plain lower-case ASCII prefixes are expanded:
 * for those, the tokenizer's folding is lower case and nothing else, so the words found are
 * exactly the ones FTS5's own prefix query would match.
 */
export class PrefixTerms {
  private readonly terms

  private constructor(db: Db) {
    this.terms = db.prepare(`SELECT term FROM ${VOCAB_TABLE} WHERE term >= ? AND term < ? LIMIT ${MAX_COMPLETIONS + 1}`).pluck()
  }

  /**
   * Undefined when the vocabulary table cannot be made on this connection (DO NOT fail search
   * for that: prefix queries work without it, only slower).
   */
  static open(db: Db): PrefixTerms | undefined {
    try {
      // In temp: a table definition on this connection only, nothing written to the library.
      db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${VOCAB_TABLE} USING fts5vocab(main, draft_fts, row)`)
      return new PrefixTerms(db)
    } catch {
      return undefined
    }
  }

  /** The words, or undefined to keep the prefix query (short, non-ASCII or too many completions). */
  readonly expand = (prefix: string): readonly string[] | undefined => {
    if (prefix.length <= INDEXED_PREFIX_CHARS || !/^[a-z0-9]+$/.test(prefix)) return undefined
    const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
    const words = (this.terms.all(prefix, next) as string[]).filter((w) => w.startsWith(prefix))
    return words.length <= MAX_COMPLETIONS ? words : undefined
  }
}
