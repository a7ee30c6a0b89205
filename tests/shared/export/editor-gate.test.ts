import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import type { DocMark, DocNode, EditorDoc } from '@shared/domain'
import { EDITOR_MARKS, EDITOR_NODES, gateEditorDoc } from '@shared/export'
import { allNodes, ASSET_URL, PNG_DATA_URL, doc, h, img, li, link, ol, p, t, ul } from './support/doc'
import { expectEditorDoc, loadEditorSchema, type EditorSchema } from './support/editor-schema'
import { assertProperty } from '../../support/property'

/**
 * The gate main holds on every document the renderer writes (autosave, new drafts, restores):
 * the editor's own JSON passes untouched and unchanged (the very same object, so autosave pays
 * one walk and nothing else); anything else is rebuilt into what the editor holds, with every
 * character of text kept, links and images under the URL policy, passages kept.
 */
let editor: EditorSchema
beforeAll(async () => {
  editor = await loadEditorSchema()
})

/** Every character of text in document order (alt texts of images that stop being images included). */
function textOf(node: DocNode): string {
  return allNodes(node)
    .map((n) => (n.type === 'text' ? (n.text ?? '') : ''))
    .join('')
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0
  for (const char of haystack) if (at < needle.length && char === needle[at]) at++
  return at === needle.length
}

const passage = (passageId: number): DocMark => ({ type: 'passage', attrs: { passageId } })

/** What the editor itself saves: the document through the real schema, with all its default attributes. */
function asEditorSaves(d: EditorDoc): EditorDoc {
  return editor.schema.nodeFromJSON(d).toJSON() as EditorDoc
}

describe('gateEditorDoc', () => {
  test('its schema is the editor’s: the same nodes, marks and attributes Tiptap builds', () => {
    const nodes = Object.fromEntries(Object.entries(editor.schema.nodes).map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {}).sort()]))
    const marks = Object.fromEntries(Object.entries(editor.schema.marks).map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {}).sort()]))
    expect(Object.fromEntries(Object.entries(EDITOR_NODES).map(([name, rule]) => [name, [...rule.attrs].sort()]))).toEqual(nodes)
    expect(Object.fromEntries(Object.entries(EDITOR_MARKS).map(([name, attrs]) => [name, [...attrs].sort()]))).toEqual(marks)
  })

  test('the editor’s own JSON passes as the very same object', () => {
    const own = asEditorSaves(
      doc(
        h(2, t('Über ', 'bold'), t('Brücken', 'bold', 'italic')),
        p(t('Siehe '), t('hier', link('https://example.com/a?b=1')), t(' und '), t('x()', 'code'), t(' Passage', passage(7))),
        img(ASSET_URL, 'Bild', null),
        img(PNG_DATA_URL, null, 'inline'),
        ul(li(p(t('eins'))), li(p(t('zwei')), ol(3, li(p(t('drei')))))),
        { type: 'blockquote', content: [p(t('Zitat'))] },
        { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: 'let a = 1\n<script>' }] },
        { type: 'horizontalRule' },
        p(t('Ende'), { type: 'hardBreak' }, t('neu')),
        p(),
      ),
    )
    expect(JSON.stringify(own)).toContain('"rel":"noopener noreferrer nofollow"')
    expect(gateEditorDoc(own)).toBe(own)
  })

  test('scripts, iframes, handlers and javascript: are gone; text, structure and passages stay', () => {
    const hostile = {
      type: 'doc',
      content: [
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        { type: 'iframe', attrs: { src: 'javascript:alert(1)', srcdoc: '<script>alert(2)</script>' } },
        {
          type: 'paragraph',
          attrs: { onclick: 'alert(3)', style: 'x' },
          content: [
            { type: 'text', text: 'böse', marks: [{ type: 'link', attrs: { href: 'javascript:alert(4)' } }, passage(3)] },
            { type: 'text', text: ' gut', marks: [{ type: 'link', attrs: { href: 'https://ok.example', onmouseover: 'x' } }] },
            { type: 'text', text: ' stil', marks: [{ type: 'style', attrs: { css: 'x' } }] },
          ],
        },
        { type: 'image', attrs: { src: 'https://tracker.example/p.gif', alt: 'Tracker', onerror: 'alert(5)' } },
        h(9, t('Tief')),
        { type: 'embed', content: [p(t('innen'))] },
      ],
    } as EditorDoc
    const gated = gateEditorDoc(hostile)
    expectEditorDoc(editor, gated)
    const json = JSON.stringify(gated)
    expect(json).not.toMatch(/script|iframe|javascript|onclick|onmouseover|onerror|style|embed|srcdoc/)
    expect(textOf(gated)).toBe('alert(1)böse gut stilTrackerTiefinnen')
    expect(allNodes(gated).filter((n) => n.type === 'image')).toEqual([])
    expect(json).toContain('"href":"https://tracker.example/p.gif"')
    expect(json).toContain('{"type":"passage","attrs":{"passageId":3}}')
    expect(gateEditorDoc(gated)).toBe(gated)
  })

  test('random hostile documents: valid in the editor schema, all text kept, idempotent (fixed seed)', () => {
    const type = fc.constantFrom('doc', 'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'codeBlock', 'image', 'hardBreak', 'text', 'script', 'iframe', 'div')
    const markType = fc.constantFrom('bold', 'italic', 'code', 'link', 'passage', 'style', 'script')
    const value = fc.oneof(fc.constantFrom('javascript:alert(1)', 'https://ok.example', 'https://r.example/i.png', ASSET_URL, PNG_DATA_URL, 'x'), fc.integer({ min: -2, max: 9 }), fc.constant(null))
    const attrs = fc.dictionary(fc.constantFrom('href', 'src', 'alt', 'level', 'start', 'language', 'passageId', 'onclick', 'style'), value, { maxKeys: 3 })
    const mark = fc.record({ type: markType, attrs }, { requiredKeys: ['type'] })
    const { node } = fc.letrec<{ node: DocNode }>((tie) => ({
      node: fc.record(
        {
          type,
          attrs,
          text: fc.stringMatching(/^[a-hä<>&"() ]{1,6}$/),
          marks: fc.array(mark, { maxLength: 2 }),
          content: fc.array(tie('node'), { maxLength: 3 }),
        },
        { requiredKeys: ['type'] },
      ) as fc.Arbitrary<DocNode>,
    }))
    const hostileDoc = fc.array(node, { minLength: 1, maxLength: 4 }).map((content): EditorDoc => ({ type: 'doc', content }))
    assertProperty(
      fc.property(hostileDoc, (d) => {
        const gated = gateEditorDoc(d)
        expectEditorDoc(editor, gated)
        expect(gateEditorDoc(gated)).toBe(gated)
        expect(JSON.stringify(gated)).not.toMatch(/"type":"(script|iframe|style)"|"(onclick|style)":|"(href|src)":"javascript/)
        // Every character of text, in order (alt texts of dropped images may come in between).
        const before = allNodes(d).filter((n) => n.type === 'text' && typeof n.text === 'string').map((n) => n.text).join('')
        expect(isSubsequence(before, textOf(gated)), `${before} in ${textOf(gated)}`).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  // Its cost is measured, not asserted: tests/bench/library.bench.ts (autosave of a 100,000-word draft).
  test('a 100,000-word document of the editor passes as it is', () => {
    const words = Array.from({ length: 10 }, (_, i) => `Wort${i}`).join(' ')
    const big = asEditorSaves(doc(...Array.from({ length: 10_000 }, (_, i) => p(t(words), t(` ${i}`, 'bold'), t(' link', link('https://example.com'))))))
    expect(gateEditorDoc(big)).toBe(big)
  })
})
