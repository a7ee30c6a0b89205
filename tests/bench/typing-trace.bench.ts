import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, test } from 'vitest'
import type { CDPSession, Page } from 'playwright-core'
import { createServices } from '../../electron/main/services'
import { startBridgeProcess } from '../e2e/support/bridge-process'
import { openApp } from '../e2e/support/browser'
import { generatedDoc } from './support/corpus'
import { typingLatency } from './support/browser-bench'

/**
 * Diagnosis, not a figure: a Chrome DevTools trace of typing in the app with a 100,000-word draft
 * (proofing on, autosave firing), summarised as the slow keys' frames and what ran in them.
 * LONGHAND_TRACE=1 to run (LONGHAND_TRACE_WORDS for another length, LONGHAND_TRACE_KEYS, LONGHAND_TRACE_PROOFING=0); the raw trace goes to tests/artifacts/bench/typing-trace.json
 * (open it in DevTools' Performance panel).
 */
const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  tid: number
  pid: number
  args?: { data?: Record<string, unknown> }
}

let lastProfile: CpuProfile | null = null

async function traced(page: Page, run: () => Promise<unknown>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()))
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8.execute,blink.user_timing,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler,latencyInfo',
    transferMode: 'ReportEvents',
  })
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
  await cdp.send('Profiler.start')
  await run()
  const { profile } = await cdp.send('Profiler.stop')
  inclusive(profile as unknown as CpuProfile)
  lastProfile = profile as unknown as CpuProfile
  await cdp.send('Tracing.end')
  await done
  await cdp.detach()
  return events
}

// Diagnosis on demand (LONGHAND_TRACE=1), not a figure of `npm run bench`: a trace is over 10 MB.
test.skipIf(!process.env.LONGHAND_TRACE)('trace: typing in the app with a 100,000-word draft', async () => {
  const doc = generatedDoc(Number(process.env.LONGHAND_TRACE_WORDS ?? 100_000), 7)
  const dataDir = mkdtempSync(join(tmpdir(), 'longhand-trace-'))
  const services = await createServices({ dataDir })
  services.drafts.create({ title: 'Hunderttausend Wörter', doc: doc as never })
  if (process.env.LONGHAND_TRACE_PROOFING === '0') services.settings.update({ proofing: { ...services.settings.get().proofing, enabled: false } })
  services.close()
  const bridge = await startBridgeProcess(dataDir)
  cleanups.push(async () => {
    await bridge.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })
  const opened = await openApp(bridge.url)
  cleanups.push(() => opened.close())
  const page = opened.page
  await page.locator('.ProseMirror > p').nth(20).waitFor({ timeout: 60_000 })
  await page.waitForTimeout(2_000)
  const keys = Number(process.env.LONGHAND_TRACE_KEYS ?? 80)
  let latencies: number[] = []
  const events = await traced(page, async () => {
    await typingLatency(page, keys)
    latencies = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
  })
  const dir = resolve(__dirname, '../artifacts/bench')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'typing-trace.json'), JSON.stringify({ traceEvents: events }))
  summarise(events, latencies)
}, 600_000)

/** Prints the renderer main thread's long tasks and, for each, the biggest events inside it. */
function summarise(events: TraceEvent[], latencies: number[]): void {
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain')
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur! > 8_000).sort((a, b) => a.ts - b.ts)
  const sorted = [...latencies].sort((a, b) => a - b)
  console.log(`latencies n=${latencies.length} p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)} max ${sorted.at(-1)?.toFixed(1)}`)
  console.log(`latencies in order: ${latencies.map((l) => l.toFixed(0)).join(' ')}`)
  const totals = new Map<string, number>()
  for (const task of tasks) {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e.name !== 'RunTask')
    const named = inside
      .filter((e) => e.dur! > 1_000)
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 8)
      .map((e) => `${e.name}${describe(e)} ${(e.dur! / 1000).toFixed(1)}`)
    console.log(`task ${(task.dur! / 1000).toFixed(1)} ms @${((task.ts - tasks[0]!.ts) / 1000).toFixed(0)}: ${named.join(' | ')}`)
    if (lastProfile) console.log(`    js: ${jsIn(lastProfile, task.ts, task.ts + task.dur!)}`)
    for (const e of inside) {
      if (['Layout', 'UpdateLayoutTree', 'Paint', 'EventDispatch', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'XHRLoad', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'ParseHTML', 'PrePaint', 'Layerize', 'HitTest'].includes(e.name)) {
        const key = e.name + describe(e)
        totals.set(key, (totals.get(key) ?? 0) + e.dur!)
      }
    }
  }
  // Thread CPU time (tdur), which a loaded machine does not inflate as it does wall time: the figure to compare builds by.
  const keyTasks = new Set<TraceEvent>()
  const keyEvents = onMain.filter((e) => e.name === 'EventDispatch' && ['keydown', 'keypress'].includes(String(e.args?.data?.type)))
  const allTasks = onMain.filter((e) => e.name === 'RunTask')
  for (const k of keyEvents) {
    const task = allTasks.find((t) => t.ts <= k.ts && k.ts <= t.ts + t.dur!)
    if (task) keyTasks.add(task)
  }
  const cpu = (e: TraceEvent) => ((e as { tdur?: number }).tdur ?? e.dur!) / 1000
  const keyCpu = [...keyTasks].map(cpu).sort((a, b) => a - b)
  const between = allTasks.filter((t) => !keyTasks.has(t) && cpu(t) > 8)
  console.log(
    `CPU per key task: n=${keyCpu.length} p50 ${keyCpu[Math.floor(keyCpu.length / 2)]?.toFixed(1)} p95 ${keyCpu[Math.floor(keyCpu.length * 0.95)]?.toFixed(1)} ms; ` +
      `tasks between keys over 8 ms CPU: ${between.length} (${between.reduce((s, t) => s + cpu(t), 0).toFixed(0)} ms)`,
  )
  console.log('inside long tasks, by kind (ms):')
  for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(v / 1000).toFixed(1)}  ${k}`)
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

/** Inclusive CPU time per function (each function counted once per sample), the top ones. */
function inclusive(profile: CpuProfile): void {
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const total = new Map<string, number>()
  const self = new Map<string, number>()
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame
    return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
  }
  const components = new Map<string, number>()
  const entries = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const chain: number[] = []
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) chain.push(at)
    // What rendered (the component right under renderWithHooks) and what task it ran in (under the root).
    const hooks = chain.findIndex((c) => byId.get(c)!.callFrame.functionName === 'renderWithHooks')
    if (hooks > 0) components.set(label(chain[hooks - 1]!), (components.get(label(chain[hooks - 1]!)) ?? 0) + dt)
    if (chain.length > 2 && !label(id).startsWith('(')) {
      const entry = chain.slice(-4, -1).reverse().map(label).join(' > ')
      entries.set(entry, (entries.get(entry) ?? 0) + dt)
    }
    self.set(label(id), (self.get(label(id)) ?? 0) + dt)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(at)
      if (seen.has(l)) continue
      seen.add(l)
      total.set(l, (total.get(l) ?? 0) + dt)
    }
  })
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1)}  ${k}`).join('\n')
  console.log(`CPU inclusive (ms):\n${top(total, Number(process.env.LONGHAND_TRACE_TOP ?? 70))}`)
  console.log(`React components rendered (ms):\n${top(components, 25)}`)
  console.log(`Entry points (ms):\n${top(entries, 40)}`)
  console.log(`CPU self (ms):\n${top(self, 30)}`)
}

const GENERIC = /^\((root|program|idle|anon|garbage)|^(RunMicrotasks|performWorkOnRoot|flushSyncWork|processRootSchedule|renderRootSync|workLoopSync|beginWork|performUnitOfWork|commitRoot|completeRoot|updateFunctionComponent|recursivelyTraverse|commitMutationEffectsOnFiber|dispatch(Discrete)?Event|batchedUpdates|runWithPriority|performSyncWorkOnRoot|performWorkUntilDeadline|renderWithHooks|EditorView\.dispatch|dispatchTransaction|flush |DOMObserver\.observer|readDOMChange|updateState|emit |setState |flushPassiveEffects|reconcile)/

/** The most expensive non-generic functions (inclusive) sampled between two trace times (µs). */
function jsIn(profile: CpuProfile & { startTime?: number }, from: number, to: number): string {
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const counts = new Map<string, number>()
  let t = profile.startTime ?? 0
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0
    if (t < from || t > to) return
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame
      const l = `${f.functionName || '(anon)'}:${f.lineNumber}`
      if (seen.has(l) || GENERIC.test(l)) continue
      seen.add(l)
      counts.set(l, (counts.get(l) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
    }
  })
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 9).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')
}

function describe(e: TraceEvent): string {
  const d = e.args?.data
  if (!d) return ''
  if (typeof d.type === 'string') return `(${d.type})`
  if (typeof d.functionName === 'string' && d.functionName) return `(${d.functionName} ${String(d.url ?? '').split('/').pop()}:${String(d.lineNumber ?? '')})`
  return ''
}
