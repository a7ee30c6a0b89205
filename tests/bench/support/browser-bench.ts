import { createServer, type Server } from 'node:http'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { rng } from './corpus'
import { summarize, type Sample } from './measure'

/**
 * Builds the benchmark page for one editor module (tests/bench/pages/<editor>.ts) with Vite into
 * tests/artifacts: every editor gets the same page (pages/index.html), its script put in for
 * EDITOR_MODULE, so two editors measured side by side differ in nothing but their module.
 */
export async function buildBenchPage(editor: 'bare-editor' | 'yjs-editor' | 'plain-editable'): Promise<string> {
  const root = join(__dirname, '..', 'pages')
  const outDir = join(__dirname, '../../artifacts/bench-pages', editor)
  const withEditor = { name: 'bench-editor-module', transformIndexHtml: { order: 'pre' as const, handler: (html: string) => html.replace('./EDITOR_MODULE.ts', `./${editor}.ts`) } }
  await build({ root, base: './', logLevel: 'warn', plugins: [withEditor], build: { outDir, emptyOutDir: true } })
  return outDir
}

/** A throwaway static server on loopback (module scripts do not load from file://). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '') || 'index.html'
    const file = join(dir, path)
    try {
      if (!file.startsWith(dir) || !statSync(file).isFile()) throw new Error('not found')
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      res.end(readFileSync(file))
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/**
 * When each key is pressed: bursts of 6–16 keys 50–150 ms apart, then a pause of 0.9–1.3 s
 * around the 1 s autosave debounce (AUTOSAVE_DELAY_MS), so the save's serialisation and write
 * often run just as the next burst starts — a writer stopping to think and going on. Seeded:
 * the same rhythm for the app and its baseline.
 */
export function typingRhythm(keys: number, seed = 12): number[] {
  return bursts(keys, [900, 1300], seed)
}

/**
 * The same bursts as typingRhythm(), but the pauses between them (300–800 ms) stay below the
 * 1 s autosave debounce, so no save runs inside the window: what a keystroke costs the editor
 * itself (extensions, panels, style and layout), without serialising and writing the draft.
 */
export function burstsWithoutAutosave(keys: number, seed = 12): number[] {
  return bursts(keys, [300, 800], seed)
}

/** Seeded bursts of 6–16 keys 50–150 ms apart, a pause of pauseLow–pauseHigh ms before each burst but the first. */
function bursts(keys: number, [pauseLow, pauseHigh]: [number, number], seed: number): number[] {
  const random = rng(seed)
  const between = (low: number, high: number) => Math.round(low + random() * (high - low))
  const delays: number[] = []
  while (delays.length < keys) {
    const burst = between(6, 16)
    for (let i = 0; i < burst && delays.length < keys; i++) delays.push(i === 0 && delays.length > 0 ? between(pauseLow, pauseHigh) : between(50, 150))
  }
  return delays
}

/**
 * Puts the caret in the middle of the document and types `keys` characters in typingRhythm(),
 * measuring in the page from the key event's own time stamp (when the input arrived, so time
 * spent queued behind an autosave counts) to just after the paint of the first frame that has
 * the typed character in it (a task queued in that frame, after its layout).
 *
 * "The first frame that has it", not simply "the next frame": an editor may put the character
 * into the page after the key event (renderer/editor/typedText.ts does in long texts, in the
 * next frame's animation-frame callbacks), and a frame drawn before that shows nothing new.
 * The probe counts changes to the text's DOM (a MutationObserver) and looks, frame by frame
 * after the frame's layout and before its paint, whether one has happened since the key.
 */
export async function typingLatency(page: Page, keys: number, delays: number[] = typingRhythm(keys)): Promise<Sample> {
  return summarize(await typingLatencies(page, keys, delays))
}

/** typingLatency()'s samples themselves (the first five of the session dropped), for pooling sessions. */
export async function typingLatencies(page: Page, keys: number, delays: number[] = typingRhythm(keys)): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __latencies: number[]; __latencyProbe?: true; __textChanges: number }
    w.__latencies = []
    // Once per page: a second measurement on the same page must not count each key twice.
    if (!w.__latencyProbe) {
      w.__latencyProbe = true
      w.__textChanges = 0
      new MutationObserver(() => w.__textChanges++).observe(document.querySelector('.ProseMirror')!, { subtree: true, childList: true, characterData: true })
      document.addEventListener(
        'keydown',
        (event) => {
          const t0 = event.timeStamp
          const before = w.__textChanges
          let frames = 0
          const frame = () => {
            // Looked at once every animation-frame callback of this frame has run and the layout
            // is done, before the paint: a ResizeObserver's first notice for an element comes then.
            const seen = new ResizeObserver(() => {
              seen.disconnect()
              // Safety net: a key that changes nothing (never in this typing) is taken at its 60th frame.
              if (w.__textChanges > before || ++frames >= 60) setTimeout(() => w.__latencies.push(performance.now() - t0), 0)
              else requestAnimationFrame(frame)
            })
            seen.observe(document.body)
          }
          requestAnimationFrame(frame)
        },
        true,
      )
    }
    const blocks = document.querySelectorAll('.ProseMirror > p')
    const middle = blocks[Math.floor(blocks.length / 2)]!
    const editor = document.querySelector('.ProseMirror') as HTMLElement
    editor.focus()
    middle.scrollIntoView({ block: 'center' })
    // The first text node, not firstChild: decorations (proofing marks) wrap words in elements.
    const text = document.createTreeWalker(middle, NodeFilter.SHOW_TEXT).nextNode()!
    getSelection()!.collapse(text, Math.floor((text.textContent ?? '').length / 2))
  })
  await page.waitForTimeout(300)
  const letters = 'ein kleiner satz über dialog '
  for (let i = 0; i < keys; i++) {
    await page.waitForTimeout(delays[i]!)
    await page.keyboard.type(letters[i % letters.length]!)
  }
  // Long enough for the last autosave to run and be waited for by the last key's frame.
  await page.waitForTimeout(1_500)
  const latencies = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
  return latencies.slice(5)
}

/** The page's JavaScript heap in bytes after a full garbage collection (CDP, Chromium only). */
export async function heapAfterGc(page: Page): Promise<{ usedBytes: number; totalBytes: number; domNodes: number }> {
  const cdp = await page.context().newCDPSession(page)
  try {
    // Twice: the first pass frees objects whose finalizers keep others alive until the next.
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage')
    const { nodes } = await cdp.send('Memory.getDOMCounters')
    return { usedBytes: usedSize, totalBytes: totalSize, domNodes: nodes }
  } finally {
    await cdp.detach()
  }
}

export interface MemoryRow {
  name: string
  heap: { usedBytes: number; totalBytes: number; domNodes: number }
  baseline?: { usedBytes: number; totalBytes: number; domNodes: number }
  targetMb?: number
}

/** Prints (and writes to tests/artifacts/bench) a table of heap sizes, in MB, with their baselines. */
export function reportMemory(title: string, rows: MemoryRow[]): void {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
  const lines = [`\n## ${title}`, '| case | JS heap used MB | heap total MB | DOM nodes | baseline used MB (DOM nodes) | target |', '|---|---|---|---|---|---|']
  for (const row of rows) {
    const target = row.targetMb === undefined ? '—' : `${row.heap.usedBytes / 1024 / 1024 <= row.targetMb ? '✓' : '✗'} ≤ ${row.targetMb} MB`
    const baseline = row.baseline ? `${mb(row.baseline.usedBytes)} (${row.baseline.domNodes})` : '—'
    lines.push(`| ${row.name} | ${mb(row.heap.usedBytes)} | ${mb(row.heap.totalBytes)} | ${row.heap.domNodes} | ${baseline} | ${target} |`)
  }
  const text = lines.join('\n')
  process.stdout.write(text + '\n')
  const dir = join(__dirname, '../../artifacts/bench')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.md`), text + '\n')
}
