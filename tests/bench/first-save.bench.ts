import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { getSchema } from '@tiptap/core'
import { Fragment, Node as ProseMirrorNode } from '@tiptap/pm/model'
import { afterAll, beforeAll, test } from 'vitest'
import type { Draft } from '@shared/domain'
import { createServices, type Services } from '../../electron/main/services'
import { parseStoredDoc } from '../../electron/main/services/drafts'
import { createDispatcher } from '../../electron/main/ipc/dispatch'
import { createHandlers } from '../../electron/main/ipc/handlers'
import { editorExtensions } from '../../renderer/editor/extensions'
import { blocksPatch, storedBase, type PatchBase } from '../../renderer/editor/blockPatch'
import { generatedDoc } from './support/corpus'
import { report, summarize, timeSync, type Sample } from './support/measure'

/**
 * The first autosave after a draft is opened: a block patch against the body drafts.get
 * returned (renderer/editor/saveRegistry.ts), where it used to be the whole document. Each
 * sample opens the draft afresh (not timed: the stored body reset, drafts.get through the
 * dispatcher, the editor's nodes built from it, one paragraph typed in the middle), then times
 * the save as the renderer builds it and as main writes it.
 */
const RUNS = 40
const WARMUP = 5
const schema = getSchema(editorExtensions({ language: 'de', placeholder: '', resolveAsset: () => new Promise(() => {}), imageLabels: { notStored: '', broken: '' } }))

/**
 * Opening a 100,000-word draft leaves tens of MB of garbage (its JSON read, validated and built
 * into nodes); collected before each timed save, as the second of quiet before an autosave
 * would let the app do, so the figures are the save's and not the opening's.
 */
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

let services: Services
let dir: string
let dispatch: ReturnType<typeof createDispatcher>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'longhand-bench-first-save-'))
  services = await createServices({ dataDir: dir })
  dispatch = createDispatcher(createHandlers(services))
})

afterAll(() => {
  services.close()
  rmSync(dir, { recursive: true, force: true })
})

async function call<T>(channel: string, args: unknown): Promise<T> {
  const result = await dispatch(channel, args)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}

/** A freshly opened draft: what drafts.get sent, the editor's first document, its patch base, and that document with one paragraph typed into. */
interface Opened {
  draft: Draft
  base: PatchBase
  edited: ProseMirrorNode
}

function draftOf(words: number, seed: number) {
  const doc = generatedDoc(words, seed)
  const id = services.drafts.create({ title: `${words} Wörter`, doc }).id
  return {
    id,
    async open(i: number): Promise<Opened> {
      // Every sample starts from the stored body as the author left it (a new version each time).
      services.drafts.saveContent(id, doc)
      const draft = await call<Draft>('drafts.get', { id })
      const first = ProseMirrorNode.fromJSON(schema, draft.doc)
      const base = storedBase(first, draft.doc, draft.storedBody!.rewrite)!
      const middle = Math.floor(first.childCount / 2)
      const block = first.child(middle)
      const edited = first.copy(first.content.replaceChild(middle, block.copy(block.content.append(Fragment.from(schema.text(` wort${i}`))))))
      collectGarbage()
      return { draft, base, edited }
    },
  }
}

/** Times `step` RUNS times, each on a freshly opened draft (the opening not timed). */
async function timed(open: (i: number) => Promise<Opened>, step: (opened: Opened) => Promise<unknown> | unknown): Promise<Sample> {
  const durations: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const opened = await open(i)
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await step(opened)
    const c = process.cpuUsage(c0)
    if (i < WARMUP) continue
    durations.push(performance.now() - t0)
    cpu.push((c.user + c.system) / 1000)
  }
  const cpuSample = summarize(cpu)
  return { ...summarize(durations), cpu: { p50: cpuSample.p50, p95: cpuSample.p95 } }
}

/** The renderer's part of the first save: the diff against the opened body, the changed block's JSON, the request. */
const patchRequest = ({ draft, base, edited }: Opened) =>
  JSON.stringify({ id: draft.id, baseVersion: draft.storedBody!.version, ...blocksPatch(base, edited) })
/** The same before: the whole document. */
const wholeRequest = ({ draft, edited }: Opened) => JSON.stringify({ id: draft.id, doc: edited.toJSON() })

async function sendPatch(opened: Opened) {
  const answer = await call<{ status: string }>('drafts.saveBlocks', JSON.parse(patchRequest(opened)))
  if (answer.status !== 'saved') throw new Error('the first patch was stale')
}

test('first save after opening a 100,000-word draft (baseline: the same at 1,000 words)', async () => {
  const big = draftOf(100_000, 41)
  const small = draftOf(1_000, 42)
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ')
  console.log(`load before: ${load()}`)
  // The renderer's and main's parts, and the whole save as it was before, alternating sides per figure.
  const rendererBig = await timed(big.open, patchRequest)
  const rendererSmall = await timed(small.open, patchRequest)
  const writeBig = await timed(big.open, async (opened) => call('drafts.saveBlocks', JSON.parse(patchRequest(opened))))
  const writeSmall = await timed(small.open, async (opened) => call('drafts.saveBlocks', JSON.parse(patchRequest(opened))))
  const bothBig = await timed(big.open, sendPatch)
  const bothSmall = await timed(small.open, sendPatch)
  const wholeBig = await timed(big.open, async (opened) => call('drafts.saveContent', JSON.parse(wholeRequest(opened))))
  const bothBigAgain = await timed(big.open, sendPatch)
  const wholeRendererBig = await timed(big.open, wholeRequest)

  // What opening costs for it: main's per-block check in drafts.get, the renderer's walk of its blocks.
  const bigDraft = await big.open(0)
  const smallDraft = await small.open(0)
  const bigDoc = ProseMirrorNode.fromJSON(schema, bigDraft.draft.doc)
  const smallDoc = ProseMirrorNode.fromJSON(schema, smallDraft.draft.doc)
  const readBefore = (id: number) => () => {
    services.drafts.summary(id)
    parseStoredDoc(services.db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').pluck().get(id) as string, id)
  }
  const getNow = timeSync(() => services.drafts.get(big.id), 30, 3)
  const getBefore = timeSync(readBefore(big.id), 30, 3)
  console.log(`top-level blocks: ${bigDoc.childCount} at 100,000 words, ${smallDoc.childCount} at 1,000 words; load after: ${load()}`)
  console.log(`drafts.get of 100k words, CPU p50: ${getNow.cpu!.p50.toFixed(1)} ms with storedBody, ${getBefore.cpu!.p50.toFixed(1)} ms without (n=30 each)`)
  report('First save after opening a draft (block patch against the body drafts.get returned)', [
    {
      name: '**first save after opening a 100,000-word draft**: renderer (diff + changed block + request JSON) and write (dispatcher + drafts.saveBlocks) (baseline: the same at 1,000 words)',
      sample: bothBig,
      baseline: bothSmall,
      target: { ratioMax: 1.5 },
    },
    { name: 'of which renderer, 100k (baseline: 1k)', sample: rendererBig, baseline: rendererSmall, target: { p95Ms: 4 } },
    { name: 'of which write, 100k (baseline: 1k)', sample: writeBig, baseline: writeSmall, target: { p95Ms: 5 } },
    { name: 'before: the first save whole — getJSON + request JSON + dispatcher + drafts.saveContent, 100k (baseline: the first patch at 100k, same run)', sample: wholeBig, baseline: bothBigAgain },
    { name: 'before, of which renderer: getJSON + request JSON, 100k (baseline: the patch request at 100k)', sample: wholeRendererBig, baseline: rendererBig },
    {
      name: 'at opening, main: drafts.get of 100k words with storedBody (baseline: reading and validating the same body without it)',
      sample: getNow,
      baseline: getBefore,
    },
    {
      name: 'at opening, renderer: storedBase walk of the editor blocks, 100k (baseline: 1k)',
      sample: timeSync(() => storedBase(bigDoc, bigDraft.draft.doc, []), 30, 3),
      baseline: timeSync(() => storedBase(smallDoc, smallDraft.draft.doc, []), 30, 3),
    },
  ])
})

