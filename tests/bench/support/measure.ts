import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { resolve } from 'node:path'

/**
 * Benchmarks print figures and ratios; they never assert on time (shared machines are
 * noisy). Every measured case is run side by side with its baseline in the same process.
 * Every figure is printed with its number of samples: at least MIN_SAMPLES each.
 */
export const MIN_SAMPLES = 30

export interface Sample {
  n: number
  p50: number
  p95: number
  mean: number
  /**
   * CPU time of this process per run (timeSync only). On a shared machine wall time also counts
   * the waits for a core; a wall tail without a CPU tail is the machine, not the code.
   */
  cpu?: { p50: number; p95: number }
}

export function summarize(durations: number[]): Sample {
  const sorted = [...durations].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  const mean = sorted.reduce((s, d) => s + d, 0) / (sorted.length || 1)
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), mean }
}

export function timeSync(fn: (i: number) => unknown, runs: number, warmup = Math.min(10, runs)): Sample {
  for (let i = 0; i < warmup; i++) fn(i)
  const durations: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn(i)
    durations.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  const cpuSample = summarize(cpu)
  return { ...summarize(durations), cpu: { p50: cpuSample.p50, p95: cpuSample.p95 } }
}

export async function timeAsync(fn: (i: number) => Promise<unknown>, runs: number, warmup = Math.min(5, runs)): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await fn(i)
  const durations: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn(i)
    durations.push(performance.now() - t0)
  }
  return summarize(durations)
}

export interface Row {
  name: string
  sample: Sample
  /** The side-by-side baseline this case is compared with (same run, same data). */
  baseline?: Sample
  /** Human-readable target, e.g. "p95 ≤ 10 ms"; checked here only to print ✓ or ✗. */
  target?: { p95Ms?: number; ratioMax?: number }
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2))

export function report(title: string, rows: Row[]): void {
  const load = loadavg().map((l) => l.toFixed(2)).join(' / ')
  const lines = [
    `\n## ${title}`,
    `load ${load} (1 / 5 / 15 min) on ${availableParallelism()} cores`,
    '| case | n | p50 ms | p95 ms | CPU p50 / p95 ms | vs baseline (p95, n) | target |',
    '|---|---|---|---|---|---|---|',
  ]
  for (const row of rows) {
    const ratio = row.baseline ? row.sample.p95 / row.baseline.p95 : undefined
    const targets: string[] = []
    if (row.target?.p95Ms !== undefined) targets.push(`${row.sample.p95 <= row.target.p95Ms ? '✓' : '✗'} p95 ≤ ${row.target.p95Ms} ms`)
    if (row.target?.ratioMax !== undefined && ratio !== undefined) targets.push(`${ratio <= row.target.ratioMax ? '✓' : '✗'} ≤ ${row.target.ratioMax}×`)
    lines.push(
      `| ${row.name} | ${row.sample.n} | ${fmt(row.sample.p50)} | ${fmt(row.sample.p95)} | ${row.sample.cpu ? `${fmt(row.sample.cpu.p50)} / ${fmt(row.sample.cpu.p95)}` : '—'} | ${ratio === undefined ? '—' : `${ratio.toFixed(2)}× (${fmt(row.baseline!.p95)} ms, n=${row.baseline!.n})`} | ${targets.join(', ') || '—'} |`,
    )
  }
  const text = lines.join('\n')
  process.stdout.write(text + '\n')
  const dir = resolve(__dirname, '../../artifacts/bench')
  mkdirSync(dir, { recursive: true })
  writeFileSync(resolve(dir, `${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.md`), text + '\n')
}
