import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, test } from 'vitest'
import { docFromParagraphs, type EditorDoc, type Language } from '@shared/domain'
import { splitSentences } from '@shared/compose'
import { countWords } from '@shared/text/words'
import { createServices } from '../../electron/main/services'
import { startBridgeProcess, type BridgeProcess } from '../e2e/support/bridge-process'
import { openApp } from '../e2e/support/browser'
import { typingLatency } from './support/browser-bench'
import { report, summarize } from './support/measure'
import { loadDictionary } from '../shared/proofing/dictionaries'
import { PASSAGES } from '../fixtures/passages'

/**
 * Proofreading speed in the built app in real Chromium (issue 11): first check of a 10,000-word
 * German draft in the worker, main-thread time per re-check after a keystroke, dictionary load
 * time, worker memory, and typing latency at 100,000 words with proofing on vs off side by side.
 *
 * The text is real German (the fixture article's sentences, shuffled into unique paragraphs with
 * a fixed seed), so the dictionary sees real words, compounds and the odd unknown one.
 */
const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

function germanDoc(words: number, seed: number): EditorDoc {
  const text = readFileSync(resolve(__dirname, '../fixtures/herz-statt-technik.de.txt'), 'utf8')
  return shuffledDoc(text, 'de', words, seed)
}

/** English: the English passages and the proofing fixture's paragraphs (its seeded typos kept, its markers removed). */
function englishDoc(words: number, seed: number): EditorDoc {
  const fixture = readFileSync(resolve(__dirname, '../fixtures/proofing/en.txt'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .replace(/[{}[\]]/g, '')
  const passages = PASSAGES.filter((p) => p.language === 'en').map((p) => p.text)
  return shuffledDoc([fixture, ...passages].join('\n'), 'en', words, seed)
}

function shuffledDoc(text: string, language: Language, words: number, seed: number): EditorDoc {
  const sentences = text.split(/\n+/).flatMap((p) => splitSentences(p.trim(), language)).map((s) => s.trim()).filter((s) => countWords(s) > 2)
  let state = seed
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const paragraphs: string[] = []
  let written = 0
  while (written < words) {
    const picked = Array.from({ length: 3 + Math.floor(next() * 4) }, () => sentences[Math.floor(next() * sentences.length)]!)
    const paragraph = picked.join(' ')
    paragraphs.push(paragraph)
    written += countWords(paragraph)
  }
  return docFromParagraphs(paragraphs)
}

async function library(doc: EditorDoc, proofing: boolean, language: Language = 'de'): Promise<BridgeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'longhand-bench-proofing-'))
  const services = await createServices({ dataDir })
  services.drafts.create({ title: 'Korrektur', language, doc })
  const current = services.settings.get()
  services.settings.update({ welcomed: true, proofing: { ...current.proofing, enabled: proofing } })
  services.close()
  const bridge = await startBridgeProcess(dataDir)
  cleanups.push(async () => {
    await bridge.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })
  return bridge
}

async function open(bridge: BridgeProcess): Promise<Page> {
  return (await openClosable(bridge)).page
}

async function openClosable(bridge: BridgeProcess) {
  const opened = await openApp(bridge.url, { locale: 'de-DE' })
  cleanups.push(() => opened.close())
  await opened.page.locator('.ProseMirror > p').nth(50).waitFor({ timeout: 60_000 })
  return opened
}

/** Keys typed per session; typingLatency drops the first five of each as warm-up. */
const KEYS_PER_SESSION = 55

type Measure = { name: string; duration: number; detail: unknown }
const measures = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => ({ name: e.name, duration: e.duration, detail: (e as PerformanceMeasure).detail })), name) as Promise<Measure[]>

test('proofreading: first check of 10,000 words, re-check per keystroke, dictionary load, worker memory', async () => {
  const page = await open(await library(germanDoc(10_000, 3), true))
  await page.waitForFunction(() => performance.getEntriesByName('proofing:worker-check', 'measure').length > 0, null, { timeout: 120_000 })
  const first = (await measures(page, 'proofing:worker-check'))[0]!
  const load = (await measures(page, 'proofing:dictionary-load'))[0]
  const marks = await page.locator('.ProseMirror .proof-spelling').count()

  // Keystrokes in the middle of the draft: each re-check sends only the changed paragraph.
  await page.evaluate(() => performance.clearMeasures())
  const paragraph = page.locator('.ProseMirror > p').nth(60)
  await paragraph.scrollIntoViewIfNeeded()
  await paragraph.click()
  const rounds: number[] = []
  const workerMs: number[] = []
  for (let i = 0; i < 25; i++) {
    await page.keyboard.type(i % 2 ? 'e' : 'x')
    await page.waitForFunction((n) => performance.getEntriesByName('proofing:main-apply', 'measure').length > n, i, { timeout: 10_000 })
  }
  const collect = await measures(page, 'proofing:main-collect')
  const apply = await measures(page, 'proofing:main-apply')
  for (let i = 0; i < apply.length; i++) rounds.push((collect[i]?.duration ?? 0) + apply[i]!.duration)
  for (const m of await measures(page, 'proofing:worker-check')) workerMs.push(m.duration)

  // Worker heap: Chromium exposes performance.memory in workers too (non-standard; null if not).
  const worker = page.workers()[0]
  const heap = worker ? await worker.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null) : null

  const one = (ms: number) => summarize([ms])
  report('Proofreading, 10,000-word German draft in the worker (nspell + dictionary-de, English as second dictionary)', [
    { name: `first check in the worker (${marks} spelling marks on screen)`, sample: one(first.duration), target: { p95Ms: 500 } },
    { name: 'dictionary load (de + en: fetch from the app origin, parse)', sample: one(load?.duration ?? Number.NaN) },
    { name: 're-check after a keystroke: main-thread time (collect + post, decorations + dock render)', sample: summarize(rounds), target: { p95Ms: 5 } },
    { name: 're-check after a keystroke: worker time (changed paragraph only)', sample: summarize(workerMs) },
  ])
  // English drafts run the retext plugins (retext-english, -passive, -simplify, -intensify) besides nspell.
  const english = await open(await library(englishDoc(10_000, 3), true, 'en'))
  await english.waitForFunction(() => performance.getEntriesByName('proofing:worker-check', 'measure').length > 0, null, { timeout: 120_000 })
  const firstEnglish = (await measures(english, 'proofing:worker-check'))[0]!
  const loadEnglish = (await measures(english, 'proofing:dictionary-load'))[0]
  report('Proofreading, 10,000-word English draft in the worker (nspell + dictionary-en, retext style plugins)', [
    { name: 'first check in the worker', sample: one(firstEnglish.duration), target: { p95Ms: 500 } },
    { name: 'dictionary load (en: fetch from the app origin, parse)', sample: one(loadEnglish?.duration ?? Number.NaN) },
  ])
  // Chromium does not expose a worker's heap to the page; the same nspell code on the same V8
  // engine in Node gives the dictionaries' share of it.
  const before = process.memoryUsage().heapUsed
  const loaded = [loadDictionary('de'), loadDictionary('en')]
  const after = process.memoryUsage().heapUsed
  console.log(
    `[proofing bench] worker JS heap: ${heap === null ? 'not exposed by Chromium' : `${(heap / 1e6).toFixed(1)} MB`}; ` +
      `dictionaries de + en in V8 (Node, same code): ${((after - before) / 1e6).toFixed(0)} MB (${loaded.length} loaded)`,
  )
}, 600_000)

test('typing latency at 100,000 words: proofing on vs off, side by side (target ≤ 1.1× off)', async () => {
  const doc = germanDoc(100_000, 5)
  // Side by side on a shared machine: six sessions in the order off, on, on, off, off, on (each a
  // fresh browser on its own library), so a load that comes and goes weighs on both sides alike.
  const latencies = { off: [] as number[], on: [] as number[] }
  let firstCheck = Number.NaN
  for (const mode of ['off', 'on', 'on', 'off', 'off', 'on'] as const) {
    const opened = await openClosable(await library(doc, mode === 'on'))
    const page = opened.page
    if (mode === 'on') {
      // Typing starts once the first full check is done (what a writer sees after opening a draft).
      await page.waitForFunction(() => performance.getEntriesByName('proofing:worker-check', 'measure').length > 0, null, { timeout: 300_000 })
      firstCheck = (await measures(page, 'proofing:worker-check'))[0]!.duration
    }
    await typingLatency(page, KEYS_PER_SESSION)
    latencies[mode].push(...(await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies.slice(5))))
    await opened.close()
  }
  const offSample = summarize(latencies.off)
  report('Typing latency, 100,000-word German draft (keydown → paint of the first frame that shows the character)', [
    { name: 'proofing off (3 sessions)', sample: offSample },
    { name: 'proofing on (3 sessions, interleaved; proofing off as baseline)', sample: summarize(latencies.on), baseline: offSample, target: { p95Ms: 16, ratioMax: 1.1 } },
    { name: 'first check of the 100,000 words in the worker', sample: summarize([firstCheck]) },
  ])
}, 900_000)
