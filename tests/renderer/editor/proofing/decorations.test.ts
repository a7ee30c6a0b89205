import type { Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '@shared/domain'
import { countWords, docToPlainText } from '@shared/text/words'
import { proofingFindings } from '../../../../renderer/editor/proofing/proofingExtension'
import { proofedEditor } from './proofedEditor'

const DOC = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'I recieve letters. It is really a game changer. Run ' }, { type: 'text', text: 'npm instal', marks: [{ type: 'code' }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'The the second paragrap.' }] },
  ],
}

const setUp = (options: Parameters<typeof proofedEditor>[1] = {}) => proofedEditor(DOC, options).e

async function marksOf(e: Editor) {
  await expect.poll(() => proofingFindings(e.view).length, { timeout: 15_000 }).toBeGreaterThan(0)
  return proofingFindings(e.view).map((f) => [f.kind, e.state.doc.textBetween(f.from, f.to)])
}

describe('proofing decorations', () => {
  it('mark spelling and style in the view, skipping code', async () => {
    const e = setUp()
    const marks = await marksOf(e)
    expect(marks).toEqual(
      expect.arrayContaining([
        ['spelling', 'recieve'],
        ['filler', 'really'],
        ['cliche', 'game changer'],
        ['repeated-word', 'The the'],
        ['spelling', 'paragrap'],
      ]),
    )
    expect(marks.some(([, text]) => text!.includes('instal'))).toBe(false)
    expect(e.view.dom.querySelectorAll('.proof-spelling').length).toBe(2)
  })

  it('never change the document, its JSON, its HTML or its word count', async () => {
    const e = setUp()
    const before = { json: JSON.stringify(e.getJSON()), words: countWords(docToPlainText(e.getJSON() as DocNode)) }
    await marksOf(e)
    expect(JSON.stringify(e.getJSON())).toBe(before.json)
    expect(e.getJSON()).toEqual(DOC)
    expect(countWords(docToPlainText(e.getJSON() as DocNode))).toBe(before.words)
    expect(e.getHTML()).not.toContain('proof-')
    // Undo has nothing to undo: the marks are not steps in the history.
    expect(e.can().undo()).toBe(false)
  })

  it('leave words of my dictionary and the ignored ones alone, and style off means spelling only', async () => {
    const e = setUp({ words: ['recieve'], ignored: ['paragrap'], style: false })
    await expect.poll(() => e.view.dom.querySelectorAll('.proof-style').length + proofingFindings(e.view).length, { timeout: 15_000 }).toBe(0)
    e.commands.insertContentAt(1, 'Teh ')
    await expect.poll(() => proofingFindings(e.view).map((f) => e.state.doc.textBetween(f.from, f.to)), { timeout: 15_000 }).toEqual(['Teh'])
  })
})
