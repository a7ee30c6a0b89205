import { describe, expect, test } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { toMarkdown as stockSerializer } from 'mdast-util-to-markdown'
import { docToMdast, fromMarkdown, MARKDOWN_STYLE, markdownToDoc, MissingAssetError, splitFrontMatter, toMarkdown, toMarkdownBody, toMarkdownWithImages } from '@shared/export'
import { specExamples } from './support/commonmark'
import { ASSET_ID, ASSET_URL, br, code, doc, h, hr, img, li, link, ol, p, PNG_BASE64, PNG_DATA_URL, quote, t, ul } from './support/doc'

describe('toMarkdown: every construct maps exactly', () => {
  test.each([
    ['headings', doc(h(1, t('One')), h(2, t('Two')), h(3, t('Three'))), '# One\n\n## Two\n\n### Three\n'],
    ['bold, italic, strike, code', doc(p(t('b', 'bold'), t(' '), t('i', 'italic'), t(' '), t('s', 'strike'), t(' '), t('c', 'code'))), '**b** *i* ~~s~~ `c`\n'],
    ['underline as the one inline HTML tag', doc(p(t('under', 'underline'))), '<u>under</u>\n'],
    ['link with title', doc(p(t('site', link('https://example.com/a?b=1&c=2', 'The site')))), '[site](https://example.com/a?b=1\\&c=2 "The site")\n'],
    ['mailto and relative links', doc(p(t('mail', link('mailto:a@b.de')), t(' '), t('rel', link('../post.html#top')))), '[mail](mailto:a@b.de) [rel](../post.html#top)\n'],
    ['nested marks open outside-in by extent', doc(p(t('a ', 'italic'), t('b', 'italic', 'bold'), t(' c', 'italic'))), '*a **b** c*\n'],
    ['bold+italic together', doc(p(t('both', 'bold', 'italic'))), '***both***\n'],
    ['hard break', doc(p(t('line one'), br(), t('line two'))), 'line one\\\nline two\n'],
    ['hard break inside italic keeps the span open', doc(p(t('a', 'italic'), br(), t('b', 'italic'))), '*a\\\nb*\n'],
    ['horizontal rule', doc(p(t('above')), hr(), p(t('below'))), 'above\n\n---\n\nbelow\n'],
    ['blockquote', doc(quote(p(t('quoted')), p(t('second')))), '> quoted\n>\n> second\n'],
    ['code block with language', doc(code('const a = 1\nconst b = `x`', 'ts')), '```ts\nconst a = 1\nconst b = `x`\n```\n'],
    ['code block containing a fence', doc(code('```\ninner\n```')), '````\n```\ninner\n```\n````\n'],
    ['bullet list, nested', doc(ul(li(p(t('a')), ul(li(p(t('a1'))), li(p(t('a2'))))), li(p(t('b'))))), '- a\n  - a1\n  - a2\n- b\n'],
    ['ordered list keeps its start number', doc(ol(7, li(p(t('seven'))), li(p(t('eight'))))), '7. seven\n8. eight\n'],
    ['ordered list inside bullet list', doc(ul(li(p(t('x')), ol(1, li(p(t('one'))), li(p(t('two'))))))), '- x\n  1. one\n  2. two\n'],
    ['item with two paragraphs is written loose', doc(ul(li(p(t('a')), p(t('more'))), li(p(t('b'))))), '- a\n\n  more\n\n- b\n'],
    ['passage mark is dropped, its text kept', doc(p(t('kept', { type: 'passage', attrs: { passageId: 'p1' } }))), 'kept\n'],
    ['unsafe link is dropped, its text kept', doc(p(t('click', link('javascript:alert(1)')))), 'click\n'],
    ['whitespace at emphasis edges moves outside', doc(p(t('a '), t('b ', 'italic'), t('c'))), 'a *b* c\n'],
    ['empty paragraphs vanish', doc(p(), p(t('x')), p()), 'x\n'],
  ])('%s', (_name, input, expected) => {
    expect(toMarkdownBody(input)).toBe(expected)
  })

  test('Markdown syntax typed as text stays text', () => {
    const text = '# not a heading *not em* [not](a link) <b>not html</b> 1. not a list `not code` a_b_c & &amp; \\'
    const md = toMarkdownBody(doc(p(t(text))))
    expect(fromMarkdown(md).doc).toEqual(doc(p(t(text))))
  })

  // `<|@a>` is the counterexample the round-trip property found: CommonMark reads `<…@…>` as
  // an email autolink, and GFM links bare addresses and www./http:// text even when escaped.
  test.each([
    ['<|@a>'],
    ['x <|@a> y'],
    ['<1@a.b>'],
    ['<a.b+c@d-e.f>'],
    ['<_@a>'],
    ['<http://x>'],
    ['<mailto:a@b.de>'],
    ['a@b.c'],
    ['write to a.b+c@d-e.fg today'],
    ['www.x.y'],
    ['Www.x.y and WWW.x.y'],
    ['www.+@+> <a@|>'],
    ['www. is not a site'],
    ['HTTP://x.y and Https://x.y'],
    ['http://x.y'],
    ['see https://example.com/a?b=1.'],
    ['mailto:a@b.de'],
    ['xmpp:a@b.de/r'],
  ])('text that looks like an autolink stays text: %s', (text) => {
    const md = toMarkdownBody(doc(p(t(text))))
    expect(fromMarkdown(md).doc, md).toEqual(doc(p(t(text))))
  })

  test('text that looks like an autolink stays text inside marks', () => {
    const input = doc(p(t('<|@a> a@b.c', 'bold'), t(' '), t('www.x.y', 'italic'), t(' '), t('http://x.y', 'strike')))
    expect(fromMarkdown(toMarkdownBody(input)).doc).toEqual(input)
  })
})

describe('toMarkdown: images', () => {
  const assets = { [ASSET_ID]: { mime: 'image/png' as const, dataBase64: PNG_BASE64 } }

  test('embed: assets become data URIs', () => {
    expect(toMarkdownBody(doc(img(ASSET_URL, 'A cat', 'Title')), { assets })).toBe(`![A cat](${PNG_DATA_URL} "Title")\n`)
  })

  test('folder: assets become files in images/, referenced relatively', () => {
    const out = toMarkdownWithImages(doc(img(ASSET_URL, 'cat'), img(ASSET_URL, 'again'), img(PNG_DATA_URL, 'inline')), { assets }, { images: 'folder', frontMatter: false })
    expect(out.markdown).toBe(`![cat](images/${ASSET_ID.slice(0, 16)}.png)\n\n![again](images/${ASSET_ID.slice(0, 16)}.png)\n\n![inline](images/image-2.png)\n`)
    expect(out.files).toEqual([
      { path: `images/${ASSET_ID.slice(0, 16)}.png`, mime: 'image/png', dataBase64: PNG_BASE64 },
      { path: 'images/image-2.png', mime: 'image/png', dataBase64: PNG_BASE64 },
    ])
  })

  test('a missing asset is an error, not a silently dropped image', () => {
    expect(() => toMarkdown(doc(img(ASSET_URL, 'x')))).toThrow(MissingAssetError)
  })

  test('refused sources leave their alt text', () => {
    expect(toMarkdownBody(doc(img('javascript:alert(1)', 'alt text')))).toBe('alt text\n')
  })
})

describe('toMarkdown: front matter', () => {
  const meta = {
    title: 'Über: "Fokus" & Ruhe',
    tags: ['schreiben', 'yes', 'no'],
    status: 'published' as const,
    language: 'de' as const,
    createdAt: Date.UTC(2024, 4, 1, 10, 0, 0),
    updatedAt: Date.UTC(2024, 4, 2, 8, 30, 15, 250),
    description: 'Kurz gesagt.',
    canonicalUrl: 'https://blog.example.de/fokus',
  }

  test('writes the fields Hugo, Jekyll and Astro read', () => {
    const md = toMarkdown(doc(p(t('Body'))), meta)
    expect(md).toBe(
      [
        '---',
        `title: 'Über: "Fokus" & Ruhe'`,
        'date: 2024-05-01T10:00:00Z',
        'updated: 2024-05-02T08:30:15.250Z',
        'tags:',
        '  - schreiben',
        '  - "yes"',
        '  - "no"',
        'status: published',
        'draft: false',
        'description: Kurz gesagt.',
        'canonical_url: https://blog.example.de/fokus',
        'lang: de',
        '---',
        '',
        'Body',
        '',
      ].join('\n'),
    )
  })

  test('YAML 1.1 readers see strings, not booleans; dates stay timestamps', () => {
    const md = toMarkdown(doc(p(t('x'))), meta)
    const { data } = splitFrontMatter(md)
    expect(data?.tags).toEqual(['schreiben', 'yes', 'no'])
    const yaml11 = parseYaml(md.split('---')[1]!, { version: '1.1' }) as Record<string, unknown>
    expect(yaml11.tags).toEqual(['schreiben', 'yes', 'no'])
    expect(yaml11.date).toEqual(new Date(meta.createdAt))
  })

  test('round trip: fromMarkdown reads back what toMarkdown wrote', () => {
    const { meta: back } = fromMarkdown(toMarkdown(doc(p(t('x'))), meta))
    const { status, ...rest } = meta
    expect(back).toEqual({ ...rest, status })
  })

  test('drafts are marked draft: true; an unsafe canonical URL is left out', () => {
    const md = toMarkdown(doc(), { title: 'T', status: 'idea', canonicalUrl: 'javascript:alert(1)' })
    expect(md).toContain('status: idea\ndraft: true\n')
    expect(md).not.toContain('canonical')
    expect(md.endsWith('---\n')).toBe(true)
  })
})

test('the faster text escaping writes exactly what the stock serializer writes', () => {
  let compared = 0
  for (const example of specExamples()) {
    const doc = markdownToDoc(example.markdown)
    const { root } = docToMdast(doc)
    const stock = root.children.length > 0 ? stockSerializer(root, MARKDOWN_STYLE) : ''
    expect(toMarkdownBody(doc), `example ${example.number}`).toBe(stock)
    compared++
  }
  expect(compared).toBe(652)
})
