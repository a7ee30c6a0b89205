import { beforeAll, describe, expect, test } from 'vitest'
import { decodeText, importFile, importKindOf, textToDoc, type ImportOutcome } from '@shared/export'
import { br, doc, h, img, link, p, PNG_BASE64, PNG_DATA_URL, t } from './support/doc'
import { expectEditorDoc, loadEditorSchema, type EditorSchema } from './support/editor-schema'
import { testWindow } from './support/window'

const win = testWindow()
let editor: EditorSchema
beforeAll(async () => {
  editor = await loadEditorSchema()
})

const utf8 = (text: string) => new TextEncoder().encode(text)
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    bytes.push(...(endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]))
  }
  return new Uint8Array(bytes)
}

function ok(outcome: ImportOutcome) {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`)
  expectEditorDoc(editor, outcome.draft.doc)
  return outcome.draft
}

describe('importFile', () => {
  test('the kind comes from the extension', () => {
    expect(['a.md', 'b.MARKDOWN', 'c.html', 'd.htm', 'e.txt', 'f.pdf', 'g', '.md.exe'].map(importKindOf)).toEqual(['markdown', 'markdown', 'html', 'html', 'text', null, null, null])
  })

  test('Markdown: front matter fills the metadata', () => {
    const draft = ok(importFile({ name: 'post.md', bytes: utf8('---\ntitle: Hallo\ntags: [a]\nstatus: published\ndate: 2024-01-02\n---\n# Heading\n\nText') }, win))
    expect(draft).toEqual({
      kind: 'markdown',
      encoding: 'utf-8',
      doc: doc(h(1, t('Heading')), p(t('Text'))),
      meta: { title: 'Hallo', tags: ['a'], status: 'published', createdAt: Date.UTC(2024, 0, 2) },
    })
  })

  test('title: front matter, else the first level-1 heading, else the file name', () => {
    expect(ok(importFile({ name: 'x.md', bytes: utf8('# From heading\n\nbody') }, win)).meta.title).toBe('From heading')
    expect(ok(importFile({ name: 'dir/Mein Entwurf.txt', bytes: utf8('body') }, win)).meta.title).toBe('Mein Entwurf')
    expect(ok(importFile({ name: 'page.html', bytes: utf8('<title>From title</title><h1>H</h1>') }, win)).meta.title).toBe('From title')
  })

  test('plain text: blank lines separate paragraphs, single newlines are line breaks', () => {
    expect(ok(importFile({ name: 'a.txt', bytes: utf8('one\r\ntwo\r\n\r\n\r\nthree *not md*\n') }, win)).doc).toEqual(doc(p(t('one'), br(), t('two')), p(t('three *not md*'))))
  })

  test('HTML: sanitized and converted', () => {
    const draft = ok(importFile({ name: 'a.html', bytes: utf8('<html lang="de"><body><p onclick="x()">Hi <script>alert(1)</script><b>you</b></p></body></html>') }, win))
    expect(draft.doc).toEqual(doc(p(t('Hi '), t('you', 'bold'))))
    expect(draft.meta.language).toBe('de')
  })

  test('relative images are resolved through the caller', () => {
    const draft = ok(importFile({ name: 'a.md', bytes: utf8('![a](images/a.png)') }, win, { resolveImage: () => ({ mime: 'image/png', dataBase64: PNG_BASE64 }) }))
    expect(draft.doc).toEqual(doc(img(PNG_DATA_URL, 'a')))
  })

  test('encodings: UTF-8 with BOM, UTF-16 LE/BE with and without BOM, Windows-1252', () => {
    const text = 'Grüße, Straße – “quoted”'
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({ text, encoding: 'utf-8' })
    expect(decodeText(utf16(text, 'le', true))).toEqual({ text, encoding: 'utf-16le' })
    expect(decodeText(utf16(text, 'be', true))).toEqual({ text, encoding: 'utf-16be' })
    expect(decodeText(utf16(text, 'le', false))).toEqual({ text, encoding: 'utf-16le' })
    expect(decodeText(utf16(text, 'be', false))).toEqual({ text, encoding: 'utf-16be' })
    // "Grüße" as Windows-1252: ü = 0xFC, ß = 0xDF (invalid as UTF-8).
    expect(decodeText(new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]))).toEqual({ text: 'Grüße', encoding: 'windows-1252' })
    const imported = ok(importFile({ name: 'a.txt', bytes: utf16('Hallo Welt', 'le', true) }, win))
    expect(imported.doc).toEqual(doc(p(t('Hallo Welt'))))
  })

  test('unsupported types create nothing', () => {
    expect(importFile({ name: 'a.pdf', bytes: utf8('%PDF') }, win)).toEqual({ ok: false, error: { code: 'unsupported-type', message: expect.any(String) } })
  })

  test('files over the limit create nothing', () => {
    const outcome = importFile({ name: 'a.md', bytes: new Uint8Array(21 * 1024 * 1024) }, win)
    expect(outcome.ok === false && outcome.error.code).toBe('too-large')
    expect(importFile({ name: 'a.md', bytes: utf8('12345') }, win, { maxBytes: 4 }).ok).toBe(false)
  })

  test('binary data creates nothing', () => {
    const png = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0))
    const outcome = importFile({ name: 'image.md', bytes: png }, win)
    expect(outcome.ok === false && outcome.error.code).toBe('not-text')
    const controls = importFile({ name: 'a.txt', bytes: new Uint8Array(200).fill(0x01) }, win)
    expect(controls.ok === false && controls.error.code).toBe('not-text')
  })

  test('broken front matter creates nothing', () => {
    const outcome = importFile({ name: 'a.md', bytes: utf8('---\ntitle: "unclosed\ntags: [\n---\nbody') }, win)
    expect(outcome.ok === false && outcome.error.code).toBe('malformed')
  })

  test('an empty file is an empty draft named after the file', () => {
    expect(ok(importFile({ name: 'leer.md', bytes: new Uint8Array() }, win))).toEqual({ kind: 'markdown', encoding: 'utf-8', doc: doc(p()), meta: { tags: [], title: 'leer' } })
  })

  test('remote images in a Markdown file stay links', () => {
    expect(ok(importFile({ name: 'a.md', bytes: utf8('![x](http://tracker.example/pixel.gif)') }, win)).doc).toEqual(doc(p(t('x', link('http://tracker.example/pixel.gif')))))
  })
})

test('textToDoc drops control characters', () => {
  expect(textToDoc('a\u0000b\u001bc')).toEqual(doc(p(t('abc'))))
})
