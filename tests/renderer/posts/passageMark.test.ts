import type { Editor } from '@tiptap/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addPassageMark, passageRanges, removePassageMark } from '../../../renderer/posts/passageMark'
import { appEditor } from '../support/editor'

/**
 * A passage is marked (and unmarked) when the backend answers, not when the author acts: a click
 * the browser has already carried out but ProseMirror has not read yet (it reads the caret from
 * `selectionchange`, a task later) must not be undone by that update.
 */
let editor: Editor
let element: HTMLElement

beforeEach(() => {
  element = document.createElement('div')
  document.body.append(element)
  editor = appEditor(
    {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Der erste Absatz wird zur Passage.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Hier klickt die Autorin hin.' }] },
      ],
    },
    { element },
  )
  editor.view.focus()
  editor.commands.setTextSelection({ from: 1, to: 35 })
})
afterEach(() => {
  editor.destroy()
  element.remove()
})

/** The browser's caret moved into the second paragraph, as a click does, before ProseMirror hears of it. */
function clickIntoSecondParagraph(): number {
  const text = editor.view.dom.querySelectorAll('p')[1]!.firstChild!
  document.getSelection()!.collapse(text, 5)
  return editor.view.posAtDOM(text, 5)
}

describe('marking a passage when the answer comes', () => {
  it('keeps a click made meanwhile', () => {
    const clicked = clickIntoSecondParagraph()
    addPassageMark(editor, { from: 1, to: 35 }, 7)
    expect(passageRanges(editor.state.doc, 7)).toEqual([{ from: 1, to: 35 }])
    expect(editor.state.selection.head).toBe(clicked)
    expect(document.getSelection()!.anchorNode!.textContent).toBe('Hier klickt die Autorin hin.')
  })

  it('keeps a click made meanwhile when the mark is taken away', () => {
    addPassageMark(editor, { from: 1, to: 35 }, 7)
    const clicked = clickIntoSecondParagraph()
    removePassageMark(editor, 7)
    expect(passageRanges(editor.state.doc, 7)).toEqual([])
    expect(editor.state.selection.head).toBe(clicked)
  })
})
