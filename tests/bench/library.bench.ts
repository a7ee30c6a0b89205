import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, test } from 'vitest'
import { createServices, type Services } from '../../electron/main/services'
import { createDispatcher } from '../../electron/main/ipc/dispatch'
import { createHandlers } from '../../electron/main/ipc/handlers'
import { docToPlainText, countWords } from '@shared/text/words'
import { gateEditorDoc } from '@shared/export'
import { generatedDoc } from './support/corpus'
import { report, timeAsync, timeSync } from './support/measure'

const DRAFTS = 10_000
const WORDS_PER_DRAFT = 1_000
let services: Services
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'longhand-bench-'))
  services = await createServices({ dataDir: dir })
  const t0 = performance.now()
  // Bulk load straight into the tables (the per-draft create() path is measured elsewhere); the
  // full-text index is then built in one 'rebuild', as an import of a large library would do.
  const db = services.db
  db.exec('DROP TRIGGER draft_text_ai')
  const insertDraft = db.prepare('INSERT INTO drafts (id, title, word_count, text_stale, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)')
  const insertBody = db.prepare('INSERT INTO draft_bodies (draft_id, doc) VALUES (?, ?)')
  const insertText = db.prepare('INSERT INTO draft_text (draft_id, title, body) VALUES (?, ?, ?)')
  const insertTag = db.prepare("INSERT INTO draft_tags (draft_id, tag, position) VALUES (?, 'Blog', 0)")
  db.transaction(() => {
    for (let i = 1; i <= DRAFTS; i++) {
      const doc = generatedDoc(WORDS_PER_DRAFT, i)
      const body = docToPlainText(doc)
      insertDraft.run(i, `Entwurf ${i}`, countWords(body), Date.UTC(2026, 0, 1) + i * 60_000, Date.UTC(2026, 0, 1) + i * 60_000)
      insertBody.run(i, JSON.stringify(doc))
      insertText.run(i, `Entwurf ${i}`, body)
      if (i % 7 === 0) insertTag.run(i)
    }
  })()
  // The LIKE baseline's own "index": each draft's text folded as the FTS5 tokenizer folds it
  // (case, diacritics, ß), so the scan finds what the index finds (built here, not timed).
  db.exec('CREATE TABLE bench_folded_text (draft_id INTEGER PRIMARY KEY, folded TEXT NOT NULL)')
  const insertFolded = db.prepare('INSERT INTO bench_folded_text (draft_id, folded) VALUES (?, ?)')
  db.transaction(() => {
    for (const { draft_id, body } of db.prepare('SELECT draft_id, body FROM draft_text').all() as { draft_id: number; body: string }[])
      insertFolded.run(draft_id, fold(body))
  })()
  db.exec(`CREATE TRIGGER draft_text_ai AFTER INSERT ON draft_text BEGIN
    INSERT INTO draft_fts (rowid, title, body) VALUES (new.draft_id, new.title, new.body); END`)
  services.searchIndex.rebuild()
  db.pragma('wal_checkpoint(TRUNCATE)')
  const matching = db.prepare('SELECT count(*) FROM draft_fts WHERE draft_fts MATCH ?').pluck()
  const vocab = Object.fromEntries(['dialog', 'gesprach', 'augenhohe', 'verbind*', 'leuchtturm'].map((t) => [t, matching.get(t)]))
  console.log(`seeded ${DRAFTS} drafts × ${WORDS_PER_DRAFT} words in ${((performance.now() - t0) / 1000).toFixed(1)} s; documents per term:`, vocab)
}, 600_000)

afterAll(() => {
  services.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Lower case, no diacritics, ß as ss: what remove_diacritics 2 and the ß variants match. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('ß', 'ss')
}

/**
 * The same search without the index: every word of the query (accents folded, the last one a
 * prefix while typing — a substring covers both), trashed drafts left out, 20 results.
 */
function likeScan(query: string) {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const where = words.map(() => 'f.folded LIKE ?').join(' AND ')
  return services.db
    .prepare(`SELECT d.id, d.title FROM drafts d JOIN bench_folded_text f ON f.draft_id = d.id WHERE ${where} AND d.trashed_at IS NULL LIMIT 20`)
    .all(...words.map((w) => `%${w}%`))
}

test('search over 10,000 drafts of ~1,000 words (target p95 ≤ 10 ms)', () => {
  const cases: [string, string][] = [
    ['rare word', 'Leuchtturm '],
    ['medium word', 'Augenhöhe '],
    ['common word (in most drafts)', 'Dialog '],
    ['two words AND', 'Gespräch Strategie '],
    ['prefix while typing', 'verbind'],
    ['umlaut-folded, as typed', 'augenhohe'],
  ]
  report(
    'Search (FTS5, bm25 + snippet, 20 results) vs LIKE scan',
    cases.map(([name, query]) => ({
      name: `${name}: "${query}"`,
      sample: timeSync(() => services.search.query(query, 20), 60),
      baseline: timeSync(() => likeScan(query), 30, 3),
      target: { p95Ms: 10 },
    })),
  )
})

test('library listing with 10,000 drafts (what boot loads: summaries, no bodies)', () => {
  report('Library list (10,000 drafts)', [
    {
      name: 'drafts.list() summaries (baseline: loading every body)',
      sample: timeSync(() => services.drafts.list(), 30),
      baseline: timeSync(() => services.db.prepare('SELECT d.id, d.title, b.doc FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id').all(), 30, 1),
    },
  ])
})

test('autosave of a 100,000-word draft (target p95 ≤ 15 ms)', async () => {
  const dispatch = createDispatcher(createHandlers(services))
  const big = services.drafts.create({ title: 'Riesig', doc: generatedDoc(100_000, 99) })
  const docs = [generatedDoc(100_000, 100), generatedDoc(100_000, 101)]
  const json = JSON.stringify(docs[0])
  console.log(`100k-word document: ${(json.length / 1024 / 1024).toFixed(2)} MiB of JSON`)
  const raw = services.db.prepare('UPDATE draft_bodies SET doc = ? WHERE draft_id = ?')
  report('Autosave, 100,000-word draft', [
    {
      name: 'drafts.saveContent (UPDATE, synchronous=FULL)',
      sample: timeSync((i) => services.drafts.saveContent(big.id, docs[i % 2]!), 60),
      // The bare UPDATE, no validation or snapshot check, serialising inside the step as saveContent does.
      baseline: timeSync((i) => raw.run(JSON.stringify(docs[i % 2]), big.id), 60),
      target: { p95Ms: 15 },
    },
    {
      // Part of saveContent above: the document gate main holds on every write (one walk).
      name: 'of which: document gate (gateEditorDoc) vs JSON.stringify of the same document',
      sample: timeSync((i) => gateEditorDoc(docs[i % 2]!), 60),
      baseline: timeSync((i) => JSON.stringify(docs[i % 2]!), 60),
    },
    {
      name: 'whole boundary: dispatcher (zod validation of the document) + saveContent',
      sample: await timeAsync(async (i) => {
        const result = await dispatch('drafts.saveContent', { id: big.id, doc: docs[i % 2] })
        if (!result.ok) throw new Error(result.error.message)
      }, 40),
      baseline: timeSync((i) => services.drafts.saveContent(big.id, docs[i % 2]!), 40),
    },
    {
      name: 'deferred: re-index after the save (runs before the next search/list, not in autosave)',
      sample: timeSync((i) => {
        services.drafts.saveContent(big.id, docs[i % 2]!)
        services.searchIndex.refreshStale()
      }, 30, 2),
    },
  ])
})
