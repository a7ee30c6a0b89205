import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { splitSentences, splitThread, stripNumbering } from '@shared/compose'
import { measure, type PlatformId } from '@shared/platforms'
import { assertProperty } from '../../support/property'
import { readFixture } from '../../support/fixtures'

const SAMPLE = readFixture('herz-statt-technik.de.txt')
const between = (from: string, to: string) => SAMPLE.slice(SAMPLE.indexOf(from), SAMPLE.indexOf(to)).trim()
/** Five paragraphs, ~1,150 characters: from "Schauen wir uns" to "par excellence." */
const UWE = between('Schauen wir uns', 'Social Media Marketing: Herzenstakt')
const THREAD_PLATFORMS: PlatformId[] = ['x', 'bluesky', 'mastodon', 'threads']
const words = (text: string) => text.split(/\s+/u).filter((w) => w !== '')

describe('splitThread on the sample post', () => {
  test.each(THREAD_PLATFORMS)('%s: every numbered part fits, and the words come back in order', (platform) => {
    const parts = splitThread(platform, UWE)
    expect(parts.length).toBeGreaterThan(1)
    parts.forEach((part, i) => {
      expect(part.endsWith(` ${i + 1}/${parts.length}`)).toBe(true)
      expect(measure(platform, part).over, part).toBe(false)
    })
    expect(words(parts.map((p) => stripNumbering(p, '1/4')).join(' '))).toEqual(words(UWE))
  })

  test('X: parts end where sentences end (the passage has no sentence longer than a post)', () => {
    const parts = splitThread('x', UWE).map((p) => stripNumbering(p, '1/4'))
    const sentenceEnds = new Set(splitSentences(UWE, 'de').map((s) => s.trim().slice(-12)))
    for (const part of parts) expect(sentenceEnds.has(part.slice(-12)), part).toBe(true)
    expect(parts[0]).toBe(
      'Schauen wir uns den Menschen Uwe Unsozial von der RatziFatzi GmbH genauer an: Er ist nicht der größte Menschenfreund auf dem Planeten. Er spricht lieber selbst, als dass er anderen zuhört. Kommt ihm einer blöd, bellt er sofort zurück.',
    )
  })

  test('Mastodon keeps whole paragraphs together when they fit', () => {
    const parts = splitThread('mastodon', UWE).map((p) => stripNumbering(p, '1/4'))
    expect(parts[0]).toContain('zurück.\n\n"Hilf dir selbst')
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(500)
  })

  test('a passage that fits in one post comes back whole and unnumbered', () => {
    const text = 'Technik kann man lernen – Soft Skills nicht so ohne Weiteres.'
    expect(splitThread('x', `\n  ${text}\n`)).toEqual([text])
    expect(splitThread('x', '   \n\n ')).toEqual([])
  })
})

describe('numbering', () => {
  const text = `${'Ein Satz, der etwas länger ist als nötig. '.repeat(12)}`
  test.each([
    ['1/4', / \d+\/\d+$/u],
    ['(1/4)', / \(\d+\/\d+\)$/u],
  ] as const)('style %s', (numbering, pattern) => {
    const parts = splitThread('x', text, { numbering })
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) {
      expect(part).toMatch(pattern)
      expect(measure('x', part).over).toBe(false)
    }
  })

  test('style none, also taken from the settings', () => {
    const parts = splitThread('x', text, { settings: { threadNumbering: 'none' } })
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(part).toMatch(/\.$/u)
  })

  test('the number counts against the limit: ten parts or more reserve room for two digits', () => {
    const long = 'Wort '.repeat(700)
    const parts = splitThread('x', long)
    expect(parts.length).toBeGreaterThanOrEqual(10)
    expect(parts[0]!.endsWith(` 1/${parts.length}`)).toBe(true)
    for (const part of parts) expect(measure('x', part).used).toBeLessThanOrEqual(280)
    // Filled to the brim: the longest part uses the limit, number included, within a word's length.
    expect(Math.max(...parts.map((p) => measure('x', p).used))).toBeGreaterThan(280 - 'Wort '.length)
  })
})

describe('boundaries', () => {
  test('a line with --- forces a break, and is not part of any post', () => {
    const parts = splitThread('bluesky', 'Erster Gedanke.\n---\nZweiter Gedanke.\n  -----  \nDritter.')
    expect(parts).toEqual(['Erster Gedanke. 1/3', 'Zweiter Gedanke. 2/3', 'Dritter. 3/3'])
  })

  test('never cuts inside a URL, hashtag or mention', () => {
    const url = 'https://example.com/ein/ziemlich/langer/pfad?mit=parametern&und=mehr'
    const tokens = [url, '#SocialMedia', '@anna@chaos.social', '#Gespräch', '@uwe']
    const filler = 'wort '.repeat(40)
    const text = Array.from({ length: 12 }, (_, i) => `${filler}${tokens[i % tokens.length]}`).join(' ')
    for (const platform of THREAD_PLATFORMS) {
      const parts = splitThread(platform, text).map((p) => stripNumbering(p, '1/4'))
      const out = parts.flatMap(words)
      for (const token of tokens) expect(out.filter((w) => w === token).length, `${platform} ${token}`).toBeGreaterThan(1)
      expect(out).toEqual(words(text))
    }
  })

  test('ends a well-filled part at the clause or sentence boundary before a unit that must be cut', () => {
    const clause = 'Das ist ein sehr langer erster Satzteil ohne jedes Komma der schon deutlich mehr als die Hälfte eines ganzen Posts auf X füllt und erst dann endet'
    const overlong = 'und noch ein weiterer Teil mit vielen Wörtern '.repeat(8)
    const parts = splitThread('x', `${clause}, ${overlong}Ende.`).map((p) => stripNumbering(p, '1/4'))
    expect(parts[0]).toBe(`${clause},`)
    const sentence = 'Der erste Satz ist lang genug, um mehr als die Hälfte eines Posts auf X zu füllen, und er hört auch dann noch nicht gleich auf, ganz sicher nicht.'
    const parts2 = splitThread('x', `${sentence} Und ${overlong}Ende.`).map((p) => stripNumbering(p, '1/4'))
    expect(parts2[0]).toBe(sentence)
  })

  test('lets the first words of an overlong unit fill a part that is still mostly empty', () => {
    const overlong = 'und noch ein weiterer Teil mit vielen Wörtern '.repeat(8)
    const parts = splitThread('x', `Kurz, ${overlong}Ende.`).map((p) => stripNumbering(p, '1/4'))
    expect(parts[0]!.startsWith('Kurz, und noch ein weiterer Teil')).toBe(true)
    expect(measure('x', parts[0]!).used).toBeGreaterThan(200)
  })

  test('last resort, documented: a single word longer than a post is cut between graphemes', () => {
    const word = 'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(10) // 420 letters, no space
    const parts = splitThread('bluesky', `Vorher. ${word} Nachher.`)
    for (const part of parts) expect(measure('bluesky', part).over).toBe(false)
    const joined = parts.map((p) => stripNumbering(p, '1/4')).join('')
    expect(joined.replace(/\s+/gu, '')).toBe(`Vorher.${word}Nachher.`)
    // Only the monster word was cut: "Vorher." stands alone before it.
    expect(stripNumbering(parts[0]!, '1/4').startsWith('Vorher. Donau')).toBe(true)
  })

  test('emoji and combining marks: measured exactly, graphemes never torn apart', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Satz ${i} mit 👨‍👩‍👧‍👦 und Cafe\u0301 🇩🇪.`).join(' ')
    for (const platform of THREAD_PLATFORMS) {
      const parts = splitThread(platform, text)
      for (const part of parts) expect(measure(platform, part).over, `${platform}: ${part}`).toBe(false)
      expect(parts.map((p) => stripNumbering(p, '1/4')).flatMap(words)).toEqual(words(text))
    }
  })

  test('Threads: no part carries more than five links', () => {
    const text = Array.from({ length: 9 }, (_, i) => `Quelle ${i}: https://example.com/${i}`).join(' ')
    const parts = splitThread('threads', text)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(measure('threads', part).over).toBe(false)
  })
})

describe('properties on arbitrary text', () => {
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 14 }) },
    { weight: 2, arbitrary: fc.constantFrom('z. B.', 'am 3.', 'Oktober.', 'Ende.', 'Wie?', '„Zitat.“', '…', 'ca.', '---') },
    { weight: 1, arbitrary: fc.webUrl() },
    { weight: 1, arbitrary: fc.constantFrom('#Gespräch', '#SocialMedia', '@anna@chaos.social', '@uwe', '👨‍👩‍👧‍👦', '🇩🇪', 'e\u0301') },
  )
  const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', ', ', '\n---\n', '\t')
  const text = fc.array(fc.tuple(token, separator), { maxLength: 180 }).map((pairs) => pairs.map(([t, s]) => t + s).join(''))
  const expectedWords = (t: string) => words(t.replace(/^[ \t]*-{3,}[ \t]*$/gmu, '').replace(/[\uFEFF\uFFFE\uFFFF]/gu, ''))

  test.each(THREAD_PLATFORMS)('%s: every part fits, and without numbering the words come back in order', (platform) => {
    assertProperty(
      fc.property(text, fc.constantFrom('1/4' as const, '(1/4)' as const, 'none' as const), (t, numbering) => {
        const parts = splitThread(platform, t, { numbering })
        for (const part of parts) expect(measure(platform, part).over).toBe(false)
        const back = parts.map((p) => (parts.length > 1 ? stripNumbering(p, numbering) : p))
        // Words longer than a post are the one exception (cut between graphemes): compare characters then.
        const original = expectedWords(t)
        const returned = back.flatMap(words)
        if (original.every((w) => !measure(platform, `${w} (99/99)`).over)) expect(returned).toEqual(original)
        else expect(returned.join('')).toBe(original.join(''))
      }),
      { numRuns: 120 },
    )
  })
})
