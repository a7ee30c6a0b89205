import type { Editor } from '@tiptap/core'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { appEditor } from '../support/editor'

/**
 * Ctrl+End / Ctrl+Home go to the very end / start of the text (with Shift: select to there).
 * In Chromium the browser's own handling stopped at the start of the last paragraph when
 * off-screen blocks skip layout (tests/e2e/long-draft.test.ts shows it in a real browser).
 */
let editor: Editor

beforeEach(() => {
  editor = appEditor({
    type: 'doc',
    content: ['Erster Absatz.', 'Zweiter Absatz.', 'Letzter Absatz.'].map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  })
  editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize + 3)
})
afterEach(() => editor.destroy())

function press(key: 'Home' | 'End', shiftKey = false): boolean {
  const event = new KeyboardEvent('keydown', { key, ctrlKey: true, shiftKey, bubbles: true, cancelable: true })
  editor.view.dom.dispatchEvent(event)
  return event.defaultPrevented
}

it('Ctrl+End puts the caret after the last character, Ctrl+Home before the first', () => {
  const end = editor.state.doc.content.size - 1
  expect(press('End')).toBe(true)
  expect([editor.state.selection.from, editor.state.selection.to]).toEqual([end, end])
  expect(press('Home')).toBe(true)
  expect([editor.state.selection.from, editor.state.selection.to]).toEqual([1, 1])
})

it('with Shift, selects from the caret to the end', () => {
  const caret = editor.state.selection.from
  expect(press('End', true)).toBe(true)
  expect(editor.state.selection.anchor).toBe(caret)
  expect(editor.state.selection.head).toBe(editor.state.doc.content.size - 1)
  expect(editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to, '\n')).toBe('eiter Absatz.\nLetzter Absatz.')
})
