import Database from 'better-sqlite3'
import type { Db } from './store/database'

/**
 * Scratch full-text tables for search, in a private in-memory database. They let search run
 * FTS5 (same tokenizer, same MATCH syntax as `draft_fts`) over text it holds in hand — bounded
 * chunks of one draft for a snippet, the newest text of drafts whose index entry could not be
 * written — without a byte written to the library's disk.
 *
 * DO NOT move these into the library's connection (temp tables or an attached :memory:): temp
 * tables may spill to a file on a full disk, and both share the library connection's state — a
 * read-only open, `query_only`, a transaction — so a library that cannot be written would make
 * search fail as well.
 */
export const CHUNKS_TABLE = 'snippet_chunks'
/** The chunks' text (external content: 'delete-all' then clears the index without re-tokenizing it). */
export const CHUNK_TEXT_TABLE = 'snippet_chunk_text'
export const STALE_TABLE = 'stale_text'

export function openScratch(library: Db, nativeBinding?: string): Db {
  const tokenizer = indexTokenizer(library)
  const rank = (library.prepare("SELECT v FROM draft_fts_config WHERE k = 'rank'").pluck().get() as string | undefined) ?? 'bm25'
  const scratch = new Database(':memory:', nativeBinding ? { nativeBinding } : {})
  // Same column names as draft_fts, so column filters in a query ("title: …") mean the same.
  scratch.exec(`CREATE TABLE ${CHUNK_TEXT_TABLE} (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)`)
  scratch.exec(
    `CREATE VIRTUAL TABLE ${CHUNKS_TABLE} USING fts5 (title, body, content = '${CHUNK_TEXT_TABLE}', content_rowid = 'id', tokenize = '${tokenizer}')`,
  )
  scratch.exec(`CREATE VIRTUAL TABLE ${STALE_TABLE} USING fts5 (title, body, tokenize = '${tokenizer}')`)
  scratch.prepare(`INSERT INTO ${STALE_TABLE} (${STALE_TABLE}, rank) VALUES ('rank', ?)`).run(rank)
  return scratch
}

/** The tokenizer of the library's index, read from its schema so the two can never differ. */
export function indexTokenizer(library: Db): string {
  const sql = library.prepare("SELECT sql FROM sqlite_master WHERE name = 'draft_fts'").pluck().get() as string | undefined
  const tokenizer = sql && /tokenize\s*=\s*'((?:[^']|'')*)'/i.exec(sql)?.[1]
  if (!tokenizer) throw new Error('The search index has no tokenizer in its schema (draft_fts).')
  return tokenizer
}
