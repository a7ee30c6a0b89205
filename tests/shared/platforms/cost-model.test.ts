import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { measure, PLATFORM_IDS } from '@shared/platforms'
import { buildCostModel } from '@shared/platforms/cost-model'
import { assertProperty } from '../../support/property'

const words = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('Gespräch', 'Straße', 'über', 'z. B.', '„Zitat“', '…', '–', '•', '€', 'Ελλάδα', 'Москва') },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-zA-ZäöüÄÖÜß]{1,12}$/) },
  { weight: 1, arbitrary: fc.webUrl() },
  { weight: 1, arbitrary: fc.constantFrom('example.com', 'blog.example.de/a?b=c', '@anna@chaos.social', '@uwe', '#Gespräch', '©', '‼', '2.999,99') },
)
const separators = fc.constantFrom(' ', ' ', '\n', '\n\n', ', ')
const prose = fc.array(fc.tuple(words, separators), { minLength: 1, maxLength: 60 }).map((pairs) =>
  pairs
    .map(([w, s]) => w + s)
    .join('')
    .trim(),
)

describe('the cost model', () => {
  test.each(PLATFORM_IDS)('%s: prices simple text exactly as measure counts it, whole and in slices at spaces', (platform) => {
    assertProperty(
      fc.property(prose, fc.nat(), (text, seed) => {
        const model = buildCostModel(platform, text)
        expect(model).not.toBeNull()
        expect(model!.used(0, text.length)).toBe(measure(platform, text).used)
        // A slice from a word start to a word end, as the splitter uses them.
        const starts = [0, ...[...text.matchAll(/\s+/gu)].map((m) => m.index + m[0].length)]
        const start = starts[seed % starts.length]!
        const ends = [...text.slice(start).matchAll(/\S(?=\s|$)/gu)].map((m) => start + m.index + 1)
        const end = ends[seed % ends.length] ?? text.length
        expect(model!.used(start, end)).toBe(measure(platform, text.slice(start, end)).used)
        expect(model!.fitsWith(' 9/9')(start, end)).toBe(!measure(platform, `${text.slice(start, end)} 9/9`).over)
      }),
      { numRuns: 150 },
    )
  })

  test('leaves text with emoji or combining marks to measure', () => {
    expect(buildCostModel('x', 'Hallo 👋')).toBeNull()
    expect(buildCostModel('bluesky', 'Cafe\u0301')).toBeNull()
    expect(buildCostModel('mastodon', 'Grüße aus Köln – 2.999,99 €')).not.toBeNull()
  })
})
