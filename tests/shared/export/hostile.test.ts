import { Parser, HtmlRenderer } from 'commonmark'
import { beforeAll, describe, expect, test } from 'vitest'
import { editorDocSchema, type DocNode, type EditorDoc } from '@shared/domain'
import {
  fromHtml,
  fromMarkdown,
  importFile,
  PAGE_STYLESHEET,
  safeLinkHref,
  sanitizeHtml,
  splitFrontMatter,
  toHtml,
  toHtmlBody,
  toMarkdown,
  toMarkdownBody,
  type ExportMetaInput,
  type ImportedMeta,
} from '@shared/export'
import { ASSET_ID, ASSET_URL, PNG_BASE64 } from './support/doc'
import { expectEditorDoc, loadEditorSchema, type EditorSchema } from './support/editor-schema'
import { attributesOf, elements, parseHtml, testWindow } from './support/window'

/**
 * Hostile input through every import path and every export path. Nothing executable may
 * survive: no script-capable element, no event handler, no style attribute, no
 * javascript:/vbscript:/data: URL outside data:image, no remote image (Markdown included:
 * a reader of an exported file must never fetch anything).
 */
const ATTACKS: string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">js</a>',
  '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex entities</a>',
  '<a href="java&#x09;script:alert(1)">tab inside</a>',
  '<a href="  javascript:alert(1)">leading space</a>',
  '<a href="javascript&colon;alert(1)">named colon</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  '<a href="https://ok.example" onclick="alert(1)">kept link, no handler</a>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)><circle r=10></circle></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math href="javascript:alert(1)">math link</math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<div><iframe><iframe src="javascript:alert(1)"></iframe></iframe></div>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  '<div style="width: expression(alert(1))">css expression</div>',
  '<p style="background:url(javascript:alert(1))">css url</p>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//"><a href="x">relative</a>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button><input onfocus=alert(1) autofocus></form>',
  '<details open ontoggle=alert(1)>details</details>',
  '<video><source onerror=alert(1)></video>',
  '<template><script>alert(1)</script></template>',
  '<body onload=alert(1)>body</body>',
  '<xss onmouseover=alert(1)>unknown element</xss>',
  '<img src="https://tracker.example/pixel.gif" alt="tracker">',
  '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<!--<img src=x onerror=alert(1)>-->',
  '[md link](javascript:alert(1))',
  '[md upper](JAVASCRIPT:alert(1))',
  '[md entity](&#106;avascript:alert(1))',
  '[md angle](<javascript:alert(1)>)',
  '<javascript:alert(1)>',
  '![md image](javascript:alert(1))',
  '![md svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![md remote](https://tracker.example/pixel.gif)',
  '[ref][x]\n\n[x]: javascript:alert(1)',
  'text <span onmouseover="alert(1)">inline html</span> more',
  '```"><script>alert(1)</script>\ncode\n```',
]

const FRONT_MATTER_ATTACK = [
  '---',
  'title: "</title><script>alert(1)</script>"',
  'description: \'"><img src=x onerror=alert(1)>\'',
  'canonical_url: "javascript:alert(1)"',
  'tags: ["<svg onload=alert(1)>", "ok"]',
  'lang: \'"><script>\'',
  '---',
  'body',
].join('\n')

const win = testWindow()
let editor: EditorSchema
beforeAll(async () => {
  editor = await loadEditorSchema()
})

const FORBIDDEN_ELEMENTS = 'script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, base, svg, math, video, audio, source, track, noscript, template, details'
const ALLOWED_META = new Set(['charset', 'viewport', 'Content-Security-Policy', 'referrer', 'description', 'keywords', 'generator', 'article:published_time', 'article:modified_time'])
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data'])
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif);base64,/

function compact(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase()
}

/** Parses output HTML in an inert document and checks that nothing in it could act. */
function expectInert(html: string, where: string): void {
  const page = parseHtml(win, html)
  expect(elements(page, FORBIDDEN_ELEMENTS).map((e) => e.tagName), `${where}: forbidden elements`).toEqual([])
  for (const meta of elements(page, 'meta')) {
    const kind = meta.getAttribute('charset') !== null ? 'charset' : (meta.getAttribute('name') ?? meta.getAttribute('http-equiv') ?? meta.getAttribute('property') ?? '')
    expect(ALLOWED_META.has(kind), `${where}: <meta ${kind}>`).toBe(true)
  }
  for (const style of elements(page, 'style')) expect(style.textContent?.trim(), `${where}: foreign <style>`).toBe(PAGE_STYLESHEET)
  for (const linkElement of elements(page, 'link')) expect(linkElement.getAttribute('rel'), `${where}: <link>`).toBe('canonical')
  for (const element of elements(page)) {
    for (const attr of attributesOf(element)) {
      const name = attr.name.toLowerCase()
      expect(name.startsWith('on'), `${where}: ${element.tagName}[${name}]`).toBe(false)
      expect(['style', 'srcdoc', 'formaction', 'action'].includes(name), `${where}: ${element.tagName}[${name}]`).toBe(false)
      const value = compact(attr.value)
      if (name === 'content' && element.tagName === 'META') continue
      expect(/(?:java|vb)script:|data:text|data:application/.test(value), `${where}: ${element.tagName}[${name}=${attr.value}]`).toBe(false)
      if (!URL_ATTRIBUTES.has(name)) continue
      if (name === 'src' && element.tagName === 'IMG') {
        expect(DATA_IMAGE.test(attr.value), `${where}: img src ${attr.value.slice(0, 60)}`).toBe(true)
      } else {
        expect(safeLinkHref(attr.value), `${where}: ${element.tagName}[${name}=${attr.value}]`).toBe(attr.value.trim())
      }
    }
  }
}

const renderer = new HtmlRenderer()
/** Markdown rendered by the reference renderer with raw HTML passed through (its default). */
function renderMarkdown(markdown: string): string {
  return renderer.render(new Parser().parse(splitFrontMatter(markdown).body))
}

function walk(node: DocNode, visit: (node: DocNode) => void): void {
  visit(node)
  for (const child of node.content ?? []) walk(child, visit)
}

/**
 * What may be stored: the editor's schema, the DB's schema, and — for markup read as HTML —
 * not even the text of scripts and handlers (Markdown syntax read as HTML is just text).
 */
function expectSafeDoc(doc: EditorDoc, where: string, fromHtmlPath: boolean): void {
  expectEditorDoc(editor, doc)
  expect(editorDocSchema.safeParse(doc).success, `${where}: DB schema`).toBe(true)
  if (!fromHtmlPath) return
  walk(doc, (node) => {
    expect(node.text ?? '', `${where}: script text survived`).not.toMatch(/alert\(|msgbox\(/)
  })
}

function metaFor(meta: ImportedMeta): ExportMetaInput {
  return { ...meta, title: meta.title ?? 'T', assets: {} }
}

function expectSafeExports(doc: EditorDoc, meta: ExportMetaInput, where: string): void {
  expectInert(toHtml(doc, meta), `${where} → toHtml`)
  expectInert(toHtml(doc, meta, { win }), `${where} → toHtml+DOMPurify`)
  expectInert(toHtmlBody(doc, meta), `${where} → toHtmlBody`)
  const markdown = toMarkdown(doc, meta)
  expectInert(renderMarkdown(markdown), `${where} → toMarkdown → commonmark`)
  expectInert(renderMarkdown(toMarkdownBody(doc, meta)), `${where} → toMarkdownBody → commonmark`)
  const { data } = splitFrontMatter(markdown)
  expect(data?.title, `${where}: front matter title`).toBe(typeof meta.title === 'string' ? meta.title.replace(/\s+/g, ' ').trim() : undefined)
}

const bytes = (text: string) => new TextEncoder().encode(text)

describe('the checks themselves', () => {
  test.each([
    '<script>alert(1)</script>',
    '<p onclick="x()">a</p>',
    '<a href="javascript:alert(1)">a</a>',
    '<a href=" JAVA\tSCRIPT:alert(1)">a</a>',
    '<img src="https://tracker.example/p.gif">',
    '<img src="data:image/svg+xml;base64,AAAA">',
    '<p style="color:red">a</p>',
    '<iframe srcdoc="x"></iframe>',
    '<svg></svg>',
    '<meta http-equiv="refresh" content="0">',
    '<style>p{}</style>',
  ])('catch %s', (bad) => {
    expect(() => expectInert(bad, 'probe')).toThrow()
  })
})

describe('hostile input', () => {
  test(`the corpus has ${ATTACKS.length} attacks`, () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(25)
  })

  test.each(ATTACKS.map((attack, i) => [i + 1, attack] as const))('attack %i: %s', (_i, attack) => {
    const isMarkup = attack.startsWith('<')
    const imports: [string, { doc: EditorDoc; meta: ImportedMeta }, boolean][] = [
      ['fromMarkdown', fromMarkdown(attack), false],
      ['fromMarkdown+window', fromMarkdown(attack, { win }), false],
      ['fromHtml', fromHtml(attack, win), isMarkup],
    ]
    for (const [name, kind] of [['a.md', false], ['a.html', isMarkup], ['a.txt', false]] as const) {
      const outcome = importFile({ name, bytes: bytes(attack) }, win)
      if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`)
      imports.push([`importFile(${name})`, outcome.draft, kind])
    }
    for (const [where, imported, fromHtmlPath] of imports) {
      expectSafeDoc(imported.doc, where, fromHtmlPath)
      expectSafeExports(imported.doc, metaFor(imported.meta), where)
    }
    expectInert(sanitizeHtml(attack, win), 'sanitizeHtml')
  })

  test('HTML in front matter values stays text everywhere', () => {
    const { doc, meta } = fromMarkdown(FRONT_MATTER_ATTACK)
    expect(meta).toEqual({ title: '</title><script>alert(1)</script>', description: '"><img src=x onerror=alert(1)>', tags: ['<svg onload=alert(1)>', 'ok'] })
    expectSafeExports(doc, metaFor(meta), 'front matter')
    const page = parseHtml(win, toHtml(doc, metaFor(meta)))
    expect(page.title).toBe('</title><script>alert(1)</script>')
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('"><img src=x onerror=alert(1)>')
  })
})

describe('a tampered document from the database', () => {
  const evilHrefs = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'javascript&colon;alert(1)', 'vbscript:x', 'data:text/html,<script>alert(1)</script>', 'javascript\\:alert(1)']
  const tampered: EditorDoc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: '1 onclick=alert(1)' }, content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
      { type: 'paragraph', content: evilHrefs.map((href) => ({ type: 'text', text: `x${href.length} `, marks: [{ type: 'link', attrs: { href, title: '"><script>alert(1)</script>' } }] })) },
      { type: 'orderedList', attrs: { start: '1" onmouseover="alert(1)', type: 'a" onclick="x' }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'item' }] }] }] },
      { type: 'codeBlock', attrs: { language: '"><script>alert(1)</script>' }, content: [{ type: 'text', text: '</code></pre><script>alert(1)</script>' }] },
      { type: 'image', attrs: { src: 'javascript:alert(1)', alt: '"><script>alert(1)</script>' } },
      { type: 'image', attrs: { src: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', alt: 'svg' } },
      { type: 'image', attrs: { src: 'https://tracker.example/p.gif', alt: 'remote' } },
      { type: 'image', attrs: { src: ASSET_URL, alt: 'asset', title: '" onerror="alert(1)' } },
      { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
      { type: 'iframe', attrs: { src: 'javascript:alert(1)' } },
      { type: 'paragraph', content: [{ type: 'text', text: 'styled', marks: [{ type: 'style', attrs: { css: 'x:expression(alert(1))' } }] }] },
    ],
  }
  const meta: ExportMetaInput = {
    title: '</title><script>alert(1)</script>',
    description: '"><script>alert(1)</script>',
    canonicalUrl: 'javascript:alert(1)',
    tags: ['<script>'],
    assets: { [ASSET_ID]: { mime: 'image/png', dataBase64: `${PNG_BASE64}"><script>alert(1)</script>` } },
  }

  test('every export stays inert', () => {
    expectSafeExports(tampered, meta, 'tampered')
  })

  test('remote images in the HTML export are links, never loaded', () => {
    const page = parseHtml(win, toHtml(tampered, meta))
    expect(elements(page, 'img').every((img) => DATA_IMAGE.test(img.getAttribute('src') ?? ''))).toBe(true)
    expect(elements(page, 'a').map((a) => a.getAttribute('href'))).toContain('https://tracker.example/p.gif')
  })
})
