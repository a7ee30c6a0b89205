import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { composeAllVariants, composeVariants, isHeading, isStopword, stripNumbering, type ComposeInput } from '@shared/compose'
import { extractHashtags, measure, PLATFORM_IDS, PLATFORMS, THREAD_NUMBERING_STYLES, type PlatformId } from '@shared/platforms'
import { PASSAGES } from '../../fixtures/passages'
import { assertProperty } from '../../support/property'

/**
 * What must hold for every fixture passage, on every platform, in every style — the bar a coach
 * would post against. The property runs with the suite's fixed seed (tests/support/property.ts).
 */
const NUMBERING = /\s\(?\d+\/\d+\)?$/u
const TAG_LINE = /\n\n#[^\n]*$/u

const withoutTags = (post: string) => post.replace(TAG_LINE, '')
const BULLET = /^\s*[•*+\-–—]\s/u

/** True if a quotation is left open: an odd count of straight quotes, or „ / “ without their closing mark. */
function leavesQuoteOpen(text: string): boolean {
  const count = (mark: string) => text.split(mark).length - 1
  if (count('"') % 2 === 1) return true
  if (count('„') > 0) return count('„') > count('“')
  return count('“') > count('”')
}

/** The passage text of a single post: its closing line (question, link, tags) left out. */
const passageOf = (post: string) => withoutTags(post).replace(/\n\n[^\n]*$/u, '')
const paragraphs = (text: string) => text.split(/\n[ \t]*\n/u)

const draft = fc.record({
  fixture: fc.constantFrom(...PASSAGES),
  /** The author selects a stretch of paragraphs, not always the whole text. */
  from: fc.nat({ max: 6 }),
  count: fc.integer({ min: 1, max: 12 }),
  withLink: fc.boolean(),
  rotation: fc.nat({ max: 20 }),
  own: fc.constantFrom<Array<Partial<ComposeInput>>>(
    {},
    { ownQuestions: ['Was meinst du dazu?', 'Und wie machst du das?'] },
    { ownCallsToAction: ['Schreib mir, wenn du darüber sprechen möchtest.'] },
  ),
  settings: fc.record(
    {
      threadNumbering: fc.constantFrom(...THREAD_NUMBERING_STYLES),
      mastodon: fc.record({ maxCharacters: fc.constantFrom(500, 1000) }),
    },
    { requiredKeys: [] },
  ),
})

type Draft = typeof draft extends fc.Arbitrary<infer T> ? T : never

function inputOf(d: Draft): ComposeInput {
  const blocks = paragraphs(d.fixture.text)
  const from = Math.min(d.from, blocks.length - 1)
  const excerpt = blocks.slice(from, from + d.count).join('\n\n')
  return {
    excerpt,
    title: d.fixture.title,
    tags: d.fixture.tags,
    language: d.fixture.language,
    blogUrl: d.withLink ? d.fixture.blogUrl : undefined,
    settings: d.settings,
    rotation: d.rotation,
    ...d.own,
  }
}

function check(input: ComposeInput, platform: PlatformId): void {
  const profile = PLATFORMS[platform]
  const variants = composeVariants(input, platform)
  const where = (style: string) => `${platform} ${style} of ${JSON.stringify(input.excerpt.slice(0, 40))}`
  expect(variants.map((v) => v.style)).toEqual(['quote', 'question', 'teaser'])
  for (const { style, parts } of variants) {
    const numbered = parts.length > 1 && (input.settings?.threadNumbering ?? '1/4') !== 'none'
    parts.forEach((part, i) => {
      // Fits the limit, as the counters in the UI measure it.
      expect(measure(platform, part, input.settings).over, `${where(style)}: ${part}`).toBe(false)
      // No part starts with a dash.
      expect(part.trimStart(), where(style)).not.toMatch(/^[-–—]/u)
      const tags = extractHashtags(part)
      // Never ends inside a quotation; never carries a picture's credit line.
      expect(leavesQuoteOpen(part), `${where(style)} leaves a quotation open: ${part}`).toBe(false)
      expect(part, where(style)).not.toMatch(/\bCC BY\b/u)
      if (i < parts.length - 1) {
        // Never ends on a line that leads into the next part ("Oder in buddhistischen Worten:").
        const body = numbered ? stripNumbering(part, input.settings?.threadNumbering ?? '1/4') : part
        expect(body.trimEnd(), `${where(style)} ends on a lead-in: ${part}`).not.toMatch(/:$/u)
        // Hashtags on the last part only.
        expect(tags, where(style)).toEqual([])
        // Never ends on a heading.
        const blocks = paragraphs(numbered ? stripNumbering(part, input.settings?.threadNumbering ?? '1/4') : part)
        expect(isHeading(blocks[blocks.length - 1]!), `${where(style)} ends on a heading: ${part}`).toBe(false)
      } else {
        // The numbering is never glued to a hashtag.
        expect(part, where(style)).not.toMatch(/#[\p{L}\p{N}_]+\s\(?\d+\/\d+\)?$/u)
      }
      for (const tag of tags) {
        expect(isStopword(tag), `${where(style)}: #${tag}`).toBe(false)
        expect(profile.hashtags.ownNames.map((n) => n.toLowerCase()), where(style)).not.toContain(tag.toLowerCase())
      }
      if (profile.hashtags.cap !== undefined) expect(tags.length).toBeLessThanOrEqual(profile.hashtags.cap)
    })
    if (style === 'question' || (style === 'quote' && parts.length === 1)) {
      const text = style === 'question' ? passageOf(parts[0]!) : withoutTags(parts[0]!)
      const lines = text.split('\n')
      const last = lines[lines.length - 1]!.trim()
      // The passage part ends where a thought ends: not on a lead-in, not on a heading.
      if (style === 'question') {
        expect(last, `${where(style)} ends on a lead-in: ${text}`).not.toMatch(/:$/u)
        expect(isHeading(last) && lines.length > 1, `${where(style)} ends on a heading: ${text}`).toBe(false)
      }
      // A list is kept whole: its last line in the post is the list's last line in the passage.
      const bullets = lines.filter((line) => BULLET.test(line))
      if (bullets.length > 0) {
        const source = input.excerpt.split('\n').map((line) => line.trim()).filter((line) => line !== '')
        const at = source.indexOf(bullets[bullets.length - 1]!.trim())
        if (at >= 0) expect(BULLET.test(source[at + 1] ?? ''), `${where(style)} cuts a list: ${text}`).toBe(false)
      }
      // A question the passage goes on to answer ("Wie sich andere Leute fühlen? Keine Ahnung, …") does not end it.
      if (/\?["'“”»«)]*$/u.test(last) && style === 'question') {
        const tail = last.slice(-30)
        const at = input.excerpt.indexOf(tail)
        if (at >= 0) expect(input.excerpt.slice(at + tail.length), `${where(style)} ends on a question the passage answers: ${text}`).toMatch(/^(?:\s*\n|\s*$)/u)
      }
    }
    if (style === 'question') {
      // No doubled question: a passage ending with one gets no second.
      expect(withoutTags(parts[0]!), where(style)).not.toMatch(/\?["'“”»«)]*\n\n[^\n]*\?$/u)
    }
    if (style === 'teaser') {
      const teaser = parts[0]!
      if (!profile.linksClickable) expect(teaser, where(style)).toMatch(/link in bio/iu)
      else if (input.blogUrl) expect(teaser, where(style)).toContain(input.blogUrl)
      // Never the old generic line, never "Blog" twice.
      expect(teaser.match(/blog\b/giu)?.length ?? 0).toBeLessThanOrEqual(1)
    }
    if (style === 'quote' && parts.length > 1) {
      // A thread opens with a hook part: the title, or a short declarative sentence.
      const first = numbered ? stripNumbering(parts[0]!, input.settings?.threadNumbering ?? '1/4') : parts[0]!
      const opensWithTitle = input.title !== '' && first.startsWith(input.title)
      expect(opensWithTitle || (first.length <= 160 && !/\?$/u.test(first)), `${where(style)}: ${first}`).toBe(true)
      expect(parts[0]!, where(style)).toMatch(numbered ? NUMBERING : /./u)
    }
  }
}

describe('every fixture passage, every platform, every style', () => {
  test.each(PASSAGES.map((p) => [p.id, p] as const))('%s, whole, with its link', (_id, fixture) => {
    for (const platform of PLATFORM_IDS) {
      check({ excerpt: fixture.text, title: fixture.title, tags: fixture.tags, language: fixture.language, blogUrl: fixture.blogUrl }, platform)
    }
  })

  test('property: any stretch of paragraphs, with or without link, own lines and settings', () => {
    assertProperty(
      fc.property(draft, (d) => {
        const input = inputOf(d)
        for (const platform of PLATFORM_IDS) check(input, platform)
      }),
      { numRuns: 60 },
    )
  })
})

describe('composeAllVariants (what the posts panel calls)', () => {
  test('gives every platform, in the order asked for, what composeVariants gives it alone', () => {
    assertProperty(
      fc.property(draft, fc.shuffledSubarray([...PLATFORM_IDS], { minLength: 1 }), (d, platforms) => {
        const input = inputOf(d)
        const all = composeAllVariants(input, platforms)
        expect([...all.keys()]).toEqual(platforms)
        for (const platform of platforms) expect(all.get(platform), platform).toEqual(composeVariants(input, platform))
      }),
      { numRuns: 40 },
    )
  })
})
