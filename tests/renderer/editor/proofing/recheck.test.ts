import type { Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { proofingCounts, proofingFindings, proofingKey } from '../../../../renderer/editor/proofing/proofingExtension'
import { proofedEditor } from './proofedEditor'

/**
 * A re-check after a keystroke touches only what the keystroke changed: the worker gets the
 * edited paragraph, the other paragraphs keep their decorations (mapped, not rebuilt), and the
 * counts the dock shows stay those of the whole draft.
 */
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const DOC = {
  type: 'doc',
  content: [paragraph('I recieve letters every week.'), paragraph('The second paragraph is fine.'), paragraph('The third one has a typo: paragrap.')],
}

const setUp = () => proofedEditor(DOC, { style: false })

const specsIn = (e: Editor, index: number) => {
  let from = 0
  for (let i = 0; i < index; i++) from += e.state.doc.child(i).nodeSize
  const to = from + e.state.doc.child(index).nodeSize
  return (proofingKey.getState(e.state)?.find(from, to) ?? []).map((d) => d.spec)
}

describe('proofing re-check after a keystroke', () => {
  it('sends only the edited paragraph and keeps the other paragraphs’ decorations', async () => {
    const { e, sent, rounds } = setUp()
    await expect.poll(() => proofingFindings(e.view).length, { timeout: 15_000 }).toBe(2)
    const first = specsIn(e, 0)
    const third = specsIn(e, 2)
    expect(first).toHaveLength(1)
    expect(third).toHaveLength(1)

    const end = e.state.doc.child(0).nodeSize + e.state.doc.child(1).nodeSize - 1
    e.commands.insertContentAt(end, ' Teh')
    await expect.poll(() => proofingFindings(e.view).map((f) => e.state.doc.textBetween(f.from, f.to)), { timeout: 15_000 }).toEqual(['recieve', 'Teh', 'paragrap'])

    expect(sent.at(-1)).toEqual(['The second paragraph is fine. Teh'])
    expect(rounds.at(-1)).toBe(1)
    // The same decoration specs: mapped through the edit, not created again.
    expect(specsIn(e, 0)).toEqual(first)
    expect(specsIn(e, 0)[0]).toBe(first[0])
    expect(specsIn(e, 2)[0]).toBe(third[0])
    // "Teh" is where the caret is: marked once the caret leaves it.
    expect(e.view.dom.querySelectorAll('.proof-spelling')).toHaveLength(2)
    e.commands.setTextSelection(1)
    expect(e.view.dom.querySelectorAll('.proof-spelling')).toHaveLength(3)
    expect(proofingCounts(e.view)).toEqual({ spelling: 3, style: 0 })
  })

  it('removes a fixed mark and keeps the counts of the whole draft through edits, splits and deletions', async () => {
    const { e } = setUp()
    await expect.poll(() => proofingCounts(e.view).spelling, { timeout: 15_000 }).toBe(2)
    // Fix "recieve" → "receive".
    const start = 1 + 'I '.length
    e.commands.insertContentAt({ from: start, to: start + 'recieve'.length }, 'receive')
    await expect.poll(() => proofingFindings(e.view).map((f) => e.state.doc.textBetween(f.from, f.to)), { timeout: 15_000 }).toEqual(['paragrap'])
    expect(proofingCounts(e.view)).toEqual({ spelling: 1, style: 0 })
    // A new paragraph with two typos, then the first paragraph deleted.
    e.commands.insertContentAt(e.state.doc.content.size, paragraph('Anoter wrod.'))
    await expect.poll(() => proofingCounts(e.view).spelling, { timeout: 15_000 }).toBe(3)
    e.commands.deleteRange({ from: 0, to: e.state.doc.child(0).nodeSize })
    await expect.poll(() => proofingFindings(e.view).map((f) => e.state.doc.textBetween(f.from, f.to)), { timeout: 15_000 }).toEqual(['paragrap', 'Anoter', 'wrod'])
    expect(proofingCounts(e.view)).toEqual({ spelling: 3, style: 0 })
    expect(e.view.dom.querySelectorAll('.proof-spelling')).toHaveLength(3)
  })

  it('drops the mark an edit touches at once and shows the re-checked one when the caret leaves the word', async () => {
    const { e } = setUp()
    await expect.poll(() => proofingCounts(e.view).spelling, { timeout: 15_000 }).toBe(2)
    // Typing inside "recieve": its mark goes with the keystroke, the other paragraph keeps its own.
    e.commands.insertContentAt(1 + 'I reci'.length, 'e')
    expect(specsIn(e, 0)).toHaveLength(0)
    expect(specsIn(e, 2)).toHaveLength(1)
    await expect.poll(() => proofingFindings(e.view).map((f) => e.state.doc.textBetween(f.from, f.to)), { timeout: 15_000 }).toEqual(['recieeve', 'paragrap'])
    // The caret is still in the word: its mark waits until the caret moves on.
    expect(specsIn(e, 0)).toHaveLength(0)
    e.commands.setTextSelection(e.state.doc.content.size - 1)
    expect(specsIn(e, 0)).toHaveLength(1)
  })
})
