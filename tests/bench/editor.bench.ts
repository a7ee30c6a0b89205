import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, test } from 'vitest'
import type { Page } from 'playwright-core'
import { createServices } from '../../electron/main/services'
import { docToPlainText, countWords } from '@shared/text/words'
import { startBridgeProcess, type BridgeProcess } from '../e2e/support/bridge-process'
import { openApp, type OpenedPage } from '../e2e/support/browser'
import { generatedDoc } from './support/corpus'
import { buildBenchPage, burstsWithoutAutosave, heapAfterGc, reportMemory, serveStatic, typingLatencies, typingLatency, typingRhythm } from './support/browser-bench'
import { MIN_SAMPLES, report, summarize } from './support/measure'

const KEYS = 150
let bareUrl: { url: string; close(): Promise<void> }
let yjsUrl: { url: string; close(): Promise<void> }
let plainUrl: { url: string; close(): Promise<void> }
const cleanups: (() => Promise<void> | void)[] = []

beforeAll(async () => {
  bareUrl = await serveStatic(await buildBenchPage('bare-editor'))
  cleanups.push(() => bareUrl.close())
  yjsUrl = await serveStatic(await buildBenchPage('yjs-editor'))
  cleanups.push(() => yjsUrl.close())
  plainUrl = await serveStatic(await buildBenchPage('plain-editable'))
  cleanups.push(() => plainUrl.close())
}, 120_000)

afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

async function track<T extends { close(): Promise<void> }>(thing: T): Promise<T> {
  cleanups.push(() => thing.close())
  return thing
}

async function bareEditor(doc: unknown): Promise<OpenedPage> {
  const opened = await track(await openApp(bareUrl.url))
  await opened.page.evaluate((d) => window.mountBareEditor(d), doc)
  await opened.page.locator('.ProseMirror > p').nth(100).waitFor()
  return opened
}

/** A plain contenteditable (no editor) holding the document's first `blocks` blocks as paragraphs. */
async function plainEditable(doc: ReturnType<typeof generatedDoc>, blocks = doc.content.length): Promise<OpenedPage> {
  const opened = await track(await openApp(plainUrl.url))
  const paragraphs = doc.content.slice(0, blocks).map((block) => docToPlainText({ type: 'doc', content: [block] }))
  await opened.page.evaluate((texts) => window.mountPlainEditable(texts), paragraphs)
  return opened
}

async function libraryWith(seed: (dataDir: string) => Promise<void>): Promise<BridgeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'longhand-bench-ui-'))
  await seed(dataDir)
  const bridge = await startBridgeProcess(dataDir)
  cleanups.push(async () => {
    await bridge.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })
  return bridge
}

async function appEditor(bridge: BridgeProcess): Promise<Page> {
  const opened = await track(await openApp(bridge.url))
  await opened.page.locator('.ProseMirror > p').nth(100).waitFor({ timeout: 60_000 })
  return opened.page
}

/** Opens a 100,000-word draft in the app, as a library of one draft served by the bridge. */
async function appWithDraft(doc: unknown, options: { proofing?: boolean } = {}): Promise<Page> {
  const bridge = await libraryWith(async (dataDir) => {
    const services = await createServices({ dataDir })
    services.drafts.create({ title: 'Hunderttausend Wörter', doc: doc as never })
    // The author's own switch (proofing panel): what the editor costs without spelling and style marks.
    if (options.proofing === false) services.settings.update({ proofing: { ...services.settings.get().proofing, enabled: false } })
    services.close()
  })
  return appEditor(bridge)
}

/** Counts the page's draft saves (whatever the save channel is called) from now on. */
function countSaves(page: Page): () => number {
  let saves = 0
  page.on('request', (request) => {
    if (/drafts\.save/.test(request.url())) saves++
  })
  return () => saves
}

/** Keys per session of the target row; ROUNDS sessions a side, alternating with the baseline. */
const KEYS_PER_ROUND = 60
const ROUNDS = 4

test('typing latency on a 100,000-word draft (target p95 ≤ 0.5× the bare editor)', async () => {
  const doc = generatedDoc(100_000, 7)
  const bare = (await bareEditor(doc)).page
  const floor = (await plainEditable(doc, 3)).page
  const plainWhole = (await plainEditable(doc)).page
  const page = await appWithDraft(doc)
  const unproofed = await appWithDraft(doc, { proofing: false })
  const saves = countSaves(page)
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ')
  const loadBefore = load()
  // Issue 12's target as users have it: proofing on (the default), autosave firing in the pauses
  // (0.9–1.3 s around its 1 s delay), so the save, its answer and the proofing re-check land
  // inside the measured window. Sessions alternate with the bare editor's (a shared machine
  // drifts); each round's rhythm is new, and the same for both sides.
  // The floor takes its turn in the same rounds: what the browser and the probe cost with no
  // editor and hardly any text, below which no editor's figure can go.
  const bareTarget: number[] = []
  const appTarget: number[] = []
  const floorTarget: number[] = []
  const plainWholeTarget: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const rhythm = typingRhythm(KEYS_PER_ROUND, 12 + round)
    bareTarget.push(...(await typingLatencies(bare, KEYS_PER_ROUND, rhythm)))
    appTarget.push(...(await typingLatencies(page, KEYS_PER_ROUND, rhythm)))
    floorTarget.push(...(await typingLatencies(floor, KEYS_PER_ROUND, rhythm)))
    plainWholeTarget.push(...(await typingLatencies(plainWhole, KEYS_PER_ROUND, rhythm)))
  }
  const targetSaves = saves()
  // Diagnosis: the same bursts with pauses below the autosave delay (no save inside the window),
  // with and without proofing, each right after its baseline.
  const bareBursts = await typingLatency(bare, KEYS, burstsWithoutAutosave(KEYS))
  const appBursts = await typingLatency(page, KEYS, burstsWithoutAutosave(KEYS))
  const burstSaves = saves() - targetSaves
  const bareUnproofed = await typingLatency(bare, KEYS, burstsWithoutAutosave(KEYS))
  const appUnproofed = await typingLatency(unproofed, KEYS, burstsWithoutAutosave(KEYS))
  report(`Typing latency, 100,000-word draft (key event → paint of the first frame that shows the character; load ${loadBefore} → ${load()})`, [
    { name: `bare StarterKit editor (the baseline), bursts and pauses of 0.9–1.3 s, ${ROUNDS} sessions`, sample: summarize(bareTarget) },
    {
      name: `**target** Longhand as users have it: proofing on, autosave firing (${targetSaves} saves), same bursts and pauses, sessions alternating with the baseline's`,
      sample: summarize(appTarget),
      baseline: summarize(bareTarget),
      target: { ratioMax: 0.5 },
    },
    {
      name: `floor — no editor: a plain contenteditable with 3 short paragraphs, typed into by the browser, no script; same bursts, same rounds. Its ratio is the lowest any editor could show against the baseline`,
      sample: summarize(floorTarget),
      baseline: summarize(bareTarget),
    },
    {
      name: 'diagnosis — no editor, the whole 100,000 words as plain paragraphs in a contenteditable, typed into by the browser; same rounds: what the text alone costs the browser',
      sample: summarize(plainWholeTarget),
      baseline: summarize(bareTarget),
    },
    { name: 'diagnosis — bare StarterKit editor, bursts with pauses < 1 s', sample: bareBursts },
    {
      name: `diagnosis — Longhand, proofing on, bursts with pauses < 1 s: no autosave inside the window (${burstSaves} save(s), only after the last key)`,
      sample: appBursts,
      baseline: bareBursts,
    },
    {
      name: 'diagnosis — Longhand without proofing (switched off in its panel), same bursts — extensions, panels, style and layout',
      sample: appUnproofed,
      baseline: bareUnproofed,
    },
  ])
}, 900_000)

test('memory: renderer heap with a 100,000-word draft open, before and after typing (target ≤ 150 MB)', async () => {
  const doc = generatedDoc(100_000, 7)
  const bare = (await bareEditor(doc)).page
  const page = await appWithDraft(doc)
  // Past the stats debounce and the first idle work: the heap of a draft that is just open.
  await page.waitForTimeout(2_000)
  const bareOpen = await heapAfterGc(bare)
  const appOpen = await heapAfterGc(page)
  await typingLatency(bare, KEYS)
  await typingLatency(page, KEYS)
  const bareTyped = await heapAfterGc(bare)
  const appTyped = await heapAfterGc(page)
  reportMemory('Memory, 100,000-word draft open (JS heap after forced GC)', [
    { name: 'Longhand, draft just opened (bare StarterKit as baseline)', heap: appOpen, baseline: bareOpen, targetMb: 150 },
    { name: `Longhand, after typing ${KEYS} keys with autosaves`, heap: appTyped, baseline: bareTyped, targetMb: 150 },
  ])
}, 600_000)

/**
 * Issue 12's choice of lever for autosave: incremental Yjs updates (the editor bound to a local
 * Y.Doc, as Hocuspocus sync would need) were to be preferred if the binding stays within the
 * typing target at 100,000 words. Measured side by side with the bare editor, same document,
 * same rhythm, same run; the blocks lever was chosen on these figures (see README, autosave).
 */
test('Yjs lever: typing and loading a 100,000-word draft bound to a local Y.Doc vs the bare editor', async () => {
  const doc = generatedDoc(100_000, 7)
  const bareLoads: number[] = []
  const yjsLoads: number[] = []
  let stateBytes = 0
  // Loading: a reloaded page each time, alternating, so both see the same machine load. Until the
  // text is on screen: y-prosemirror fills the view from the Y.Doc after the constructor returns.
  const bareLoader = (await track(await openApp(bareUrl.url))).page
  const yjsLoader = (await track(await openApp(yjsUrl.url))).page
  for (let i = 0; i < MIN_SAMPLES; i++) {
    await bareLoader.reload()
    bareLoads.push(await bareLoader.evaluate(timeUntilShown, { doc, yjs: false }))
    await yjsLoader.reload()
    yjsLoads.push(await yjsLoader.evaluate(timeUntilShown, { doc, yjs: true }))
    stateBytes = await yjsLoader.evaluate(() => window.yjsStateBytes())
  }
  await bareLoader.close()
  await yjsLoader.close()
  // The binding's own cost per keystroke, without paint noise: one typed character's transaction
  // dispatched in the page (state, plugins, DOM update), the two editors alternating.
  const bareDispatch = (await bareEditor(doc)).page
  const yjsDispatch = (await track(await openApp(yjsUrl.url))).page
  await yjsDispatch.evaluate((d) => window.mountYjsEditor(d), doc)
  await yjsDispatch.locator('.ProseMirror > p').nth(100).waitFor()
  const bareDispatches: number[] = []
  const yjsDispatches: number[] = []
  for (let round = 0; round < 10; round++) {
    bareDispatches.push(...(await bareDispatch.evaluate(dispatchTimes, 30)))
    yjsDispatches.push(...(await yjsDispatch.evaluate(dispatchTimes, 30)))
  }
  const bare = await typingLatency((await bareEditor(doc)).page, KEYS)
  const yjsPage = (await track(await openApp(yjsUrl.url))).page
  await yjsPage.evaluate((d) => window.mountYjsEditor(d), doc)
  await yjsPage.locator('.ProseMirror > p').nth(100).waitFor()
  await yjsPage.evaluate(() => window.yjsUpdates())
  const yjs = await typingLatency(yjsPage, KEYS)
  const { bytes } = await yjsPage.evaluate(() => window.yjsUpdates())
  const bareAgain = await typingLatency((await bareEditor(doc)).page, KEYS)
  const sizes = summarize(bytes)
  const [yd, bd] = [summarize(yjsDispatches), summarize(bareDispatches)]
  console.log(`Dispatch per keystroke: Yjs p50 ${yd.p50.toFixed(2)} ms, mean ${yd.mean.toFixed(2)} ms; bare p50 ${bd.p50.toFixed(2)} ms, mean ${bd.mean.toFixed(2)} ms (n=${yd.n} each)`)
  console.log(
    `Yjs: whole state ${(stateBytes / 1024 / 1024).toFixed(2)} MiB (JSON ${(JSON.stringify(doc).length / 1024 / 1024).toFixed(2)} MiB); ` +
      `${bytes.length} updates for ${KEYS} keys, p50 ${sizes.p50} B, p95 ${sizes.p95} B, mean ${sizes.mean.toFixed(1)} B per update`,
  )
  report('Yjs lever, 100,000-word draft (StarterKit + Collaboration on a local Y.Doc vs bare StarterKit)', [
    { name: 'typing: Yjs-bound editor vs bare (key event → paint of the first frame that shows the character)', sample: yjs, baseline: bare, target: { ratioMax: 1 } },
    { name: 'typing: bare editor again, after the Yjs run (the noise between two bare runs)', sample: bareAgain, baseline: bare },
    { name: 'one keystroke\'s transaction dispatched in the page: Yjs-bound vs bare', sample: summarize(yjsDispatches), baseline: summarize(bareDispatches), target: { ratioMax: 1 } },
    { name: 'loading until shown: JSON → Y.Doc → bound editor vs JSON → bare editor (reloaded page each)', sample: summarize(yjsLoads), baseline: summarize(bareLoads) },
  ])
}, 900_000)

test('boot: process start to editable with 10,000 drafts in the library (target ≤ 400 ms)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'longhand-bench-ui-'))
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
  const services = await createServices({ dataDir })
  const db = services.db
  db.transaction(() => {
    for (let i = 1; i <= 10_000; i++) {
      const d = generatedDoc(200, i)
      const body = docToPlainText(d)
      db.prepare('INSERT INTO drafts (id, title, word_count, text_stale, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)').run(i, `Entwurf ${i}`, countWords(body), i, i)
      db.prepare('INSERT INTO draft_bodies (draft_id, doc) VALUES (?, ?)').run(i, JSON.stringify(d))
      db.prepare('INSERT INTO draft_text (draft_id, title, body) VALUES (?, ?, ?)').run(i, `Entwurf ${i}`, body)
    }
  })()
  services.settings.update({ welcomed: true })
  services.close()
  // One fixed port: the page's origin (and with it the remembered open draft) survives restarts.
  const port = await freePort()
  /** Spawning the bridge (node, opening the database, the services, the server) is part of the start. */
  const startProcess = async () => {
    const bridge = await startBridgeProcess(dataDir, { LONGHAND_PORT: String(port) })
    cleanups.push(() => bridge.stop())
    return bridge
  }
  const editable = (page: Page) => page.locator('.ProseMirror[contenteditable="true"]').waitFor()
  const appReady = async (page: Page) => {
    await editable(page)
    await page.getByText('Entwurf 10000').first().waitFor()
  }
  const mountBare = async (page: Page) => {
    await page.evaluate(() => window.mountBareEditor({ type: 'doc', content: [{ type: 'paragraph' }] }))
    await editable(page)
  }
  /** Start of the process (for the bare page: of its load) → ready, in a browser already running. */
  const fromProcessStart = async (start: () => Promise<string>, opened: OpenedPage, ready: (page: Page) => Promise<void>) => {
    // The previous process's token cookie would be presented before the new ?token (401).
    await opened.context.clearCookies()
    const t0 = performance.now()
    await opened.page.goto(await start())
    await ready(opened.page)
    return performance.now() - t0
  }
  /** One profile kept across starts: the app remembers the open draft, as the desktop app does every day. */
  const everyDay = async (start: () => Promise<{ url: string; stop(): Promise<void> }>, ready: (page: Page) => Promise<void>) => {
    const first = await start()
    const opened = await track(await openApp(first.url))
    await ready(opened.page)
    await first.stop()
    const times: number[] = []
    for (let i = 0; i < MIN_SAMPLES; i++) {
      let running: { url: string; stop(): Promise<void> } | undefined
      times.push(await fromProcessStart(async () => (running = await start()).url, opened, ready))
      await running!.stop()
    }
    return summarize(times)
  }
  /** Each run a new browser profile: nothing remembered, as on the very first start. */
  const firstStart = async (start: () => Promise<{ url: string; stop(): Promise<void> }>, ready: (page: Page) => Promise<void>) => {
    const times: number[] = []
    for (let i = 0; i < MIN_SAMPLES; i++) {
      const opened = await openApp('about:blank')
      let running: { url: string; stop(): Promise<void> } | undefined
      times.push(await fromProcessStart(async () => (running = await start()).url, opened, ready))
      await running!.stop()
      await opened.close()
    }
    return summarize(times)
  }
  /** The page alone, bridge already running: navigation start → ready, read in the page. */
  const pageOnly = async (url: string, ready: (page: Page) => Promise<void>) => {
    const opened = await track(await openApp(url))
    await ready(opened.page)
    const times: number[] = []
    for (let i = 0; i < MIN_SAMPLES; i++) {
      await opened.page.reload()
      await ready(opened.page)
      times.push(await opened.page.evaluate(() => performance.now()))
    }
    return summarize(times)
  }
  const bareStart = async () => ({ url: bareUrl.url, stop: async () => {} })
  const rows = [
    { name: 'every day: process start (database, services) → editable, list shown; open draft remembered', sample: await everyDay(startProcess, appReady), baseline: await everyDay(bareStart, mountBare), target: { p95Ms: 400 } },
    { name: 'first start: process start → editable, list shown; fresh profile', sample: await firstStart(startProcess, appReady), baseline: await firstStart(bareStart, mountBare) },
  ]
  const running = await startProcess()
  rows.push({ name: 'of which the page: navigation start → editable, list shown (bridge already running)', sample: await pageOnly(running.url, appReady), baseline: await pageOnly(bareUrl.url, mountBare) })
  await running.stop()
  report('Boot, 10,000 drafts in the library', rows)
}, 900_000)

/** In the page: mounts the editor, then waits until the text is on screen (after the next paint). */
async function timeUntilShown({ doc, yjs }: { doc: unknown; yjs: boolean }): Promise<number> {
  const t0 = performance.now()
  if (yjs) window.mountYjsEditor(doc)
  else window.mountBareEditor(doc)
  const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)))
  do await frame()
  while (document.querySelectorAll('.ProseMirror > p').length < 100)
  return performance.now() - t0
}

/** In the page: `count` characters typed as transactions in the middle of the document, each timed. */
function dispatchTimes(count: number): number[] {
  const editor = (document.querySelector('.ProseMirror') as unknown as { editor: import('@tiptap/core').Editor }).editor
  const { doc } = editor.state
  let middle = 0
  doc.forEach((node, offset, index) => {
    if (index === Math.floor(doc.childCount / 2)) middle = offset + 1 + Math.floor(node.content.size / 2)
  })
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const t0 = performance.now()
    editor.view.dispatch(editor.state.tr.insertText('e', middle + i))
    times.push(performance.now() - t0)
  }
  return times
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((done) => server.close(() => done()))
  return port
}
