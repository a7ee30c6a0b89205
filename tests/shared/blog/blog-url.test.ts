import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blogUrlFor, blogUrlPatternSchema, blogUrlSchema, urlFromPattern } from '@shared/blog/blog-url'
import { slugify } from '@shared/blog/slug'
import { assertProperty } from '../../support/property'

describe('slugify', () => {
  it('spells German umlauts and ß out, drops other accents, lowercases, dashes', () => {
    expect(slugify('Grüße aus Köln – Teil 2')).toBe('gruesse-aus-koeln-teil-2')
    expect(slugify('Über Maß und Mühe')).toBe('ueber-mass-und-muehe')
    expect(slugify('ÄRGER, ÖL & ÜBEL')).toBe('aerger-oel-uebel')
    expect(slugify('Café crème, naïve')).toBe('cafe-creme-naive')
    expect(slugify('  --Warum ich schreibe?!--  ')).toBe('warum-ich-schreibe')
    expect(slugify('„Zitat“: 3. Oktober')).toBe('zitat-3-oktober')
    expect(slugify('')).toBe('')
    expect(slugify('🙂 🙂')).toBe('')
  })

  it('cuts long titles at a dash', () => {
    expect(slugify('eins zwei drei vier', 12)).toBe('eins-zwei')
    expect(slugify('x'.repeat(100))).toHaveLength(80)
  })

  it('always gives lowercase ASCII letters, digits and single inner dashes (property, fixed seed)', () => {
    assertProperty(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (title) => {
        const slug = slugify(title)
        return /^([a-z0-9]+(-[a-z0-9]+)*)?$/.test(slug) && slug.length <= 80
      }),
      { numRuns: 500 },
    )
  })
})

describe('blog links', () => {
  it('accept only http and https addresses (or nothing)', () => {
    expect(blogUrlSchema.safeParse('https://example.com/blog/x').success).toBe(true)
    expect(blogUrlSchema.safeParse('http://example.com').success).toBe(true)
    expect(blogUrlSchema.safeParse('').success).toBe(true)
    for (const bad of ['javascript:alert(1)', 'ftp://example.com', 'example.com/blog', 'https://user:pw@example.com', 'data:text/html,x', 'https://exa mple.com']) {
      expect(blogUrlSchema.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('patterns: {slug} once, or a base address', () => {
    expect(blogUrlPatternSchema.safeParse('https://example.com/blog/{slug}').success).toBe(true)
    expect(blogUrlPatternSchema.safeParse('https://example.com/{slug}.html').success).toBe(true)
    expect(blogUrlPatternSchema.safeParse('https://example.com/blog').success).toBe(true)
    expect(blogUrlPatternSchema.safeParse('').success).toBe(true)
    expect(blogUrlPatternSchema.safeParse('https://example.com/{slug}/{slug}').success).toBe(false)
    expect(blogUrlPatternSchema.safeParse('javascript:{slug}').success).toBe(false)
    expect(urlFromPattern('https://example.com/blog/', 'hallo')).toBe('https://example.com/blog/hallo')
    expect(urlFromPattern('https://example.com/{slug}.html', 'hallo')).toBe('https://example.com/hallo.html')
    expect(urlFromPattern('https://example.com/{slug}', '')).toBeNull()
  })

  it('blogUrlFor: the draft\'s own link first, else the pattern from the title, else none', () => {
    const settings = { blog: { urlPattern: 'https://coach.example/blog/{slug}' } }
    expect(blogUrlFor({ title: 'Grüße aus Köln', canonicalUrl: 'https://mein.blog/gruesse' }, settings)).toBe('https://mein.blog/gruesse')
    expect(blogUrlFor({ title: 'Grüße aus Köln', canonicalUrl: '' }, settings)).toBe('https://coach.example/blog/gruesse-aus-koeln')
    expect(blogUrlFor({ title: 'Grüße aus Köln', canonicalUrl: 'javascript:alert(1)' }, settings)).toBe('https://coach.example/blog/gruesse-aus-koeln')
    expect(blogUrlFor({ title: '', canonicalUrl: '' }, settings)).toBeUndefined()
    expect(blogUrlFor({ title: 'Grüße', canonicalUrl: '' }, { blog: { urlPattern: '' } })).toBeUndefined()
    expect(blogUrlFor({ title: 'Grüße', canonicalUrl: '' }, undefined)).toBeUndefined()
  })
})
