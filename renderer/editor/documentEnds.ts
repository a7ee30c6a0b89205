import { Extension } from '@tiptap/core'
import { Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { isMac } from '../app/keys'

/**
 * Ctrl+Home / Ctrl+End (Cmd+↑ / Cmd+↓ on a Mac), with Shift to select: to the very start or
 * end of the text, through ProseMirror rather than the browser.
 *
 * DO NOT leave these to Chromium: off-screen blocks skip layout (`content-visibility: auto`,
 * renderer/styles/editor.css), and Chromium's "end of document" then stops at the START of
 * the last paragraph — in a long draft Ctrl+End put the caret one paragraph too early.
 */
export const DocumentEnds = Extension.create({
  name: 'documentEnds',
  addKeyboardShortcuts() {
    const to = (end: 'start' | 'end', extend: boolean) => () => {
      const { state, view } = this.editor
      view.dispatch(moveToDocumentEnd(state, end, extend).scrollIntoView())
      return true
    }
    const keys: Record<string, () => boolean> = {
      'Ctrl-Home': to('start', false),
      'Ctrl-End': to('end', false),
      'Shift-Ctrl-Home': to('start', true),
      'Shift-Ctrl-End': to('end', true),
    }
    if (isMac()) {
      Object.assign(keys, {
        'Mod-ArrowUp': to('start', false),
        'Mod-ArrowDown': to('end', false),
        'Shift-Mod-ArrowUp': to('start', true),
        'Shift-Mod-ArrowDown': to('end', true),
      })
    }
    return keys
  },
})

export function moveToDocumentEnd(state: EditorState, end: 'start' | 'end', extend: boolean): Transaction {
  const target = end === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc)
  const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target
  return state.tr.setSelection(selection)
}
