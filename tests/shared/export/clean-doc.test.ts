import { beforeAll, describe, expect, test } from 'vitest'
import type { DocNode, EditorDoc } from '@shared/domain'
import { cleanImportedDoc, enforceUrlPolicy, fromHtml } from '@shared/export'
import { allNodes, ASSET_URL, PNG_BASE64, PNG_DATA_URL, doc, h, img, li, link, ol, p, t, ul } from './support/doc'
import { expectEditorDoc, loadEditorSchema, type EditorSchema } from './support/editor-schema'
import { testWindow } from './support/window'

/**
 * The main-side gate of the import channel: whatever JSON a renderer sends, what is stored can
 * hold only what the editor holds, links that pass the URL policy, and images with our bytes.
 */
let editor: EditorSchema
beforeAll(async () => {
  editor = await loadEditorSchema()
})

describe('cleanImportedDoc', () => {
  test('keeps what the importers made, unchanged', () => {
    const made = doc(
      h(2, t('Über ', 'bold'), t('Brücken', 'bold', 'italic')),
      p(t('Siehe '), t('hier', link('https://example.com/a?b=1')), t(' und '), t('x()', 'code')),
      img(ASSET_URL, 'Bild', null),
      ul(li(p(t('eins'))), li(p(t('zwei')), ol(3, li(p(t('drei')))))),
      { type: 'blockquote', content: [p(t('Zitat'))] },
      { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: 'let a = 1\n<script>' }] },
      { type: 'horizontalRule' },
      p(t('Ende'), { type: 'hardBreak' }, t('neu')),
    )
    expect(cleanImportedDoc(made)).toEqual(made)
  })

  test('drops dangerous links, handlers and unknown attributes, keeping the text', () => {
    const hostile = {
      type: 'doc',
      attrs: { onload: 'alert(1)' },
      content: [
        {
          type: 'paragraph',
          attrs: { style: 'background:url(javascript:alert(1))', onclick: 'alert(1)' },
          content: [
            { type: 'text', text: 'js', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)', onclick: 'x' } }] },
            { type: 'text', text: ' data', marks: [{ type: 'link', attrs: { href: 'data:text/html;base64,PHNjcmlwdD4=' } }] },
            { type: 'text', text: ' tab', marks: [{ type: 'link', attrs: { href: 'java\tscript:alert(1)' } }] },
            { type: 'text', text: ' ok', marks: [{ type: 'link', attrs: { href: 'https://ok.example', target: '_blank', title: 'T' } }, { type: 'script' }] },
          ],
        },
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        { type: 'heading', attrs: { level: 9, onclick: 'x' }, content: [{ type: 'text', text: 'Deep' }] },
      ],
    } as EditorDoc
    const clean = cleanImportedDoc(hostile)
    expect(clean).toEqual(
      doc(
        p(t('js data tab'), t(' ok', link('https://ok.example', 'T'))),
        // An unknown element keeps its text as plain text: visible, never run.
        p(t('alert(1)')),
        h(3, t('Deep')),
      ),
    )
    expectEditorDoc(editor, clean)
  })

  test('images: only our bytes stay images; remote ones become links, refused ones their alt text', () => {
    const clean = cleanImportedDoc(
      doc(
        p(t('vor'), img('https://tracker.example/p.gif', 'Tracker') as DocNode, t('nach')),
        img('data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', 'SVG'),
        img('javascript:alert(1)'),
        img(`  data:image/png;base64,${PNG_BASE64}`, 'Pixel', 'Titel'),
        img('images/local.png', null),
        img('file:///etc/passwd', 'file'),
      ),
    )
    expect(clean).toEqual(
      doc(
        p(t('vor'), t('Tracker', link('https://tracker.example/p.gif')), t('nach')),
        p(t('SVG')),
        img(PNG_DATA_URL, 'Pixel', 'Titel'),
        p(t('images/local.png', link('images/local.png'))),
        p(t('file')),
      ),
    )
    expectEditorDoc(editor, clean)
  })

  test('an image inside a paragraph splits it, as the editor keeps images as blocks', () => {
    expect(cleanImportedDoc(doc(p(t('a'), img(ASSET_URL), t('b'))))).toEqual(doc(p(t('a')), img(ASSET_URL), p(t('b'))))
  })

  test('list items start with a paragraph; empty containers stay valid; passage marks go', () => {
    const clean = cleanImportedDoc({
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [ul(li(p(t('nested'))))] }] },
        { type: 'orderedList', attrs: { start: -5, type: 'javascript' }, content: [] },
        { type: 'blockquote', content: [] },
        p(t('passage', { type: 'passage', attrs: { passageId: 7 } })),
      ],
    })
    expect(clean.content[1]).toEqual({ type: 'orderedList', attrs: { start: 0 }, content: [li(p())] })
    expect(clean.content[3]).toEqual(p(t('passage')))
    expectEditorDoc(editor, clean)
  })

  test('an empty document becomes one empty paragraph; cleaning twice changes nothing', () => {
    expect(cleanImportedDoc({ type: 'doc', content: [] })).toEqual(doc(p()))
    const win = testWindow()
    const html = '<h1 onclick=x>T</h1><p>a <img src="https://x.example/i.png" alt="i"> <a href="javascript:1">b</a></p><ul><li>c<ul><li>d</li></ul></li></ul>'
    const once = cleanImportedDoc(fromHtml(html, win).doc)
    expect(cleanImportedDoc(once)).toEqual(once)
    for (const node of allNodes(once)) expect(node.type).not.toBe('script')
  })
})

describe('enforceUrlPolicy (library restore)', () => {
  /** What Tiptap's getJSON() writes: every attribute, defaults included. */
  const editorJson = doc(
    p(t('web', { type: 'link', attrs: { href: 'https://example.com', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } })),
    { type: 'image', attrs: { src: ASSET_URL, alt: null, title: null, width: null, height: null } },
    p(t('passage', { type: 'passage', attrs: { passageId: 3 } })),
  )

  test('returns an editor document that breaks no rule as the same object', () => {
    expect(enforceUrlPolicy(editorJson)).toBe(editorJson)
  })

  test('unlinks bad links and turns foreign images into links, touching nothing else', () => {
    const hostile = doc(
      p(t('js', { type: 'link', attrs: { href: 'javascript:alert(1)', rel: 'x' } }, 'bold')),
      { type: 'image', attrs: { src: 'https://tracker.example/p.gif', alt: 'T', width: 5 } },
      { type: 'image', attrs: { src: 'data:text/html;base64,PHNjcmlwdD4=' } },
      editorJson.content[2]!,
    )
    expect(enforceUrlPolicy(hostile)).toEqual(
      doc(p(t('js', 'bold')), p(t('T', link('https://tracker.example/p.gif'))), editorJson.content[2]!),
    )
  })
})
