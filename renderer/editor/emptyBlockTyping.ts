import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Types the first character of an empty line through ProseMirror instead of the browser.
 *
 * ProseMirror lets the browser insert typed text and reads the result back from the DOM,
 * caret included. Into an empty textblock (`<p><br></p>`, e.g. right after Enter) Chromium
 * sometimes inserts the character but leaves the DOM caret in front of it — when another task
 * ran between the Enter and the key, as happens all the time on a busy machine. ProseMirror
 * then puts its caret before the character and the rest of the word lands in front of it:
 * "Die Brücke" was stored as "ie BrückeD". Inserting that one character ourselves (through
 * the same `handleTextInput` hook the input rules and smart quotes use) never asks the DOM
 * where the caret went. Everything else — later characters, IME composition, spell-check
 * replacements — stays native.
 */
export const EmptyBlockTyping = Extension.create({
  name: 'emptyBlockTyping',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('emptyBlockTyping'),
        props: {
          handleDOMEvents: {
            beforeinput: (view, event) => insertIntoEmptyBlock(view, event as InputEvent),
          },
        },
      }),
    ]
  },
})

function insertIntoEmptyBlock(view: EditorView, event: InputEvent): boolean {
  const text = event.data
  if (event.inputType !== 'insertText' || !text || event.isComposing || view.composing || !view.editable) return false
  const { selection } = view.state
  if (!(selection instanceof TextSelection) || !selection.empty) return false
  const { parent } = selection.$from
  if (!parent.isTextblock || parent.content.size > 0) return false
  const { from, to } = selection
  const insert = () => view.state.tr.insertText(text, from, to)
  if (!view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert))) {
    view.dispatch(insert().scrollIntoView())
  }
  event.preventDefault()
  return true
}
