import { HtmlRenderer, Parser } from 'commonmark'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { DocMark, DocNode, EditorDoc } from '@shared/domain'
import { postsToMarkdown, splitFrontMatter, toHtml, toHtmlBody, toMarkdown, toMarkdownBody, toMarkdownWithImages, type ExportMetaInput } from '@shared/export'
import { ASSET_ID, ASSET_URL, PNG_BASE64, PNG_DATA_URL } from './support/doc'
import { elements, parseHtml, testWindow } from './support/window'
import { assertProperty } from '../../support/property'

/**
 * Exports must never make a reader fetch anything: whatever image sources a document holds
 * (remote, protocol-relative, relative, odd case and whitespace, inside links and lists), no
 * export — HTML page, HTML body, Markdown file, Markdown body, Markdown with an image folder,
 * the draft's posts as Markdown — renders to an element that loads a resource, except the
 * image bytes the export itself carries (data: URIs, or files it writes into images/).
 */
const win = testWindow()
const renderer = new HtmlRenderer()

const LOADING = 'img, image, video, audio, source, iframe, frame, object, embed, script, link[rel=stylesheet], input[type=image]'

function render(markdown: string): string {
  return renderer.render(new Parser().parse(splitFrontMatter(markdown).body))
}

/** Every resource the rendered HTML would load, other than the bytes the export carries. */
function fetchedBy(html: string, ownFiles: readonly string[] = []): string[] {
  const page = parseHtml(win, html)
  return elements(page, LOADING)
    .map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? e.getAttribute('data') ?? `<${e.tagName}>`)
    .filter((src) => !/^data:image\/(png|jpeg|gif|webp|avif);base64,/.test(src) && !ownFiles.includes(src))
}

const REMOTE_SOURCES = [
  'http://remote.example/a.png',
  'https://tracker.example/p.gif?u=1',
  'HTTPS://UPPER.EXAMPLE/X.PNG',
  '  https://spaced.example/x.png  ',
  '//protocol-relative.example/x.png',
  'https://e.com/with space.png',
  'https://e.com/a_(b).png',
  'pic.png',
  './images/../secret.png',
  '/absolute/pic.png',
  'images/pretend-ours.png',
]
const source = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...REMOTE_SOURCES) },
  { weight: 1, arbitrary: fc.webUrl() },
  { weight: 1, arbitrary: fc.constantFrom(PNG_DATA_URL, ASSET_URL, 'javascript:alert(1)', 'data:image/svg+xml;base64,AAAA') },
)
const words = fc.stringMatching(/^[A-Za-z0-9!\[\]()<>:/. *_-]{0,12}$/)
const image = fc.tuple(source, fc.option(words), fc.option(words)).map(([src, alt, title]): DocNode => ({ type: 'image', attrs: { src, alt, title } }))
const linkMark = fc.constantFrom<DocMark[]>([], [{ type: 'link', attrs: { href: 'https://ok.example' } }])
const text = fc.tuple(words, linkMark).map(([t, marks]): DocNode => (marks.length ? { type: 'text', text: t || 'x', marks } : { type: 'text', text: t || 'x' }))
const inline = fc.array(fc.oneof(text, image, image.map((i) => ({ ...i, marks: [{ type: 'link', attrs: { href: 'https://ok.example' } }] }))), { minLength: 1, maxLength: 4 })
const block = fc.oneof(
  inline.map((content): DocNode => ({ type: 'paragraph', content })),
  image,
  inline.map((content): DocNode => ({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content }] }] })),
  inline.map((content): DocNode => ({ type: 'blockquote', content: [{ type: 'paragraph', content }] })),
  inline.map((content): DocNode => ({ type: 'heading', attrs: { level: 2 }, content })),
)
const document = fc.array(block, { minLength: 1, maxLength: 5 }).map((content): EditorDoc => ({ type: 'doc', content }))

const meta: ExportMetaInput = { title: 'T', assets: { [ASSET_ID]: { mime: 'image/png', dataBase64: PNG_BASE64 } } }

function everyExport(doc: EditorDoc): [string, string[]][] {
  const folder = toMarkdownWithImages(doc, meta, { images: 'folder' })
  return [
    ['toHtml', fetchedBy(toHtml(doc, meta))],
    ['toHtml+DOMPurify', fetchedBy(toHtml(doc, meta, { win }))],
    ['toHtmlBody', fetchedBy(toHtmlBody(doc, meta))],
    ['toMarkdown', fetchedBy(render(toMarkdown(doc, meta)))],
    ['toMarkdownBody', fetchedBy(render(toMarkdownBody(doc, meta)))],
    ['toMarkdownWithImages(folder)', fetchedBy(render(folder.markdown), folder.files.map((f) => f.path))],
  ]
}

describe('exports never make a reader fetch anything', () => {
  test('a remote image in a document becomes a link to it in Markdown, as in HTML', () => {
    const doc: EditorDoc = { type: 'doc', content: [{ type: 'image', attrs: { src: 'http://remote.example/a.png', alt: 'A', title: null } }] }
    expect(toMarkdownBody(doc, meta)).toBe('[A](http://remote.example/a.png)\n')
    expect(toMarkdownBody(doc, meta)).not.toContain('![')
  })

  test('every export of random documents with hostile image sources (fixed seed)', () => {
    assertProperty(
      fc.property(document, (doc) => {
        for (const [where, fetched] of everyExport(doc)) {
          if (fetched.length > 0) throw new Error(`${where} would fetch ${JSON.stringify(fetched)}`)
        }
      }),
      { numRuns: 300 },
    )
  })

  test('post texts that spell images or HTML stay text in the posts export', () => {
    const texts = ['![x](https://tracker.example/p.gif)', '<img src="https://tracker.example/p.gif">', '[![a](http://r.example/i.png)](https://ok.example)', '<iframe src="https://e.example">', '![ref][r]\n\n[r]: http://r.example/i.png']
    for (const text of texts) {
      const markdown = postsToMarkdown([{ platform: 'x', text, state: 'draft', postedUrl: 'https://x.com/p/1' }], { title: '![t](http://r.example/t.png)' })
      expect(fetchedBy(render(markdown)), text).toEqual([])
    }
  })
})
