import fc from 'fast-check'
import twitterText from 'twitter-text'
import { describe, expect, test } from 'vitest'
import {
  countGraphemes,
  extractHashtags,
  extractLinks,
  mastodonCountableText,
  threadsLength,
  utf8ByteLength,
  xWeightedLength,
} from '@shared/platforms'
import { extractHashtagsWithIndices, extractUrlsWithIndices, SINGLE_GRAPHEME_TEXT } from '@shared/platforms/counting'
import { assertProperty } from '../../support/property'

const FAMILY = '👨‍👩‍👧‍👦' // 4 people joined by 3 zero-width joiners: 7 code points, 11 UTF-16 units, 25 bytes
const FLAG_DE = '🇩🇪'
const THUMBS_UP_DARK = '👍🏿'

describe('X: twitter-text weighted length', () => {
  test.each([
    ['hello', 5],
    ['Grüße aus Köln', 14],
    ['👾', 2],
    [FAMILY, 2],
    [THUMBS_UP_DARK, 2],
    [FLAG_DE, 2],
    ['日本語', 6],
    ['한국어', 6],
    ['https://example.com/a/very/long/path/that/goes/on/and/on?with=query', 23],
    ['example.com', 23],
    ['see https://x.com and example.org', 4 + 23 + 5 + 23],
    // NFC first: a decomposed é counts like the composed one.
    ['cafe\u0301', 4],
    ['…', 2],
  ])('%j weighs %i', (text, weight) => {
    expect(xWeightedLength(text)).toBe(weight)
  })
})

describe('graphemes and bytes (Bluesky)', () => {
  test('a family emoji is one grapheme of 25 bytes', () => {
    expect(FAMILY.length).toBe(11)
    expect(countGraphemes(FAMILY)).toBe(1)
    expect(utf8ByteLength(FAMILY)).toBe(25)
  })

  test.each([
    [FLAG_DE, 1, 8],
    [THUMBS_UP_DARK, 1, 8],
    ['e\u0301', 1, 3],
    ['Straße', 6, 7],
    ['ä€😀', 3, 2 + 3 + 4],
    ['\r\n', 1, 2],
  ])('%j: %i graphemes, %i bytes', (text, graphemes, bytes) => {
    expect(countGraphemes(text)).toBe(graphemes)
    expect(utf8ByteLength(text)).toBe(bytes)
  })

  test('counts bytes exactly as TextEncoder does, lone surrogates included', () => {
    const encoder = new TextEncoder()
    assertProperty(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ maxLength: 5 }), (text, tail) => {
        const withLoneSurrogate = text + '\uD83D' + tail
        expect(utf8ByteLength(text)).toBe(encoder.encode(text).length)
        expect(utf8ByteLength(withLoneSurrogate)).toBe(encoder.encode(withLoneSurrogate).length)
      }),
      { numRuns: 300 },
    )
  })
})

describe('the shortcut for text whose every character is a grapheme', () => {
  test('holds for every character in the class, next to itself and to letters (checked against Intl.Segmenter)', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    const source = SINGLE_GRAPHEME_TEXT.source.slice(2, -3) // the [...] class
    const klass = new RegExp(`[${source}]`)
    let checked = 0
    for (let codePoint = 0; codePoint <= 0xffff; codePoint++) {
      const char = String.fromCharCode(codePoint)
      if (!klass.test(char)) continue
      const probe = `a${char}${char}a`
      expect([...segmenter.segment(probe)].length, `U+${codePoint.toString(16)}`).toBe(4)
      checked++
    }
    expect(checked).toBe(1506)
  })

  test('agrees with Intl.Segmenter on arbitrary text', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    assertProperty(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const text = a + b
        expect(countGraphemes(text)).toBe([...segmenter.segment(text)].length)
      }),
      { numRuns: 300 },
    )
  })
})

describe('Mastodon: URLs count 23, remote mentions count as the local part', () => {
  test.each([
    ['hi @anna@chaos.social', 'hi @anna'],
    ['@bob@example.com look https://example.com/a/very/long/path/indeed', `@bob look ${'x'.repeat(23)}`],
    ['mail anna@chaos.social', 'mail anna@chaos.social'],
    ['https://example.com/@anna@chaos.social', 'x'.repeat(23)],
  ])('%j counts as %j', (text, countable) => {
    expect(mastodonCountableText(text)).toBe(countable)
  })

  test('a URL without a scheme counts 23, or its own length if longer (stock and newer servers)', () => {
    expect(countGraphemes(mastodonCountableText('see example.com'))).toBe(4 + 23)
    const long = 'example.com/' + 'a'.repeat(40)
    expect(countGraphemes(mastodonCountableText(`see ${long}`))).toBe(4 + long.length)
  })
})

describe('Threads: emoji count their UTF-8 bytes', () => {
  test.each([
    ['Hallo', 5],
    ['😀', 4],
    [FAMILY, 25],
    ['ok 👍', 3 + 4],
    ['© 2026', 2 + 5],
  ])('%j counts %i', (text, count) => {
    expect(threadsLength(text)).toBe(count)
  })
})

describe('links and hashtags', () => {
  test('finds links with and without a scheme, and Unicode hashtags', () => {
    expect(extractLinks('Lies https://example.com/a?b=c, dann blog.example.de. Ende.')).toEqual([
      'https://example.com/a?b=c',
      'blog.example.de',
    ])
    expect(extractHashtags('#Gespräch über #Straße und #SocialMedia, nicht #123')).toEqual([
      'Gespräch',
      'Straße',
      'SocialMedia',
    ])
  })

  test('looking for URLs and hashtags word by word finds exactly what twitter-text finds in the whole text', () => {
    const word = fc.oneof(
      fc.constantFrom('https://example.com/pfad?x=1', 'example.org', 'a.b', '2.999,99', 'z.B.', 'ende.', '@anna@chaos.social'),
      fc.constantFrom('https://t.co/abc.', '(https://example.com)', '„www.beispiel.de“', 'foo.bar.baz/qux', 'x.com@evil.com'),
      fc.constantFrom('#Gespräch', '＃Straße', 'a#b', '#1', '#_x', '(#tag)', 'https://example.com/#anchor', '#a#b', '$#x', '#tag.'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => `#${s}`),
    )
    const separator = fc.constantFrom(' ', '\n', '  ', '\t', ' – ')
    assertProperty(
      fc.property(fc.array(fc.tuple(word, separator), { maxLength: 30 }), (pairs) => {
        const text = pairs.map(([w, s]) => w + s).join('')
        expect(extractUrlsWithIndices(text)).toEqual(twitterText.extractUrlsWithIndices(text))
        expect(extractHashtagsWithIndices(text)).toEqual(twitterText.extractHashtagsWithIndices(text))
      }),
      { numRuns: 400 },
    )
  })
})
