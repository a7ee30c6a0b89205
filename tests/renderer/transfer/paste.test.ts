import type { Editor } from '@tiptap/core'
import { Slice } from '@tiptap/pm/model'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DocNode, EditorDoc } from '@shared/domain'
import { loadPasteConverters, looksLikeMarkdown, pasteConversion } from '../../../renderer/transfer/paste'
import { testBackend, type TestBackend } from '../support/backend'
import { appEditor } from '../support/editor'

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

let backend: TestBackend
let editor: Editor
const imageErrors: unknown[] = []

beforeEach(async () => {
  // The importers load after the start (paste.ts); these tests paste once they are there.
  await loadPasteConverters()
  backend = await testBackend()
  editor = appEditor({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vorher ' }] }] }, { language: 'en', extensions: [pasteConversion(backend.api, (e) => imageErrors.push(e))] })
  editor.commands.setTextSelection(editor.state.doc.content.size - 1)
})
afterEach(() => {
  editor.destroy()
  backend.close()
  imageErrors.length = 0
})

/** What the browser hands ProseMirror on paste: only the clipboard matters here. */
function paste(data: Record<string, string>): boolean {
  const event = { clipboardData: { files: [], getData: (type: string) => data[type] ?? '' } } as unknown as ClipboardEvent
  const view = editor.view
  return view.someProp('handlePaste', (handle) => handle(view, event, Slice.empty)) ?? false
}

const json = () => editor.getJSON() as EditorDoc

/**
 * A paste as the browser delivers it: a paste event on the editor with the clipboard on it,
 * through ProseMirror's whole paste path (transformPastedHTML, its own HTML parser,
 * transformPasted, every handlePaste) — not just our handler.
 */
function pasteEvent(data: Record<string, string>): void {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: { files: [], types: Object.keys(data), getData: (type: string) => data[type] ?? '' } })
  editor.view.dom.dispatchEvent(event)
}

/** What Longhand itself puts on the clipboard on copy: its own HTML, with ProseMirror's slice marker. */
function copiedHtml(content: DocNode[]): string {
  const source = appEditor({ type: 'doc', content }, { language: 'en' })
  try {
    source.commands.selectAll()
    const { dom } = source.view.serializeForClipboard(source.state.selection.content())
    return dom.innerHTML
  } finally {
    source.destroy()
  }
}

describe('looksLikeMarkdown', () => {
  it('recognises Markdown structure and inline syntax, not ordinary prose', () => {
    for (const md of ['# Titel', '## Über uns\nText', '- eins\n- zwei', '1. eins\n2. zwei', '> Zitat', '```\ncode\n```', 'Das ist **fett**.', 'Siehe [hier](https://example.com).', 'Nutze `npm start`.']) {
      expect(looksLikeMarkdown(md), md).toBe(true)
    }
    for (const prose of ['Ein ganz normaler Satz.', '3. Juli 2024 war ein schöner Tag.', '- sagte er leise', 'Preis: 5 * 3 = 15', 'C# ist eine Sprache', 'https://example.com']) {
      expect(looksLikeMarkdown(prose), prose).toBe(false)
    }
  })
})

describe('pasting into the editor', () => {
  it('turns pasted Markdown into formatted text, inline where the caret is', () => {
    expect(paste({ 'text/plain': 'ist **fett** und [verlinkt](https://example.com)' })).toBe(true)
    expect(json().content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Vorher ist ' },
        { type: 'text', text: 'fett', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' und ' },
        { type: 'text', text: 'verlinkt', marks: [{ type: 'link', attrs: expect.objectContaining({ href: 'https://example.com' }) }] },
      ],
    })
  })

  it('turns a pasted Markdown document into headings and lists', () => {
    paste({ 'text/plain': '## Plan\n\n- eins\n- zwei\n' })
    const types = json().content.map((n) => n.type)
    expect(types).toContain('heading')
    expect(types).toContain('bulletList')
  })

  it('sanitizes pasted web HTML: no script, no handlers, remote images become links, styles become marks', () => {
    const html =
      '<meta charset="utf-8"><p onclick="alert(1)">Hallo <span style="font-weight:700">Welt</span><script>alert(2)</script> ' +
      '<img src="https://tracker.example/p.gif" alt="Tracker"> <a href="javascript:alert(3)">böse</a></p>'
    expect(paste({ 'text/html': html, 'text/plain': 'Hallo Welt' })).toBe(true)
    const doc = JSON.stringify(json())
    expect(doc).not.toMatch(/script|onclick|javascript|alert/)
    expect(json().content[0]!.content).toContainEqual({ type: 'text', text: 'Welt', marks: [{ type: 'bold' }] })
    expect(json().content.some((n) => n.type === 'image')).toBe(false)
    expect(doc).toContain('https://tracker.example/p.gif')
  })

  it('stores pasted inline images in the library and points the image at the asset', async () => {
    paste({ 'text/html': `<p>Bild:</p><img src="data:image/png;base64,${PNG_1PX}" alt="Pixel">` })
    await expect.poll(() => json().content.find((n) => n.type === 'image')?.attrs?.src).toMatch(/^asset:[0-9a-f]{64}$/)
    const id = String(json().content.find((n) => n.type === 'image')!.attrs!.src).slice('asset:'.length)
    expect((await backend.api.invoke('assets.get', { id })).dataBase64).toBe(PNG_1PX)
    expect(imageErrors).toEqual([])
  })

  it('leaves plain prose, copies inside Longhand and pastes into code blocks to the editor', () => {
    expect(paste({ 'text/plain': 'Nur ein Satz.' })).toBe(false)
    expect(paste({ 'text/html': '<p data-pm-slice="1 1 []">intern</p>', 'text/plain': 'intern' })).toBe(false)
    editor.commands.setContent({ type: 'doc', content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x' }] }] })
    editor.commands.setTextSelection(2)
    expect(paste({ 'text/plain': '# kein Titel', 'text/html': '<h1>kein Titel</h1>' })).toBe(false)
  })

  it('an image copied inside Longhand keeps its asset, and its HTML never asks to load asset:', () => {
    const src = `asset:${'a'.repeat(64)}`
    editor.commands.setContent({ type: 'doc', content: [{ type: 'image', attrs: { src, alt: 'Bild' } }] })
    const html = editor.getHTML()
    expect(html).toContain(`data-asset="${src}"`)
    expect(html).not.toContain('src="asset:')
    editor.commands.setContent(html)
    expect(json().content[0]).toMatchObject({ type: 'image', attrs: { src, alt: 'Bild' } })
  })

  it('ProseMirror slices (data-pm-slice) go through the same URL policy: a remote image becomes a link, never an image', () => {
    const html =
      '<meta charset="utf-8"><p data-pm-slice="1 1 []">Hallo <a href="javascript:alert(1)">böse</a></p>' +
      '<img src="https://tracker.example/p.gif" alt="Tracker"><img src="javascript:alert(2)" alt="Skript">'
    pasteEvent({ 'text/html': html, 'text/plain': 'Hallo böse' })
    const doc = JSON.stringify(json())
    expect(json().content.some((n) => n.type === 'image')).toBe(false)
    expect(doc).not.toMatch(/javascript|alert/)
    expect(doc).toContain('Hallo')
    expect(doc).toContain('Tracker')
    expect(doc).toContain('"href":"https://tracker.example/p.gif"')
  })

  it('a remote image inside a forged slice with an asset-looking attribute is no image either', () => {
    pasteEvent({ 'text/html': '<img data-pm-slice="0 0 []" data-asset="https://tracker.example/p.gif" src="https://tracker.example/q.gif" alt="T">', 'text/plain': '' })
    expect(json().content.some((n) => n.type === 'image')).toBe(false)
  })

  it('a copy inside Longhand keeps its structure, marks and stored images when pasted', () => {
    const asset = `asset:${'b'.repeat(64)}`
    const content: DocNode[] = [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Plan' }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'eins', marks: [{ type: 'bold' }] }] }] }] },
      { type: 'image', attrs: { src: asset, alt: 'Bild', title: null } },
      { type: 'paragraph', content: [{ type: 'text', text: 'Link', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] }] },
    ]
    const html = copiedHtml(content)
    expect(html).toContain('data-pm-slice')
    editor.commands.setContent({ type: 'doc', content: [{ type: 'paragraph' }] })
    pasteEvent({ 'text/html': html, 'text/plain': 'Plan eins Link' })
    const types = json().content.map((n) => n.type)
    expect(types).toEqual(expect.arrayContaining(['heading', 'bulletList', 'image']))
    expect(json().content.find((n) => n.type === 'image')!.attrs).toMatchObject({ src: asset, alt: 'Bild' })
    expect(JSON.stringify(json())).toContain('"type":"bold"')
    expect(JSON.stringify(json())).toContain('"href":"https://example.com"')
  })

  it('prefers the Markdown source over a code editor’s coloured HTML', () => {
    const vscode = '<div style="color: #d4d4d4;white-space: pre;"><div><span style="color: #569cd6;"># Titel</span></div></div>'
    paste({ 'text/html': vscode, 'text/plain': '# Titel' })
    expect(json().content.some((n) => n.type === 'heading')).toBe(true)
  })
})

describe('a paste in the first moments, before the importers have loaded', () => {
  it('is taken at once and inserted, converted, as soon as they are there', async () => {
    vi.resetModules()
    const fresh = await import('../../../renderer/transfer/paste')
    const early = appEditor({ type: 'doc', content: [{ type: 'paragraph' }] }, { language: 'en', extensions: [fresh.pasteConversion(backend.api, (e) => imageErrors.push(e))] })
    try {
      const event = { clipboardData: { files: [], getData: (type: string) => ({ 'text/plain': '## Plan\n\n- eins\n- zwei\n' })[type] ?? '' } } as unknown as ClipboardEvent
      const view = early.view
      expect(view.someProp('handlePaste', (handle) => handle(view, event, Slice.empty))).toBe(true)
      await fresh.loadPasteConverters()
      await vi.waitFor(() => expect(early.getJSON().content?.map((n) => n.type).filter((type) => type !== 'paragraph')).toEqual(['heading', 'bulletList']))
    } finally {
      early.destroy()
    }
  })

  it('a copy inside Longhand is taken too and pasted by the editor itself, through the sanitizer, once it is there', async () => {
    const html = copiedHtml([{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kopiert' }] }])
    vi.resetModules()
    const fresh = await import('../../../renderer/transfer/paste')
    const sanitized: string[] = []
    const early = appEditor(
      { type: 'doc', content: [{ type: 'paragraph' }] },
      {
        language: 'en',
        extensions: [fresh.pasteConversion(backend.api, (e) => imageErrors.push(e))],
        editorProps: { transformPastedHTML: (h) => (sanitized.push(h), fresh.sanitizePastedHtml(h)) },
      },
    )
    try {
      const event = { clipboardData: { files: [], getData: (type: string) => ({ 'text/html': html, 'text/plain': 'Kopiert' })[type] ?? '' } } as unknown as ClipboardEvent
      const view = early.view
      expect(view.someProp('handlePaste', (handle) => handle(view, event, Slice.empty))).toBe(true)
      expect(sanitized).toEqual([])
      await fresh.loadPasteConverters()
      await vi.waitFor(() => expect(early.getJSON().content?.map((n) => n.type)).toContain('heading'))
      expect(sanitized).toHaveLength(1)
    } finally {
      early.destroy()
    }
  })

  it('HTML the editor parses itself before the sanitizer arrived (a drop) keeps its text only', async () => {
    vi.resetModules()
    const fresh = await import('../../../renderer/transfer/paste')
    const early = fresh.sanitizePastedHtml('<p>Hallo <b>Welt</b><img src=x onerror="alert(1)"></p><script>alert(2)</script><style>p{}</style><p>Zwei</p>')
    expect(early).toBe('<p>Hallo Welt</p><p>Zwei</p>')
    await fresh.loadPasteConverters()
    expect(fresh.sanitizePastedHtml('<p>Hallo <b>Welt</b><img src=x onerror="alert(1)"></p>')).toBe('<p>Hallo <b>Welt</b><img src="x"></p>')
  })
})
