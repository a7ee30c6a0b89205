import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, test } from 'vitest'
import type { Page } from 'playwright-core'
import { createServices } from '../../electron/main/services'
import { docToPlainText, countWords } from '@shared/text/words'
import { startBridgeProcess, type BridgeProcess } from '../e2e/support/bridge-process'
import { openApp, type OpenedPage } from '../e2e/support/browser'
import { generatedDoc } from './support/corpus'
import { buildBenchPage, serveStatic, typingLatency } from './support/browser-bench'
import { report, summarize } from './support/measure'

const KEYS = 150
let bareUrl: { url: string; close(): Promise<void> }
const cleanups: (() => Promise<void> | void)[] = []

beforeAll(async () => {
  bareUrl = await serveStatic(await buildBenchPage('bare-editor'))
  cleanups.push(() => bareUrl.close())
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

test('typing latency on a 100,000-word draft (target p95 ≤ 16 ms and ≤ 1.2× the bare editor)', async () => {
  const doc = generatedDoc(100_000, 7)
  const bare = await typingLatency((await bareEditor(doc)).page, KEYS)
  const bridge = await libraryWith(async (dataDir) => {
    const services = await createServices({ dataDir })
    services.drafts.create({ title: 'Hunderttausend Wörter', doc })
    services.close()
  })
  const app = await typingLatency(await appEditor(bridge), KEYS)
  report('Typing latency, 100,000-word draft (keydown → after next paint)', [
    { name: 'Longhand editor (bare StarterKit as baseline)', sample: app, baseline: bare, target: { p95Ms: 16, ratioMax: 1.2 } },
  ])
}, 600_000)

test('boot: page load to editable with 10,000 drafts in the library (target ≤ 400 ms)', async () => {
  const bridge = await libraryWith(async (dataDir) => {
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
  })
  const editable = (page: Page) => page.locator('.ProseMirror[contenteditable="true"]').waitFor()
  const appReady = async (page: Page) => {
    await editable(page)
    await page.getByText('Entwurf 10000').first().waitFor()
  }
  /** Each run a new browser profile: nothing remembered, as on the very first start. */
  const firstStart = async (url: string, ready: (page: Page) => Promise<void>, runs: number) => {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const opened = await openApp(url)
      await ready(opened.page)
      times.push(await opened.page.evaluate(() => performance.now()))
      await opened.close()
    }
    return summarize(times)
  }
  /** One profile, reloaded: the app remembers the open draft, as the desktop app does every day. */
  const everyDay = async (url: string, ready: (page: Page) => Promise<void>, runs: number) => {
    const opened = await track(await openApp(url))
    await ready(opened.page)
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      await opened.page.reload()
      await ready(opened.page)
      times.push(await opened.page.evaluate(() => performance.now()))
    }
    return summarize(times)
  }
  const mountBare = async (page: Page) => {
    await page.evaluate(() => window.mountBareEditor({ type: 'doc', content: [{ type: 'paragraph' }] }))
    await editable(page)
  }
  const bare = await everyDay(bareUrl.url, mountBare, 12)
  report('Boot, 10,000 drafts in the library (navigation start → editable, list shown)', [
    { name: 'every day: open draft remembered (bare editor page as baseline)', sample: await everyDay(bridge.url, appReady, 12), baseline: bare, target: { p95Ms: 400 } },
    { name: 'editable only, every day (list may still be loading)', sample: await everyDay(bridge.url, editable, 12), baseline: bare, target: { p95Ms: 400 } },
    { name: 'first start: nothing remembered, fresh profile', sample: await firstStart(bridge.url, appReady, 6), baseline: await firstStart(bareUrl.url, mountBare, 6) },
  ])
}, 600_000)
