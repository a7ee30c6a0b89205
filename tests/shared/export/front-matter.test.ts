import { describe, expect, test } from 'vitest'
import { fromMarkdown, ImportError, parseDate, splitFrontMatter } from '@shared/export'
import { doc, hr, h, p, t } from './support/doc'

describe('front matter on import', () => {
  test('Hugo style', () => {
    const md = '---\ntitle: "Mein Text"\ndate: 2024-03-05T09:30:00+01:00\nlastmod: 2024-03-06\ntags: ["a", "b"]\ndraft: false\ndescription: Kurz\ncanonicalURL: https://e.com/x\n---\nBody'
    expect(fromMarkdown(md).meta).toEqual({
      title: 'Mein Text',
      createdAt: Date.UTC(2024, 2, 5, 8, 30),
      updatedAt: Date.UTC(2024, 2, 6),
      tags: ['a', 'b'],
      status: 'published',
      description: 'Kurz',
      canonicalUrl: 'https://e.com/x',
    })
  })

  test('Jekyll style: comma-separated tags, space-separated date with zone, lang', () => {
    const md = '---\nlayout: post\ntitle: Hallo\ndate: 2023-12-24 18:00:00 +0100\ntags: schreiben, ruhe , schreiben\nlang: de-DE\npublished: false\ncanonical_url: https://e.com/j\n---\n'
    expect(fromMarkdown(md).meta).toEqual({
      title: 'Hallo',
      createdAt: Date.UTC(2023, 11, 24, 17),
      tags: ['schreiben', 'ruhe'],
      language: 'de',
      status: 'draft',
      canonicalUrl: 'https://e.com/j',
    })
  })

  test('Astro style: pubDate, updatedDate, language', () => {
    const md = '---\ntitle: T\npubDate: 2024-01-01\nupdatedDate: 2024-02-01\nlanguage: English\nstatus: idea\n---\n'
    expect(fromMarkdown(md).meta).toEqual({ title: 'T', createdAt: Date.UTC(2024, 0, 1), updatedAt: Date.UTC(2024, 1, 1), language: 'en', status: 'idea', tags: [] })
  })

  test('unknown status becomes draft; unknown language, bad dates and unsafe URLs are ignored', () => {
    const md = '---\ntitle: T\nstatus: scheduled\nlang: fr\ndate: 2024-02-31\ncanonical: javascript:alert(1)\n---\n'
    expect(fromMarkdown(md).meta).toEqual({ title: 'T', status: 'draft', tags: [] })
  })

  test('values are cleaned to the draft limits: one line, no control characters, tags without commas', () => {
    const md = `---\ntitle: "a\\nb\\u0007c"\ntags: ["${'x'.repeat(150)}", "", 3, "a,b"]\ndescription: ${'d'.repeat(3000)}\n---\n`
    const { meta } = fromMarkdown(md)
    expect(meta.title).toBe('a b c')
    expect(meta.tags).toEqual(['x'.repeat(100), '3', 'a', 'b'])
    expect(meta.description).toHaveLength(2000)
  })

  test('empty front matter is consumed; a leading rule with a setext heading is Markdown', () => {
    expect(fromMarkdown('---\n---\nBody').doc).toEqual(doc(p(t('Body'))))
    expect(fromMarkdown('---\nFoo\n---\n').doc).toEqual(doc(hr(), h(2, t('Foo'))))
    expect(fromMarkdown('---\n\ntitle: x\n\n---\n').doc).toEqual(doc(hr(), p(t('title: x')), hr()))
  })

  test('front matter that is not a mapping is left to Markdown', () => {
    expect(splitFrontMatter('---\n- a\n- b\n---\n').data).toBeNull()
  })

  test('invalid YAML is an ImportError with the line', () => {
    try {
      fromMarkdown('---\ntitle: ok\ntags: [a, b\n---\n')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError)
      expect((error as ImportError).code).toBe('malformed')
      expect((error as ImportError).message).toMatch(/front matter is not valid YAML \(line \d+\)/)
    }
  })

  test('YAML bombs are refused, not expanded', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`), 'title: T', '---', ''].join('\n')
    expect(() => fromMarkdown(bomb)).toThrow()
  })

  test('a byte order mark before the front matter is ignored', () => {
    expect(fromMarkdown('\ufeff---\ntitle: T\n---\n').meta.title).toBe('T')
  })
})

describe('parseDate', () => {
  test.each([
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-05-01T10:20:30Z', Date.UTC(2024, 4, 1, 10, 20, 30)],
    ['2024-05-01T10:20:30.5Z', Date.UTC(2024, 4, 1, 10, 20, 30, 500)],
    ['2024-05-01 10:20', Date.UTC(2024, 4, 1, 10, 20)],
    ['2024-05-01T10:20:30-05:30', Date.UTC(2024, 4, 1, 15, 50, 30)],
    ['2024-05-01 10:20:30 +0200', Date.UTC(2024, 4, 1, 8, 20, 30)],
    ['2024-13-01', undefined],
    ['2024-02-30', undefined],
    ['2024-05-01T25:00', undefined],
    ['yesterday', undefined],
  ])('%s', (input, expected) => {
    expect(parseDate(input)).toBe(expected)
  })
})
