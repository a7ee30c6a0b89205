import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { composeVariants, splitThread, suggestHashtags } from '@shared/compose'
import { measure, PLATFORM_IDS } from '@shared/platforms'
import { report, timeSync } from './support/measure'

/**
 * Composing every platform's variants from a 2,000-character German passage (the posts panel
 * does this when a passage is selected), side by side with `measure` alone on the same
 * passage for every platform: the cost of one keystroke's worth of counters.
 */
const SAMPLE = readFileSync('/work/shared/samples/herz-statt-technik.de.txt', 'utf8')
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

  // Interleaved in one loop so both see the same machine state.
  const baseline: number[] = []
  const compose: number[] = []
  const time = (fn: () => void, into: number[]) => {
    const t0 = performance.now()
    fn()
    into.push(performance.now() - t0)
  }
  for (let i = 0; i < 30; i++) {
    for (const p of PLATFORM_IDS) composeVariants(input(i), p)
    for (const p of PLATFORM_IDS) measure(p, passage(i))
  }
  for (let i = 0; i < RUNS; i++) {
    const draft = input(1000 + i)
    time(() => {
      for (const p of PLATFORM_IDS) measure(p, draft.excerpt)
    }, baseline)
    time(() => {
      for (const p of PLATFORM_IDS) composeVariants(draft, p)
    }, compose)
  }
  const summary = (durations: number[]) => {
    const sorted = [...durations].sort((a, b) => a - b)
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
    return { n: sorted.length, p50: at(0.5), p95: at(0.95), mean: sorted.reduce((s, d) => s + d, 0) / sorted.length }
  }
  const base = summary(baseline)

  const parts = {
    hashtags: timeSync((i) => suggestHashtags(passage(i), { language: 'de', max: 5 }), RUNS),
    threadX: timeSync((i) => splitThread('x', passage(i)), RUNS),
    threadMastodon: timeSync((i) => splitThread('mastodon', passage(i)), RUNS),
  }

  report('compose', [
    { name: `measure, ${PLATFORM_IDS.length} platforms, ${PASSAGE.length} chars (baseline)`, sample: base },
    { name: 'composeVariants, all platforms', sample: summary(compose), baseline: base, target: { p95Ms: 5 } },
    { name: 'suggestHashtags', sample: parts.hashtags, baseline: base },
    { name: 'splitThread X', sample: parts.threadX, baseline: base },
    { name: 'splitThread Mastodon', sample: parts.threadMastodon, baseline: base },
  ])
})
