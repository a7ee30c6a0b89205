import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { composeVariants, libraryTermsFor, questionsFor, stripNumbering, WORDING, type ComposeInput } from '@shared/compose'
import { extractHashtags, measure, PLATFORM_IDS, PLATFORMS, THREAD_NUMBERING_STYLES } from '@shared/platforms'
import { assertProperty } from '../../support/property'
import { readFixture } from '../../support/fixtures'

const SAMPLE = readFixture('herz-statt-technik.de.txt')
const between = (from: string, to: string) => SAMPLE.slice(SAMPLE.indexOf(from), SAMPLE.indexOf(to)).trim()
const UWE = between('Schauen wir uns', 'Social Media Marketing: Herzenstakt')
/** The passage as a German post quotes it: „…“ for the blog's straight quotes. */
const UWE_POSTED = UWE.replace(/"([^"\n]*)"/gu, '„$1“')
const BLOG = 'https://blog.example.de/herz-statt-technik'
const INPUT: ComposeInput = {
  excerpt: UWE,
  title: 'Herz statt Technik: So tickt ein guter Social Media Manager',
  tags: ['Social Media', 'Kommunikation'],
  language: 'de',
  blogUrl: BLOG,
}
const body = (post: string) => post.replace(/(?:\n\n#\S+(?: #\S+)*)$/u, '')

describe('composeVariants on the sample post', () => {
  test.each(PLATFORM_IDS)('%s: a quote, a question and a teaser, every part within the limit', (platform) => {
    const variants = composeVariants(INPUT, platform)
    expect(variants.map((v) => v.style)).toEqual(['quote', 'question', 'teaser'])
    for (const variant of variants) {
      expect(variant.parts.length).toBeGreaterThan(0)
      for (const part of variant.parts) expect(measure(platform, part).over, `${variant.style}: ${part}`).toBe(false)
    }
  })

  test('threads where the platform has them: a hook part, then the rest of the passage, numbered; the hook said once', () => {
    const hook = 'Tatsächlich ist Uwe nur eines: eine Social-Media-Fehlbesetzung par excellence.'
    for (const platform of ['x', 'bluesky', 'mastodon', 'threads'] as const) {
      const quote = composeVariants(INPUT, platform)[0]!
      expect(quote.parts.length, platform).toBeGreaterThan(2)
      const [opener, ...rest] = quote.parts.map((p) => stripNumbering(p, '1/4'))
      // "Einspruch!" opened the hook's paragraph: it comes along rather than stay behind alone.
      expect(opener).toBe(`${INPUT.title}\n\nEinspruch! ${hook}`)
      const text = rest.join(' ')
      expect(text.startsWith('Schauen wir uns den Menschen Uwe Unsozial')).toBe(true)
      expect(text).toContain('er ist zertifiziert.')
      expect(text).not.toContain(hook)
      expect(text).not.toContain('Einspruch!')
    }
  })

  test('one post elsewhere: the hook line before the fold, then the author’s sentences, cut at a sentence end', () => {
    const [xing] = composeVariants(INPUT, 'xing')
    expect(xing!.parts).toHaveLength(1)
    const [hook, ...rest] = body(xing!.parts[0]!).split('\n\n')
    expect(hook).toBe('Einspruch! Tatsächlich ist Uwe nur eines: eine Social-Media-Fehlbesetzung par excellence.')
    expect(UWE_POSTED.startsWith(rest.join('\n\n'))).toBe(true)
    expect(rest.join('\n\n')).toMatch(/[.!?"]$/u)
    // LinkedIn has room for all of it: every word comes back, the hook moved to the front.
    const linkedin = body(composeVariants(INPUT, 'linkedin')[0]!.parts[0]!)
    expect(linkedin.split(/\s+/u).sort()).toEqual(UWE_POSTED.split(/\s+/u).sort())
  })

  test('the question: a passage from the text, then a question inviting answers (the hook alone on X)', () => {
    for (const platform of PLATFORM_IDS) {
      const question = composeVariants(INPUT, platform)[1]!.parts[0]!
      const blocks = body(question).split('\n\n')
      const ask = blocks.pop()!
      expect(ask, platform).toMatch(/\?$/u)
      for (const block of blocks) expect(UWE_POSTED, platform).toContain(block)
    }
    expect(body(composeVariants(INPUT, 'x')[1]!.parts[0]!).split('\n\n')[0]).toBe(
      'Tatsächlich ist Uwe nur eines: eine Social-Media-Fehlbesetzung par excellence.',
    )
  })

  test('the teaser: the hook sentence, the article and its link where links work, "Link in Bio" where they don’t', () => {
    const x = composeVariants(INPUT, 'x')[2]!.parts[0]!
    expect(x).toBe(
      'Tatsächlich ist Uwe nur eines: eine Social-Media-Fehlbesetzung par excellence.\n\n' +
        `Mehr dazu in meinem Artikel „${INPUT.title}“: ${BLOG}\n\n#SocialMedia #Technik`,
    )
    for (const platform of ['instagram', 'tiktok'] as const) {
      const teaser = composeVariants(INPUT, platform)[2]!.parts[0]!
      expect(teaser).not.toContain(BLOG)
      expect(teaser).toContain('Link in Bio.')
      expect(measure(platform, teaser).warnings).toEqual([])
    }
    // No link known: the article is named, no sentence points nowhere.
    const noLink = composeVariants({ ...INPUT, blogUrl: undefined }, 'linkedin')[2]!.parts[0]!
    expect(noLink).toContain(`Mehr dazu in meinem Artikel „${INPUT.title}“.`)
    expect(noLink).not.toMatch(/Blog|:\s*$/mu)
    const noLinkNoTitle = composeVariants({ ...INPUT, blogUrl: undefined, title: '' }, 'linkedin')[2]!.parts[0]!
    expect(body(noLinkNoTitle)).toBe('Tatsächlich ist Uwe nur eines: eine Social-Media-Fehlbesetzung par excellence.')
    const badLink = composeVariants({ ...INPUT, blogUrl: 'javascript:alert(1)' }, 'linkedin')[2]!.parts[0]!
    expect(badLink).not.toContain('javascript')
  })

  test('hashtags: the draft’s tags first, and no more than the platform’s habit or cap', () => {
    for (const platform of PLATFORM_IDS) {
      for (const variant of composeVariants(INPUT, platform)) {
        const last = variant.parts[variant.parts.length - 1]!
        const tags = extractHashtags(stripNumbering(last, '1/4'))
        expect(tags.length, `${platform} ${variant.style}`).toBeLessThanOrEqual(PLATFORMS[platform].hashtags.suggested)
        if (tags.length > 0) expect(tags[0]).toBe('SocialMedia')
      }
    }
    const instagram = composeVariants(INPUT, 'instagram')[0]!.parts[0]!
    expect(extractHashtags(instagram)).toHaveLength(5)
  })

  test('English wording for an English draft', () => {
    const english: ComposeInput = {
      excerpt: 'Technique can be learned. Soft skills cannot, at least not easily. Hire people who listen, then teach them the tools.',
      title: 'Heart over technique',
      tags: ['community management'],
      language: 'en',
      blogUrl: 'https://example.com/heart',
    }
    const [quote, question, teaser] = composeVariants(english, 'mastodon')
    expect(quote!.parts).toEqual([`${english.excerpt}\n\n#Technique #CommunityManagement #Heart`])
    expect(question!.parts[0]).toMatch(/\n\n(?:How|What|Does|Do)[^\n]*\?\n\n#/u)
    expect(teaser!.parts[0]).toBe(
      'Hire people who listen, then teach them the tools.\n\nMore in my article “Heart over technique”: https://example.com/heart\n\n#Technique #CommunityManagement #Heart',
    )
  })

  test('German topic questions read right whether the term is singular or plural', () => {
    // "Thema" carries article and case, the term stands beside it; before: "Wie siehst du das beim
    // Thema Coaches?", where "das" and "beim" compete for the same slot.
    for (const topic of ['Coaches', 'Supervision', 'Social Media']) {
      const asked = questionsFor(WORDING.de, topic).filter((q) => q.includes(topic))
      expect(asked).toContain(`Wie siehst du das Thema ${topic}?`)
      for (const question of asked) expect(question).toMatch(new RegExp(`\\b(?:das|zum|beim|mit dem) Thema ${topic}\\b`, 'u'))
      for (const question of asked) expect(question).not.toMatch(/\bdas beim\b/u)
    }
  })

  test('deterministic: the same input gives the same posts, whatever was composed in between', () => {
    const first = composeVariants(INPUT, 'bluesky')
    composeVariants({ ...INPUT, excerpt: 'Etwas ganz anderes.' }, 'bluesky')
    expect(composeVariants(INPUT, 'bluesky')).toEqual(first)
  })

  test('honours settings: Premium X fits the whole passage in one post, numbering style applies', () => {
    expect(composeVariants({ ...INPUT, settings: { xPremium: true } }, 'x')[0]!.parts).toHaveLength(1)
    const parts = composeVariants({ ...INPUT, settings: { threadNumbering: '(1/4)' } }, 'bluesky')[0]!.parts
    // The last part's hashtags come after its number.
    parts.forEach((p, i) => expect(p.replace(/\n\n#[^\n]*$/u, '').endsWith(` (${i + 1}/${parts.length})`)).toBe(true))
  })

  test('what cannot be made is left out: no passage, no quote or question; nothing at all, nothing', () => {
    expect(composeVariants({ ...INPUT, excerpt: '  \n ' }, 'x').map((v) => v.style)).toEqual(['teaser'])
    expect(composeVariants({ ...INPUT, excerpt: '', title: '' }, 'x')).toEqual([])
  })

  test('a "---" line breaks the thread where there are threads, and is a blank line in a single post', () => {
    const excerpt = 'Erster Gedanke.\n---\nZweiter Gedanke.'
    const draft = { ...INPUT, excerpt, title: '', tags: [] }
    expect(composeVariants(draft, 'bluesky')[0]!.parts).toEqual(['Erster Gedanke. 1/2', 'Zweiter Gedanke. 2/2\n\n#Gedanke'])
    expect(composeVariants(draft, 'linkedin')[0]!.parts).toEqual(['Erster Gedanke.\n\nZweiter Gedanke.\n\n#Gedanke'])
  })

  test('a title longer than a post: the teaser leaves it out of the link line, the thread opens with the hook', () => {
    const title = 'Ein Titel, der einfach nicht aufhören will, '.repeat(10).trim()
    const teaser = composeVariants({ ...INPUT, title }, 'x')[2]!.parts[0]!
    expect(teaser).toContain(`Mehr dazu: ${BLOG}`)
    expect(measure('x', teaser).over).toBe(false)
    const opener = stripNumbering(composeVariants({ ...INPUT, title }, 'x')[0]!.parts[0]!, '1/4')
    expect(opener).toBe('Einspruch! Tatsächlich ist Uwe nur eines: eine Social-Media-Fehlbesetzung par excellence.')
  })
})

describe('property: every part of every variant fits its platform', () => {
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
    { weight: 2, arbitrary: fc.constantFrom('z. B.', 'am 3.', 'Oktober.', 'Ende.', 'Wie?', '„Zitat.“', '…', '#Tag', '---', '@a@b.social') },
    { weight: 1, arbitrary: fc.webUrl() },
    { weight: 1, arbitrary: fc.constantFrom('👨‍👩‍👧‍👦', '🇩🇪', 'e\u0301', '日本語', '\uFEFF', 'x'.repeat(400)) },
  )
  const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', ', ', '. ', '\t')
  const text = (max: number) =>
    fc.array(fc.tuple(token, separator), { maxLength: max }).map((pairs) => pairs.map(([t, s]) => t + s).join(''))
  const input = fc.record({
    excerpt: text(160),
    title: fc.oneof(fc.constant(''), text(12), fc.string({ maxLength: 400 })),
    tags: fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Social Media', 'Straße', 'C++', '#x')), { maxLength: 6 }),
    language: fc.constantFrom('de' as const, 'en' as const),
    blogUrl: fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }), fc.constant(`https://example.com/${'p'.repeat(3000)}`)), {
      nil: undefined,
    }),
    settings: fc.option(
      fc.record(
        {
          xPremium: fc.boolean(),
          threadNumbering: fc.constantFrom(...THREAD_NUMBERING_STYLES),
          limits: fc.record({ x: fc.integer({ min: 50, max: 400 }), linkedin: fc.integer({ min: 50, max: 3000 }) }, { requiredKeys: [] }),
          mastodon: fc.record({ maxCharacters: fc.integer({ min: 50, max: 1000 }) }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  })

  test('for arbitrary passages, titles, tags, links and settings', () => {
    assertProperty(
      fc.property(input, (draft) => {
        for (const platform of PLATFORM_IDS) {
          const variants = composeVariants(draft, platform)
          expect(composeVariants(draft, platform)).toEqual(variants)
          for (const variant of variants) {
            expect(variant.parts.length).toBeGreaterThan(0)
            for (const part of variant.parts) {
              expect(part.trim()).not.toBe('')
              expect(measure(platform, part, draft.settings).over, `${platform} ${variant.style}: ${JSON.stringify(part)}`).toBe(false)
            }
          }
        }
      }),
      { numRuns: 40 },
    )
  })
})

describe('libraryTermsFor', () => {
  test('names every term the hashtag ranking asks the library about, so one lookup serves the whole composition', () => {
    const text = readFixture('herz-statt-technik.de.txt').slice(0, 2000)
    const title = 'Herz statt Technik'
    const terms = libraryTermsFor({ excerpt: text, title, language: 'de' })
    expect(terms.length).toBeGreaterThan(5)
    const asked = new Set<string>()
    composeVariants(
      {
        excerpt: text,
        title,
        tags: [],
        language: 'de',
        libraryTermStats: {
          documentCount: 10,
          documentFrequency: (term) => {
            asked.add(term)
            return 1
          },
        },
      },
      'linkedin',
    )
    expect([...asked].filter((term) => !terms.includes(term))).toEqual([])
  })
})

describe('a sentence that leans on the hook', () => {
  const SICHTBAR: ComposeInput = {
    excerpt:
      'Das Problem ist nur: Sichtbarkeit wird oft mit Lautstärke verwechselt. Es geht darum, dass die richtigen Menschen verstehen, wofür du stehst.\n\nTeile deine Fragen, nicht nur deine Antworten. Ca. zwei Beiträge pro Woche reichen völlig, wenn sie aus echtem Interesse entstehen.\n\nSichtbarkeit ist keine Selbstdarstellung. Sie ist ein Angebot zum Gespräch.\n\nNimm dir heute zehn Minuten und schreib auf, welche Frage dir Klientinnen und Klienten am häufigsten stellen. Das ist dein erstes Thema. Mehr brauchst du für den Anfang nicht.',
    title: 'Sichtbar werden ohne Selbstdarstellung',
    tags: [],
    language: 'de',
  }

  test.each(PLATFORM_IDS)('%s: "Sie ist ein Angebot …" goes where the hook goes, never left pointing at nothing', (platform) => {
    for (const { style, parts } of composeVariants(SICHTBAR, platform)) {
      for (const part of parts) {
        if (part.includes('Sie ist ein Angebot')) expect(part, `${style}: ${part}`).toContain('Sichtbarkeit ist keine Selbstdarstellung. Sie ist ein Angebot')
      }
    }
  })
})

describe('German quotation marks', () => {
  test.each(PLATFORM_IDS)('%s: the blog’s straight quotes become „…“ in German posts, English keeps its own', (platform) => {
    for (const { parts } of composeVariants(INPUT, platform)) for (const part of parts) expect(part, platform).not.toContain('"')
    const english = composeVariants({ ...INPUT, excerpt: 'She said "listen first" and left. Listening is the whole job of a coach.', language: 'en' }, platform)
    expect(english[0]!.parts.join('\n')).toContain('"listen first"')
  })
})
