import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '@shared/domain'
import type { Db } from './store/database'
import { CHUNKS_TABLE, CHUNK_TEXT_TABLE } from './search-scratch'

/** Words around the hit, as FTS5's snippet() counts them. */
export const SNIPPET_TOKENS = 14
/**
 * Text handed to one FTS5 snippet() call (plus the context on either side). snippet() scores
 * every occurrence of the query in its text against every other one: 50,000 occurrences in one
 * draft took 24 s and held the database (and every save) that long. A chunk with its context
 * holds at most ~250 (a draft of nothing but "a a a …"), which snippet() scores in ~1 ms.
 */
export const SNIPPET_CHUNK_CHARS = 300
/** Words from the neighbouring chunks: context around a hit near a seam, phrases across it. */
const OVERLAP_CHARS = 100
/**
 * The search for the first hit tokenizes 1, 2, 4, … chunks per step (at most this many): a
 * frequent word is found in the first chunk, and no draft costs more than about twice the text
 * before its first hit.
 */
const MAX_CHUNKS_PER_STEP = 32
/** How far into a draft a snippet looks for its first hit; past that the draft's opening is shown. */
export const SNIPPET_SCAN_CHARS = 128_000
/** All snippets of one query together: with 20 long drafts that hide their hit deep inside. */
export const SNIPPET_QUERY_CHARS = 1_000_000
const ELLIPSIS = '…'

export interface SnippetText {
  title: string
  /** The draft's plain text, or at least its first SNIPPET_SCAN_CHARS characters. */
  text: string
  /** True when `text` stops before the draft does. */
  cut: boolean
}

/**
 * Snippets from bounded chunks of a draft's text: the first chunk (in text order) that matches
 * the query gets FTS5's own snippet(), in a scratch table with the index's tokenizer, so case,
 * accents, ß/ss, prefixes, phrases and column filters highlight exactly as they match.
 */
export class Snippets {
  /** Characters handed to FTS5 for snippets so far: lets tests check the work is bounded without timing it. */
  charsTokenized = 0
  private readonly clear
  private readonly insert
  private readonly firstMatch
  private readonly step

  /** `scratch`: the in-memory database of openScratch(). */
  constructor(scratch: Db) {
    const clearIndex = scratch.prepare(`INSERT INTO ${CHUNKS_TABLE} (${CHUNKS_TABLE}) VALUES ('delete-all')`)
    const clearText = scratch.prepare(`DELETE FROM ${CHUNK_TEXT_TABLE}`)
    this.clear = () => {
      clearIndex.run()
      clearText.run()
    }
    const insertText = scratch.prepare(`INSERT INTO ${CHUNK_TEXT_TABLE} (id, title, body) VALUES (?, ?, ?)`)
    const insertIndex = scratch.prepare(`INSERT INTO ${CHUNKS_TABLE} (rowid, title, body) VALUES (?, ?, ?)`)
    this.insert = (id: number, title: string, body: string) => {
      insertText.run(id, title, body)
      insertIndex.run(id, title, body)
    }
    // One transaction per step: FTS5 writes its index once per commit, not once per chunk.
    this.step = <T>(fn: () => T): T => scratch.transaction(fn)()
    // No rowid constraint: the chunk table only ever holds the chunks of the current step.
    this.firstMatch = scratch
      .prepare(
        `SELECT snippet(${CHUNKS_TABLE}, -1, '${SNIPPET_MARK_START}', '${SNIPPET_MARK_END}', '${ELLIPSIS}', ${SNIPPET_TOKENS})
         FROM ${CHUNKS_TABLE} WHERE ${CHUNKS_TABLE} MATCH ? ORDER BY rowid LIMIT 1`,
      )
      .pluck()
  }

  /**
   * A snippet maker for one query's hits, taken in rank order. `fallbackMatch` (any of the
   * words) is tried when `match` finds no single chunk holding all of it, e.g. two words that
   * are pages apart.
   */
  forQuery(match: string, fallbackMatch: string | null): (source: SnippetText) => string {
    let budget = SNIPPET_QUERY_CHARS
    return (source) => {
      for (const expression of fallbackMatch && fallbackMatch !== match ? [match, fallbackMatch] : [match]) {
        const found = this.firstMatchingChunk(expression, source, budget)
        budget -= found.chars
        if (found.snippet !== undefined) return found.snippet
      }
      return opening(source)
    }
  }

  /** The first chunk within SNIPPET_SCAN_CHARS of the text that matches, tokenizing at most about `budget` characters. */
  private firstMatchingChunk(match: string, source: SnippetText, budget: number): { snippet?: string; chars: number } {
    const { title, text, cut } = source
    const scanEnd = Math.min(text.length, SNIPPET_SCAN_CHARS)
    let chars = 0
    let start = 0
    let chunkNumber = 0
    let chunksPerStep = 1
    const more = () => start < scanEnd && chars < budget
    try {
      // An empty text still gets one chunk: a title-only hit is found in it.
      while (chunkNumber === 0 || more()) {
        const chunks = chunksPerStep
        chunksPerStep = Math.min(2 * chunksPerStep, MAX_CHUNKS_PER_STEP)
        const snippet = this.step(() => {
          this.clear()
          for (let i = 0; i < chunks && (chunkNumber === 0 || more()); i++) {
            const end = chunkEnd(text, start)
            const from = overlapStart(text, start)
            const to = overlapEnd(text, end)
            const body = (from > 0 ? ELLIPSIS : '') + text.slice(from, to) + (to < text.length || cut ? ELLIPSIS : '')
            this.insert(++chunkNumber, title, body)
            chars += title.length + body.length
            start = end
          }
          return this.firstMatch.get(match) as string | undefined
        })
        if (snippet !== undefined) return { snippet, chars }
      }
      return { chars }
    } catch (error) {
      // An expression this table refuses (the index accepted it) gets the opening instead.
      if ((error as { code?: unknown }).code !== 'SQLITE_ERROR') throw error
      return { chars }
    } finally {
      this.charsTokenized += chars
      this.clear()
    }
  }
}

/** End of the chunk starting at `start`: at a space when there is one near the limit. */
function chunkEnd(text: string, start: number): number {
  const limit = start + SNIPPET_CHUNK_CHARS
  if (limit >= text.length) return text.length
  for (let i = limit; i > limit - OVERLAP_CHARS; i--) if (/\s/.test(text[i]!)) return i
  // One very long "word": cut it, but never between the two halves of a surrogate pair.
  return /[\uD800-\uDBFF]/.test(text[limit - 1]!) ? limit - 1 : limit
}

/** Where a chunk's text begins: up to OVERLAP_CHARS earlier, at the start of a word. */
function overlapStart(text: string, start: number): number {
  if (start === 0) return 0
  for (let i = Math.max(0, start - OVERLAP_CHARS); i < start; i++) if (/\s/.test(text[i]!)) return i + 1
  return start
}

/** Where a chunk's text ends: up to OVERLAP_CHARS later, at the end of a word. */
function overlapEnd(text: string, end: number): number {
  const limit = end + OVERLAP_CHARS
  if (limit >= text.length) return text.length
  for (let i = limit; i > end; i--) if (/\s/.test(text[i]!)) return i
  return end
}

/** No hit within reach (or none in the text): the draft's first words, like an unhighlighted snippet. */
function opening({ text, cut }: SnippetText): string {
  const words = /\S+/g
  let end = 0
  for (let n = 0; n < SNIPPET_TOKENS && words.exec(text); n++) end = words.lastIndex
  return text.slice(0, end).trim() + (end < text.trimEnd().length || cut ? ELLIPSIS : '')
}
