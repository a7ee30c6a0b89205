import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, test } from 'vitest'
import { createServices, type Services } from '../../electron/main/services'
import { createDispatcher } from '../../electron/main/ipc/dispatch'
import { createHandlers } from '../../electron/main/ipc/handlers'
import { docToPlainText, countWords } from '@shared/text/words'
import { gateEditorDoc } from '@shared/export'
import { getSchema } from '@tiptap/core'
import { Fragment, Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorDoc } from '@shared/domain'
import { editorExtensions } from '../../renderer/editor/extensions'
import { blocksPatch, type BlocksPatch } from '../../renderer/editor/blockPatch'
import { bodyStats } from '../../renderer/editor/bodyStats'
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
 * prefix while typing — a substring covers both), trashed drafts left out, 20 results, newest
 * first (LIKE cannot rank by relevance; in the order of the index drafts_by_recency, so the scan
 * stops at the 20th match), each with ~140 characters around its first hit.
 */
function likeScan(query: string) {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const where = words.map(() => 'f.folded LIKE ?').join(' AND ')
  return services.db
    .prepare(
      `SELECT d.id, d.title, substr(f.folded, max(1, instr(f.folded, ?) - 60), 140) AS snippet
       FROM drafts d JOIN bench_folded_text f ON f.draft_id = d.id
       WHERE ${where} AND d.trashed_at IS NULL ORDER BY d.updated_at DESC LIMIT 20`,
    )
    .all(words[0], ...words.map((w) => `%${w}%`))
}

/** What the search box asks for while `text` is typed: one query per keystroke. */
function keystrokes(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)).filter((q) => q.trim())
}

test('search over 10,000 drafts of ~1,000 words (target p95 ≤ 10 ms)', () => {
  const cases: [string, string[]][] = [
    ['rare word', ['Leuchtturm ']],
    ['medium word', ['Augenhöhe ']],
    ['common word (in most drafts)', ['Dialog ']],
    ['two words AND', ['Gespräch Strategie ']],
    ['prefix while typing', ['verbind']],
    ['umlaut-folded, as typed', ['augenhohe']],
    ['two-letter prefix (most drafts)', ['ge']],
    // Every query the box sends on the way, short prefixes included, pooled into one figure.
    ['each keystroke of', keystrokes('Verbindung')],
    ['each keystroke, umlauts folded, of', keystrokes('gesprach augenhohe')],
  ]
  report(
    'Search (FTS5, bm25 + snippet, 20 results) vs LIKE scan',
    cases.map(([name, queries]) => {
      const runs = Math.max(60, queries.length * 4)
      return {
        name: `${name}: "${queries.at(-1)}"${queries.length > 1 ? ` (${queries.length} queries, each ${runs / queries.length}×)` : ''}`,
        sample: timeSync((i) => services.search.query(queries[i % queries.length]!, 20), runs),
        baseline: timeSync((i) => likeScan(queries[i % queries.length]!), Math.max(30, queries.length * 2), 3),
        target: { p95Ms: 10 },
      }
    }),
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

/** The editor's own schema (renderer/editor/extensions.ts), so the nodes are the ones autosave diffs. */
const schema = getSchema(editorExtensions({ language: 'de', placeholder: '', resolveAsset: () => new Promise(() => {}), imageLabels: { notStored: '', broken: '' } }))

/** What typing at the end of paragraph `index` makes of `doc`: that block new, every other block the same node. */
function typedInto(doc: ProseMirrorNode, index: number, text: string): ProseMirrorNode {
  const block = doc.child(index)
  return doc.copy(doc.content.replaceChild(index, block.copy(block.content.append(Fragment.from(schema.text(text))))))
}

/** `count` successive one-paragraph edits of a draft in the middle: [doc0, doc1, …], each from the one before. */
function editChain(words: number, seed: number, count: number): ProseMirrorNode[] {
  const docs = [ProseMirrorNode.fromJSON(schema, generatedDoc(words, seed))]
  const middle = Math.floor(docs[0]!.childCount / 2)
  for (let i = 1; i <= count; i++) docs.push(typedInto(docs[i - 1]!, middle, ` wort${i}`))
  return docs
}

test('autosave by blocks: a one-paragraph edit in 100,000 vs 1,000 words (target ≤ 4 ms renderer, ≤ 5 ms write, ratio ≤ 1.5)', async () => {
  const RUNS = 60
  const WARMUP = 10
  const chains = { big: editChain(100_000, 99, RUNS + WARMUP + 1), small: editChain(1_000, 98, RUNS + WARMUP + 1) }
  console.log(`top-level blocks: ${chains.big[0]!.childCount} at 100,000 words, ${chains.small[0]!.childCount} at 1,000 words`)

  // Renderer: diff by identity, the changed block's JSON, the request as it goes over the wire.
  const request = (docs: ProseMirrorNode[]) => (i: number) => JSON.stringify({ id: 1, baseVersion: 1, ...blocksPatch(docs[i]!, docs[i + 1]!) })
  const wholeRequest = (docs: ProseMirrorNode[]) => (i: number) => JSON.stringify({ id: 1, doc: docs[i + 1]!.toJSON() })
  // The library list's word count and preview after the save (today: the whole text again).
  // Each call on the next document of the chain: one block new since the call before, as after a save.
  const stats = (docs: ProseMirrorNode[]) => {
    bodyStats(docs[0]!)
    let k = 0
    return () => bodyStats(docs[++k]!)
  }
  const wholeStats = (docs: ProseMirrorNode[]) => (i: number) => {
    const text = docToPlainText(docs[i + 1]!.toJSON() as EditorDoc)
    return [countWords(text), text.slice(0, 200)]
  }

  // Write: the same chain of edits stored one after the other, each patch on the version the last one made.
  const dispatch = createDispatcher(createHandlers(services))
  const stored = (docs: ProseMirrorNode[]) => {
    const id = services.drafts.create({ title: 'Blöcke', doc: docs[0]!.toJSON() as EditorDoc }).id
    let version = services.drafts.saveContent(id, docs[0]!.toJSON() as EditorDoc).bodyVersion
    // Plain objects, as the IPC delivers them.
    const patches = docs.slice(1).map((doc, i) => JSON.parse(JSON.stringify(blocksPatch(docs[i]!, doc))) as BlocksPatch)
    let next = 0
    return {
      viaDispatcher: async () => {
        const result = await dispatch('drafts.saveBlocks', { id, baseVersion: version, ...patches[next++]! })
        const value = result.ok ? (result.value as { status: string; bodyVersion: number }) : null
        if (value?.status !== 'saved') throw new Error(`not saved: ${JSON.stringify(result)}`)
        version = value.bodyVersion
      },
      service: () => {
        const result = services.drafts.saveBlocks(id, { baseVersion: version, ...patches[next++]! })
        if (result.status !== 'saved') throw new Error('stale')
        version = result.bodyVersion
      },
      reset: () => {
        version = services.drafts.saveContent(id, docs[0]!.toJSON() as EditorDoc).bodyVersion
        next = 0
      },
    }
  }
  const big = stored(chains.big)
  const small = stored(chains.small)
  const dispatched = async (draft: ReturnType<typeof stored>) => {
    draft.reset()
    return timeAsync(() => draft.viaDispatcher(), RUNS, WARMUP)
  }
  const serviceOnly = (draft: ReturnType<typeof stored>) => {
    draft.reset()
    return timeSync(() => draft.service(), RUNS, WARMUP)
  }
  // The renderer's figures are microseconds, below the timer's resolution per call: averaged
  // over many calls too, so the ratio printed with them means something.
  const perCall = (fn: (i: number) => unknown) => {
    const t0 = performance.now()
    for (let i = 0; i < 3000; i++) fn(i % RUNS)
    return ((performance.now() - t0) / 3000) * 1000
  }
  const [bigUs, smallUs] = [perCall(request(chains.big)), perCall(request(chains.small))]
  console.log(`renderer, averaged over 3,000 calls: ${bigUs.toFixed(1)} µs at 100,000 words, ${smallUs.toFixed(1)} µs at 1,000 words (${(bigUs / smallUs).toFixed(2)}×)`)
  const bigWrite = await dispatched(big)
  const smallWrite = await dispatched(small)
  console.log(`write p50: ${bigWrite.p50.toFixed(2)} ms at 100,000 words, ${smallWrite.p50.toFixed(2)} ms at 1,000 words (${(bigWrite.p50 / smallWrite.p50).toFixed(2)}×)`)
  report('Autosave by blocks, one paragraph edited (100,000 words vs 1,000 words)', [
    {
      name: 'renderer: diff by identity + changed block JSON + request JSON, 100k words (baseline: the same at 1k words)',
      sample: timeSync(request(chains.big), RUNS, WARMUP),
      baseline: timeSync(request(chains.small), RUNS, WARMUP),
      target: { p95Ms: 4, ratioMax: 1.5 },
    },
    {
      name: 'write: dispatcher (validation of the changed blocks) + drafts.saveBlocks, 100k words (baseline: the same at 1k words)',
      sample: bigWrite,
      baseline: smallWrite,
      target: { p95Ms: 5, ratioMax: 1.5 },
    },
    {
      name: 'of which drafts.saveBlocks alone (one IMMEDIATE transaction, synchronous=FULL), 100k (baseline: 1k)',
      sample: serviceOnly(big),
      baseline: serviceOnly(small),
    },
    {
      name: 'library stats after the save: word count + preview per block, 100k (baseline: the same at 1k)',
      sample: timeSync(stats(chains.big), RUNS, WARMUP),
      baseline: timeSync(stats(chains.small), RUNS, WARMUP),
    },
    {
      name: 'before, renderer: whole document getJSON + request JSON, 100k (baseline: blocks request, 100k)',
      sample: timeSync(wholeRequest(chains.big), RUNS, WARMUP),
      baseline: timeSync(request(chains.big), RUNS, WARMUP),
    },
    {
      name: 'before, library stats: docToPlainText + countWords of the whole text, 100k (baseline: per block, 100k)',
      sample: timeSync(wholeStats(chains.big), RUNS, WARMUP),
      baseline: timeSync(stats(editChain(100_000, 97, RUNS + WARMUP + 1)), RUNS, WARMUP),
    },
  ])
})
