import { afterEach, describe, expect, it } from 'vitest'
import type { EditorDoc } from '@shared/domain'
import { blocksPatch, storedBase } from '../../../renderer/editor/blockPatch'
import { appEditor } from '../support/editor'

const editors: { destroy(): void }[] = []
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

function opened(stored: EditorDoc) {
  const editor = appEditor(structuredClone(stored))
  editors.push(editor)
  return editor
}

const text = (t: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: 'text', ...(marks ? { marks } : {}), text: t })

describe('storedBase (the first patch of an editor opened on a stored body)', () => {
  it('takes every block the editor writes exactly as stored, marks included, and nothing else', () => {
    const stored: EditorDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Titel')] },
        { type: 'paragraph', content: [text('fett', [{ type: 'bold' }]), text(' und '), text('Link', [{ type: 'link', attrs: { href: 'https://example.org/', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }])] },
        { type: 'paragraph' },
        // Written without the attributes the editor always writes: not as stored.
        { type: 'image', attrs: { src: 'data:image/png;base64,iVBORw0KGgo=' } },
        { type: 'heading', attrs: { level: 3 }, content: [text('Anders')] },
      ],
    }
    const editor = opened(stored)
    const json = editor.getJSON() as EditorDoc
    const base = storedBase(editor.state.doc, stored)!
    const asStored = json.content.map((block, i) => JSON.stringify(block) === JSON.stringify(stored.content[i]))
    expect(base.map((b, i) => b === editor.state.doc.child(i))).toEqual(asStored)
    expect(asStored).toEqual([true, true, true, false, true])
    // The first patch, with no edit at all, rewrites exactly the blocks that differ.
    expect(blocksPatch(base, editor.state.doc)!.splices).toEqual([{ from: 3, deleteCount: 1, blocks: [json.content[3]] }])
  })

  it('tells key order and attribute values apart, as the stored bytes would', () => {
    const stored: EditorDoc = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [text('A')] }] }
    const editor = opened(stored)
    expect(storedBase(editor.state.doc, { type: 'doc', content: [{ type: 'heading', attrs: { level: 3 }, content: [text('A')] }] })![0]).not.toBe(editor.state.doc.child(0))
    expect(storedBase(editor.state.doc, { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [text('B')] }] })![0]).not.toBe(editor.state.doc.child(0))
    expect(storedBase(editor.state.doc, { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [text('A', [{ type: 'bold' }])] }] })![0]).not.toBe(
      editor.state.doc.child(0),
    )
    expect(storedBase(editor.state.doc, { type: 'doc', content: [{ type: 'heading', attrs: { level: 2, x: 1 }, content: [text('A')] }] })![0]).not.toBe(
      editor.state.doc.child(0),
    )
    expect(storedBase(editor.state.doc, stored)![0]).toBe(editor.state.doc.child(0))
  })

  it('rewrites the blocks main names as not stored the way it sent them, however the editor writes them', () => {
    const stored: EditorDoc = { type: 'doc', content: [{ type: 'paragraph', content: [text('A')] }, { type: 'paragraph', content: [text('B')] }] }
    const editor = opened(stored)
    expect(storedBase(editor.state.doc, stored, [1])).toEqual([editor.state.doc.child(0), expect.not.objectContaining({ type: expect.anything() })])
    expect(blocksPatch(storedBase(editor.state.doc, stored, [1])!, editor.state.doc)!.splices).toEqual([{ from: 1, deleteCount: 1, blocks: [stored.content[1]] }])
  })

  it('gives no base when the blocks do not pair up or the document around them differs: the first save is whole', () => {
    const stored: EditorDoc = { type: 'doc', content: [{ type: 'paragraph', content: [text('A')] }, { type: 'paragraph', content: [text('B')] }] }
    const editor = opened(stored)
    expect(storedBase(editor.state.doc, { type: 'doc', content: [stored.content[0]!] })).toBeNull()
    expect(storedBase(editor.state.doc, { ...stored, attrs: { lang: 'de' } })).toBeNull()
    expect(storedBase(editor.state.doc, stored)).toEqual([editor.state.doc.child(0), editor.state.doc.child(1)])
  })
})
