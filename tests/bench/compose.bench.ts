import { expect, test } from 'vitest'
import { composeAllVariants, splitThread, suggestHashtags } from '@shared/compose'
import { measure, PLATFORM_IDS } from '@shared/platforms'
import { report, summarize, timeSync } from './support/measure'
import { readFixture } from '../support/fixtures'

/**
 * Composing every platform's variants from a 2,000-character German passage, as the posts panel
 * does when a passage is selected (one composeAllVariants call for all platforms), side by side
 * with `measure` alone on the same passage for every platform: the cost of one keystroke's worth
 * of counters.
 */
const SAMPLE = readFixture('herz-statt-technik.de.txt')
const start = SAMPLE.indexOf('Die Ziele des Marketings')
const PASSAGE = SAMPLE.slice(start, SAMPLE.lastIndexOf(' ', start + 2000)).trim()
const RUNS = 300

// Each run gets a passage of its own (same length), so nothing is served from the composer's
// memory of the last passage: every run pays for sentence splitting and hashtags once.
const passage = (i: number) => `${PASSAGE.slice(0, -8)} ${String(i).padStart(7, '0')}`

test('compose: all platforms vs measure alone', () => {
  expect(PASSAGE.length).toBeGreaterThan(1950)
  expect(PASSAGE.length).toBeLessThanOrEqual(2000)
  const input = (i: number) => ({
    excerpt: passage(i),
    title: 'Herz statt Technik: So tickt ein guter Social Media Manager',
    tags: ['Social Media', 'Kommunikation'],
    language: 'de' as const,
    blogUrl: 'https://blog.example.de/herz-statt-technik',
  })

  // Interleaved in one loop so both see the same machine state. Wall time is what the user waits
  // for; the process's CPU time beside it is steadier on a busy machine but counts every thread,
  // V8's background compiler and GC included (with --single-threaded its tail moves into the wall
  // time), so it reads higher than the wall time on a quiet machine.
  const baseline: number[] = []
  const compose: number[] = []
  const baselineCpu: number[] = []
  const composeCpu: number[] = []
  const cpuMs = () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  const time = (fn: () => void, into: number[], intoCpu: number[]) => {
    const c0 = cpuMs()
    const t0 = performance.now()
    fn()
    into.push(performance.now() - t0)
    intoCpu.push(cpuMs() - c0)
  }
  for (let i = 0; i < 30; i++) {
    composeAllVariants(input(i), PLATFORM_IDS)
    for (const p of PLATFORM_IDS) measure(p, passage(i))
  }
  for (let i = 0; i < RUNS; i++) {
    const draft = input(1000 + i)
    time(
      () => {
        for (const p of PLATFORM_IDS) measure(p, draft.excerpt)
      },
      baseline,
      baselineCpu,
    )
    time(
      () => {
        composeAllVariants(draft, PLATFORM_IDS)
      },
      compose,
      composeCpu,
    )
  }
  const base = summarize(baseline)
  const baseCpu = summarize(baselineCpu)

  const parts = {
    hashtags: timeSync((i) => suggestHashtags(passage(i), { language: 'de', max: 5 }), RUNS),
    threadX: timeSync((i) => splitThread('x', passage(i)), RUNS),
    threadMastodon: timeSync((i) => splitThread('mastodon', passage(i)), RUNS),
  }

  report('compose', [
    { name: `measure, ${PLATFORM_IDS.length} platforms, ${PASSAGE.length} chars (baseline)`, sample: base },
    { name: 'composeAllVariants, all platforms', sample: summarize(compose), baseline: base, target: { p95Ms: 5 } },
    { name: 'measure, 10 platforms (process CPU time, all threads, baseline)', sample: baseCpu },
    { name: 'composeAllVariants, all platforms (process CPU time, all threads)', sample: summarize(composeCpu), baseline: baseCpu, target: { p95Ms: 5 } },
    { name: 'suggestHashtags', sample: parts.hashtags, baseline: base },
    { name: 'splitThread X', sample: parts.threadX, baseline: base },
    { name: 'splitThread Mastodon', sample: parts.threadMastodon, baseline: base },
  ])
})
