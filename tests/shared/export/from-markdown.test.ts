import { beforeAll, describe, expect, test } from 'vitest'
import { collectImageSources, fromMarkdown, ImportError, markdownToDoc, replaceImageSources, toMarkdown, toMarkdownBody } from '@shared/export'
import { ASSET_URL, br, code, doc, h, hr, img, li, link, ol, p, PNG_BASE64, PNG_DATA_URL, quote, t, ul } from './support/doc'
import { expectEditorDoc, loadEditorSchema, type EditorSchema } from './support/editor-schema'
import { specExamples } from './support/commonmark'
import { testWindow } from './support/window'

let editor: EditorSchema
beforeAll(async () => {
  editor = await loadEditorSchema()
})

describe('fromMarkdown: every construct maps exactly', () => {
  test.each([
    ['ATX and setext headings', '# One\n\nTwo\n---\n\n### Three', doc(h(1, t('One')), h(2, t('Two')), h(3, t('Three')))],
    ['headings deeper than the editor offers become level 3', '#### Four\n###### Six', doc(h(3, t('Four')), h(3, t('Six')))],
    ['emphasis, strong, strike, code', '*i* _i_ **b** __b__ ~~s~~ `c`', doc(p(t('i', 'italic'), t(' '), t('i', 'italic'), t(' '), t('b', 'bold'), t(' '), t('b', 'bold'), t(' '), t('s', 'strike'), t(' '), t('c', 'code')))],
    ['underline from <u>', 'a <u>b *c*</u> d', doc(p(t('a '), t('b ', 'underline'), t('c', 'italic', 'underline'), t(' d')))],
    ['link with title', '[x](https://e.com "T")', doc(p(t('x', link('https://e.com', 'T'))))],
    ['reference link', '[x][r]\n\n[r]: https://e.com/r', doc(p(t('x', link('https://e.com/r'))))],
    ['autolink', '<https://e.com>', doc(p(t('https://e.com', link('https://e.com'))))],
    ['GFM autolink literals', 'a@b.de www.e.de https://e.com', doc(p(t('a@b.de', link('mailto:a@b.de')), t(' '), t('www.e.de', link('http://www.e.de')), t(' '), t('https://e.com', link('https://e.com'))))],
    ['escaped autolink literals stay text', 'a\\@b.de www\\.e.de https\\://e.com', doc(p(t('a@b.de www.e.de https://e.com')))],
    ['code in a link keeps the link (the editor cannot have both)', '[`x`](https://e.com)', doc(p(t('x', link('https://e.com'))))],
    ['bold code keeps the code', '**`x`**', doc(p(t('x', 'code')))],
    ['hard breaks (backslash, two spaces)', 'a\\\nb  \nc', doc(p(t('a'), br(), t('b'), br(), t('c')))],
    ['soft breaks become spaces', 'a\nb', doc(p(t('a b')))],
    ['thematic break', 'a\n\n***\n\nb', doc(p(t('a')), hr(), p(t('b')))],
    ['blockquote', '> a\n>\n> b', doc(quote(p(t('a')), p(t('b'))))],
    ['fenced code with language (info string meta dropped)', '```js title="x"\nlet a\n```', doc(code('let a', 'js'))],
    ['indented code', '    raw *code*', doc(code('raw *code*'))],
    ['empty code block', '```\n```', doc(code(''))],
    ['nested lists, ordered start', '3. a\n4. b\n   - c\n   - d', doc(ol(3, li(p(t('a'))), li(p(t('b')), ul(li(p(t('c'))), li(p(t('d'))))))) ],
    ['list item starting with a code block gets its paragraph', '- ```\n  x\n  ```', doc(ul(li(p(), code('x'))))],
    ['empty list item', '-\n- b', doc(ul(li(p()), li(p(t('b')))))],
    ['empty document', '', doc(p())],
  ])('%s', (_name, markdown, expected) => {
    const { doc: result } = fromMarkdown(markdown)
    expect(result).toEqual(expected)
    expectEditorDoc(editor, result)
  })
})

describe('fromMarkdown: what the editor cannot hold degrades, never crashes', () => {
  test('GFM tables become one paragraph per row', () => {
    const { doc: result } = fromMarkdown('| a | **b** |\n|---|---|\n| 1 | 2 |')
    expect(result).toEqual(doc(p(t('a | '), t('b', 'bold')), p(t('1 | 2'))))
  })

  test('footnotes stay as bracketed text', () => {
    const { doc: result } = fromMarkdown('Text[^1].\n\n[^1]: The note.')
    expect(result).toEqual(doc(p(t('Text[^1].')), p(t('[^1]: The note.'))))
  })

  test('task list items keep their box as text', () => {
    expect(fromMarkdown('- [x] done\n- [ ] open').doc).toEqual(doc(ul(li(p(t('[x] done'))), li(p(t('[ ] open'))))))
  })

  test('raw HTML block without a window: literal text, never markup', () => {
    expect(fromMarkdown('<div onclick="x()">hi</div>').doc).toEqual(doc(p(t('<div onclick="x()">hi</div>'))))
  })

  test('raw HTML block with a window: sanitized and converted', () => {
    const result = fromMarkdown('<div onclick="x()"><b>hi</b><script>alert(1)</script></div>', { win: testWindow() }).doc
    expect(result).toEqual(doc(p(t('hi', 'bold'))))
  })

  test('other inline HTML tags are dropped, their text kept; <br> is a line break', () => {
    expect(fromMarkdown('a <span class="x">b</span><br>c <!-- note -->').doc).toEqual(doc(p(t('a b'), br(), t('c'))))
  })

  test('nesting deeper than the editor allows is flattened, not refused', () => {
    const deep = '>'.repeat(200) + ' deep'
    const result = fromMarkdown(deep).doc
    expectEditorDoc(editor, result)
    expect(JSON.stringify(result)).toContain('"deep"')
  })

  test('invalid YAML front matter is a clear error', () => {
    expect(() => fromMarkdown('---\ntitle: [unclosed\ntags: a\n---\nbody')).toThrow(ImportError)
  })
})

describe('fromMarkdown: images', () => {
  test('a data-URI image becomes a block image, splitting its paragraph', () => {
    const result = fromMarkdown(`before ![cat](${PNG_DATA_URL} "T") after`).doc
    expect(result).toEqual(doc(p(t('before')), img(PNG_DATA_URL, 'cat', 'T'), p(t('after'))))
    expectEditorDoc(editor, result)
  })

  test('an image inside a link keeps the link as its own paragraph', () => {
    expect(fromMarkdown(`[![cat](${PNG_DATA_URL})](https://e.com)`).doc).toEqual(doc(img(PNG_DATA_URL, 'cat'), p(t('https://e.com', link('https://e.com')))))
  })

  test('remote images are never loaded: they become links', () => {
    expect(fromMarkdown('![A cat](https://cdn.example.com/cat.png)').doc).toEqual(doc(p(t('A cat', link('https://cdn.example.com/cat.png')))))
  })

  test('relative images are resolved by the caller, or become links', () => {
    const seen: string[] = []
    const resolveImage = (path: string) => {
      seen.push(path)
      return path === 'images/cat.png' ? { mime: 'image/png' as const, dataBase64: PNG_BASE64 } : null
    }
    const md = '![cat](images/cat.png) ![dog](images/dog.png) ![up](../secret.png) ![abs](/etc/x.png)'
    const result = fromMarkdown(md, { resolveImage }).doc
    expect(seen).toEqual(['images/cat.png', 'images/dog.png'])
    expect(result).toEqual(doc(img(PNG_DATA_URL, 'cat'), p(t('dog', link('images/dog.png')), t(' '), t('up', link('../secret.png')), t(' '), t('abs', link('/etc/x.png')))))
  })

  test('SVG and other non-raster data URIs are refused; the alt text stays', () => {
    expect(fromMarkdown('![logo](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) ![x](data:text/html;base64,PHNjcmlwdD4=)').doc).toEqual(doc(p(t('logo x'))))
  })

  test('the caller swaps data URIs for stored assets', () => {
    const imported = fromMarkdown(`![a](${PNG_DATA_URL})`).doc
    expect(collectImageSources(imported)).toEqual([PNG_DATA_URL])
    expect(replaceImageSources(imported, new Map([[PNG_DATA_URL, ASSET_URL]]))).toEqual(doc(img(ASSET_URL, 'a')))
  })
})

describe('round trip Markdown → document → Markdown', () => {
  const sample = [
    '# Title with *emphasis*',
    '',
    'A paragraph with **bold**, *italic*, ~~strike~~, `code`, <u>underline</u>, a [link](https://example.com "title") and an autolink <https://example.org>.\\',
    'After a hard break.',
    '',
    '## Lists',
    '',
    '1. one',
    '2. two',
    '   - nested',
    '   - bullets',
    '',
    'Between the lists.',
    '',
    '7. seven',
    '8. eight',
    '',
    '> A quote',
    '>',
    '> > nested quote',
    '',
    '```python',
    'print("hi")',
    '```',
    '',
    '---',
    '',
    `![Cat](${PNG_DATA_URL})`,
    '',
    '- loose item',
    '',
    '  with a second paragraph',
    '',
    '- next',
    '',
  ].join('\n')

  test('a document using every supported construct comes back unchanged', () => {
    expect(toMarkdownBody(markdownToDoc(sample))).toBe(sample)
  })

  test('the second round is identical to the first for the whole CommonMark spec corpus', () => {
    const win = testWindow()
    let checked = 0
    for (const example of specExamples()) {
      for (const options of [{}, { win }]) {
        const first = toMarkdownBody(markdownToDoc(example.markdown, options))
        const firstDoc = markdownToDoc(first, options)
        expectEditorDoc(editor, firstDoc)
        expect(toMarkdownBody(firstDoc), `example ${example.number}`).toBe(first)
        checked++
      }
    }
    expect(checked).toBe(specExamples().length * 2)
  })

  test('a whole file with front matter is stable', () => {
    const file = toMarkdown(markdownToDoc(sample), { title: 'T', tags: ['a'], createdAt: Date.UTC(2024, 0, 1), language: 'de' })
    const again = fromMarkdown(file)
    expect(toMarkdown(again.doc, { ...again.meta, title: again.meta.title })).toBe(file)
  })
})
