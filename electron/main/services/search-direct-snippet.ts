import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '@shared/domain'
import type { Db } from './store/database'
import { SNIPPET_CHUNK_CHARS, SNIPPET_TOKENS } from './search-snippet'

/**
 * Snippets straight from the library's index for ordinary drafts: one FTS5 snippet() per hit,
 * constrained to that hit's row. FTS5 re-tokenizes the draft for it and scores every occurrence
 * of the query against every other one (quadratic), so this path is taken only when the draft is
 * short and cannot hold many occurrences; everything else goes through the bounded chunks of
 * Snippets. Measured: 200 occurrences cost ~0.2 ms, 400 already 1.5 ms, 1,600 20 ms.
 */
export const DIRECT_SNIPPET_CHARS = 20_000
export const DIRECT_SNIPPET_OCCURRENCES = 200
/** The tokenizer whose token boundaries occurrenceBound() knows (the index's, see migration 0001). */
const KNOWN_TOKENIZER = /^unicode61 remove_diacritics 2$/
const ELLIPSIS = '…'

export class DirectSnippets {
  private readonly snippets

  constructor(db: Db) {
    // One statement for all of a query's hits, over the rowid range they span: a lookup per hit
    // (`rowid = ?`) seeks the query's words in every segment of the index again, which cost more
    // than the snippets themselves (medium words, 20 hits: 1.8 → 0.75 ms). `+rowid` keeps the
    // IN list out of FTS5's plan (it would turn back into a lookup per value). CAST: better-sqlite3
    // binds a JavaScript number as REAL, and FTS5 ignores a rowid constraint it cannot compare as
    // an integer.
    this.snippets = db.prepare(
      `SELECT rowid AS id, snippet(draft_fts, -1, '${SNIPPET_MARK_START}', '${SNIPPET_MARK_END}', '${ELLIPSIS}', ${SNIPPET_TOKENS}) AS snippet
       FROM draft_fts WHERE draft_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)
         AND +rowid IN (SELECT value FROM json_each(?))`,
    )
  }

  static usableWith(tokenizer: string): boolean {
    return KNOWN_TOKENIZER.test(tokenizer)
  }

  /**
   * Whether this path is cheap for a draft (else the caller uses the chunks). `heads`: each query
   * word's wordHead().
   */
  suits(title: string, text: string, cut: boolean, heads: readonly string[]): boolean {
    if (cut || text.length > DIRECT_SNIPPET_CHARS) return false
    // Every word may be in the title or the first chunk: the chunks' first step (one small chunk)
    // most likely finds them all, for less than snippet() re-reading the whole draft.
    if (heads.every((head) => occurrenceBound(title, [head]) > 0 || firstPlace(text, head) < SNIPPET_CHUNK_CHARS)) return false
    return occurrenceBound(title, heads) + occurrenceBound(text, heads) <= DIRECT_SNIPPET_OCCURRENCES
  }

  /** The snippets of drafts `ids` for `match`, by id (a draft the expression does not match has none). */
  get(match: string, ids: readonly number[]): Map<number, string> {
    if (ids.length === 0) return new Map()
    const rows = this.snippets.all(match, Math.min(...ids), Math.max(...ids), JSON.stringify(ids)) as { id: number; snippet: string }[]
    return new Map(rows.map((row) => [row.id, row.snippet]))
  }
}

const boundPatterns = new Map<string, RegExp>()
/** Letters of a query word the bound looks at: enough to tell most words apart. */
const HEAD_CHARS = 3

/**
 * At least as many as the tokens in `text` that could match a query word starting with one of
 * `heads` (see wordHead). Why it never counts too few, for the unicode61 tokenizer with
 * remove_diacritics: a token starts after a separator; folding maps each code point to one or
 * drops it (diacritics), and only non-ASCII code points change or vanish. So where a token's
 * folded text starts with "aug", its raw text has, at the code point that became the "a", an
 * ASCII a/A or a non-ASCII code point, not after an ASCII letter or digit, followed by code
 * points each either the next letter (either case) or non-ASCII. Counting every such place may
 * count too many, never too few.
 */
export function occurrenceBound(text: string, heads: readonly string[]): number {
  const pattern = boundPattern(heads)
  pattern.lastIndex = 0
  let count = 0
  while (count <= DIRECT_SNIPPET_OCCURRENCES) {
    const found = pattern.exec(text)
    if (!found) break
    count++
    // Overlapping places count too: step one code point on, not past the match.
    pattern.lastIndex = found.index + (text.codePointAt(found.index)! > 0xffff ? 2 : 1)
  }
  return count
}

function boundPattern(heads: readonly string[]): RegExp {
  const key = [...new Set(heads)].sort().join('|')
  let pattern = boundPatterns.get(key)
  if (!pattern) {
    const anyCase = (c: string) => `[${c}${c.toUpperCase()}\\u{80}-\\u{10FFFF}]`
    const alternatives = [...new Set(heads)].map((head) => [...head].map(anyCase).join(''))
    pattern = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})`, 'gu')
    boundPatterns.set(key, pattern)
  }
  return pattern
}

/** Where the first place occurrenceBound() counts for `head` is (a hit can be no earlier), or Infinity. */
function firstPlace(text: string, head: string): number {
  const pattern = boundPattern([head])
  pattern.lastIndex = 0
  return pattern.exec(text)?.index ?? Infinity
}

/**
 * The first letters of a query word as the tokenizer folds them (lower case, diacritics off), if
 * occurrenceBound() can use them: ASCII letters and digits only.
 */
export function wordHead(term: string): string | undefined {
  const head = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().slice(0, HEAD_CHARS)
  return /^[a-z0-9]+$/.test(head) ? head : undefined
}
