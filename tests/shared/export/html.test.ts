import { beforeAll, describe, expect, test } from 'vitest'
import { fromHtml, MissingAssetError, sanitizeHtml, toHtml, toHtmlBody } from '@shared/export'
import { ASSET_ID, ASSET_URL, br, code, doc, h, hr, img, li, link, ol, p, PNG_BASE64, PNG_DATA_URL, quote, t, ul } from './support/doc'
import { expectEditorDoc, loadEditorSchema, type EditorSchema } from './support/editor-schema'
import { elements, parseHtml, testWindow } from './support/window'

const win = testWindow()
let editor: EditorSchema
beforeAll(async () => {
  editor = await loadEditorSchema()
})

const assets = { [ASSET_ID]: { mime: 'image/png' as const, dataBase64: PNG_BASE64 } }

describe('toHtml: the standalone page', () => {
  const meta = {
    title: 'Fokus & <Ruhe>',
    language: 'de' as const,
    description: 'Kurz "gesagt".',
    canonicalUrl: 'https://blog.example.de/fokus',
    createdAt: Date.UTC(2024, 4, 1, 10),
    tags: ['a', 'b'],
    assets,
  }
  const page = toHtml(doc(p(t('Hallo')), img(ASSET_URL, 'Katze')), meta, { timeZone: 'UTC' })
  const parsed = parseHtml(win, page)

  test('doctype, lang, charset, title, description, canonical', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">')).toBe(true)
    expect(parsed.title).toBe('Fokus & <Ruhe>')
    expect(parsed.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('Kurz "gesagt".')
    expect(parsed.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://blog.example.de/fokus')
    expect(parsed.querySelector('header h1')?.textContent).toBe('Fokus & <Ruhe>')
    expect(parsed.querySelector('header time')?.getAttribute('datetime')).toBe('2024-05-01T10:00:00.000Z')
    expect(parsed.querySelector('header time')?.textContent).toBe('1. Mai 2024')
  })

  test('inline stylesheet with light and dark, and no script at all', () => {
    const styles = elements(parsed, 'style')
    expect(styles).toHaveLength(1)
    expect(styles[0]!.textContent).toContain('@media (prefers-color-scheme:dark)')
    expect(page).not.toMatch(/<script|javascript:|\son[a-z]+=/i)
    expect(elements(parsed, 'link[rel="stylesheet"], [style]')).toHaveLength(0)
  })

  test('the page forbids itself scripts and every fetch', () => {
    const csp = parsed.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')
    expect(csp).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
  })

  test('images are embedded as data URIs', () => {
    const images = elements(parsed, 'img')
    expect(images.map((i) => [i.getAttribute('src'), i.getAttribute('alt')])).toEqual([[PNG_DATA_URL, 'Katze']])
  })

  test('without a title: the first heading, else "Untitled" in the draft language; no header', () => {
    expect(parseHtml(win, toHtml(doc(h(2, t('Sub')), p(t('x'))))).title).toBe('Sub')
    expect(parseHtml(win, toHtml(doc(p(t('x'))), { language: 'de' })).title).toBe('Ohne Titel')
    expect(toHtml(doc(p(t('x'))))).not.toContain('<header>')
  })

  test('a document that opens with its own level-1 heading does not get the title twice', () => {
    const out = parseHtml(win, toHtml(doc(h(1, t('Mine')), p(t('x'))), { title: 'Mine' }))
    expect(elements(out, 'h1').map((e) => e.textContent)).toEqual(['Mine'])
  })

  test('unsafe canonical URLs are left out', () => {
    expect(toHtml(doc(), { canonicalUrl: 'javascript:alert(1)' })).not.toContain('canonical')
  })

  test('a missing asset is an error', () => {
    expect(() => toHtml(doc(img(ASSET_URL)))).toThrow(MissingAssetError)
  })
})

describe('toHtmlBody: every construct, escaped by construction', () => {
  test.each([
    ['headings', doc(h(1, t('A')), h(3, t('C'))), '<h1>A</h1>\n<h3>C</h3>\n'],
    ['marks', doc(p(t('b', 'bold'), t('i', 'italic'), t('s', 'strike'), t('u', 'underline'), t('c', 'code'))), '<p><strong>b</strong><em>i</em><s>s</s><u>u</u><code>c</code></p>\n'],
    ['nested marks', doc(p(t('a ', 'italic'), t('b', 'italic', 'bold'), t(' c', 'italic'))), '<p><em>a <strong>b</strong> c</em></p>\n'],
    ['link with title, escaped', doc(p(t('x', link('https://e.com/?a=1&b="2"', 'T "q"')))), '<p><a href="https://e.com/?a=1&amp;b=&quot;2&quot;" title="T &quot;q&quot;">x</a></p>\n'],
    ['unsafe link dropped', doc(p(t('x', link('javascript:alert(1)')))), '<p>x</p>\n'],
    ['text is escaped', doc(p(t('<script>alert("x")</script> & more'))), '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; more</p>\n'],
    ['hard break', doc(p(t('a'), br(), t('b'))), '<p>a<br>\nb</p>\n'],
    ['trailing hard break dropped', doc(p(t('a'), br())), '<p>a</p>\n'],
    ['tight lists, nested', doc(ul(li(p(t('a')), ul(li(p(t('b'))))))), '<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n'],
    ['ordered list start and type', doc({ type: 'orderedList', attrs: { start: 3, type: 'a' }, content: [li(p(t('c')))] }), '<ol start="3" type="a">\n<li>c</li>\n</ol>\n'],
    ['ordered list from 1 has no start', doc(ol(1, li(p(t('x'))))), '<ol>\n<li>x</li>\n</ol>\n'],
    ['loose item', doc(ul(li(p(t('a')), p(t('b'))))), '<ul>\n<li><p>a</p>\n<p>b</p>\n</li>\n</ul>\n'],
    ['blockquote', doc(quote(p(t('q')))), '<blockquote>\n<p>q</p>\n</blockquote>\n'],
    ['code block with language', doc(code('a < b && c', 'js')), '<pre><code class="language-js">a &lt; b &amp;&amp; c</code></pre>\n'],
    ['hostile language is cleaned', doc(code('x', '"><script>')), '<pre><code class="language-script">x</code></pre>\n'],
    ['horizontal rule', doc(hr()), '<hr>\n'],
    ['data image', doc(img(PNG_DATA_URL, 'a "b"')), `<p><img src="${PNG_DATA_URL}" alt="a &quot;b&quot;"></p>\n`],
    ['remote image becomes a link', doc(img('https://e.com/x.png', 'X')), '<p><a href="https://e.com/x.png">X</a></p>\n'],
    ['refused image leaves its alt', doc(img('javascript:alert(1)', 'alt')), '<p>alt</p>\n'],
    ['passage mark dropped', doc(p(t('kept', { type: 'passage', attrs: { passageId: 'x' } }))), '<p>kept</p>\n'],
    ['heading level attribute cannot inject', doc({ type: 'heading', attrs: { level: '1><script>' }, content: [t('x')] }), '<h1>x</h1>\n'],
  ])('%s', (_name, input, expected) => {
    expect(toHtmlBody(input)).toBe(expected)
  })

  test('the DOMPurify pass keeps a normal document as it is', () => {
    const input = doc(h(2, t('T')), p(t('a', 'bold'), t(' '), t('l', link('https://e.com'))), ul(li(p(t('x')))), img(PNG_DATA_URL, 'i'), code('c', 'ts'))
    const plain = parseHtml(win, toHtmlBody(input)).body.innerHTML
    const purified = parseHtml(win, toHtmlBody(input, {}, { win })).body.innerHTML
    expect(purified).toBe(plain)
  })
})

describe('fromHtml', () => {
  test('maps the editor constructs', () => {
    const html = `<h1>T</h1><h5>deep</h5><p>a <strong>b</strong> <em>i</em> <s>s</s> <u>u</u> <code>c</code> <a href="https://e.com" title="t">l</a><br>next</p>
      <ul><li>one<ol start="4" type="i"><li>four</li></ol></li></ul><blockquote><p>q</p></blockquote>
      <pre><code class="language-py">x = 1\n</code></pre><hr><p><img src="${PNG_DATA_URL}" alt="cat"></p>`
    const { doc: result } = fromHtml(html, win)
    expect(result).toEqual(
      doc(
        h(1, t('T')),
        h(3, t('deep')),
        p(t('a '), t('b', 'bold'), t(' '), t('i', 'italic'), t(' '), t('s', 'strike'), t(' '), t('u', 'underline'), t(' '), t('c', 'code'), t(' '), t('l', link('https://e.com', 't')), br(), t('next')),
        ul(li(p(t('one')), { type: 'orderedList', attrs: { start: 4, type: 'i' }, content: [li(p(t('four')))] })),
        quote(p(t('q'))),
        code('x = 1', 'py'),
        hr(),
        img(PNG_DATA_URL, 'cat'),
      ),
    )
    expectEditorDoc(editor, result)
  })

  test('reads the head: title, lang, description, canonical, keywords, dates', () => {
    const page = toHtml(doc(p(t('x'))), { title: 'T', language: 'de', description: 'D', canonicalUrl: 'https://e.com/c', tags: ['a', 'b'], createdAt: Date.UTC(2024, 0, 2), updatedAt: Date.UTC(2024, 0, 3) })
    expect(fromHtml(page, win).meta).toEqual({ title: 'T', language: 'de', description: 'D', canonicalUrl: 'https://e.com/c', tags: ['a', 'b'], createdAt: Date.UTC(2024, 0, 2), updatedAt: Date.UTC(2024, 0, 3) })
  })

  test('our own export comes back as the same document', () => {
    const original = doc(h(2, t('S')), p(t('a '), t('b', 'bold', 'italic'), t(' c')), ol(2, li(p(t('x')), ul(li(p(t('y')))))), quote(p(t('q'))), code('let a', 'ts'), hr(), img(PNG_DATA_URL, 'i'))
    expect(fromHtml(toHtml(original, { title: 'T' }), win).doc).toEqual(doc(h(1, t('T')), ...original.content))
  })

  test('Google Docs: styles become marks, the wrapping <b style="font-weight:normal"> is not bold', () => {
    const html = '<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700">bold</span> <span style="font-style:italic">it</span> <span style="text-decoration:underline">u</span> <span style="text-decoration:line-through">s</span> plain</p></b>'
    expect(fromHtml(html, win).doc).toEqual(doc(p(t('bold', 'bold'), t(' '), t('it', 'italic'), t(' '), t('u', 'underline'), t(' '), t('s', 'strike'), t(' plain'))))
  })

  test('whitespace collapses as a browser would show it', () => {
    expect(fromHtml('<p>\n  a   b\n  <b> c </b>\n</p><div>x<p>y</p>z</div>', win).doc).toEqual(doc(p(t('a b '), t('c', 'bold')), p(t('x')), p(t('y')), p(t('z'))))
  })

  test('tables become a paragraph per row', () => {
    expect(fromHtml('<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td><i>2</i></td></tr></table>', win).doc).toEqual(doc(p(t('a | b')), p(t('1 | '), t('2', 'italic'))))
  })

  test('remote images become links, nothing is loaded', () => {
    expect(fromHtml('<p>see <img src="https://e.com/a.png" alt="A"></p>', win).doc).toEqual(doc(p(t('see '), t('A', link('https://e.com/a.png')))))
  })

  test('deep nesting is flattened to what the editor allows', () => {
    const deep = '<blockquote>'.repeat(300) + 'deep' + '</blockquote>'.repeat(300)
    const result = fromHtml(deep, win).doc
    expectEditorDoc(editor, result)
    expect(JSON.stringify(result)).toContain('"deep"')
  })

  test('sanitizeHtml keeps safe markup and removes the rest', () => {
    expect(sanitizeHtml('<p onclick="x()" style="color:red">a <a href="javascript:alert(1)">b</a> <img src="https://e.com/i.png" alt="i"></p><script>alert(1)</script>', win)).toBe('<p>a <a>b</a> <a href="https://e.com/i.png">i</a></p>')
  })
})
