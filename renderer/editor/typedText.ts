import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { followBrowserCaret } from './browserCaret'

/**
 * Typed characters go into the text through ProseMirror, not through the browser's editing.
 *
 * ProseMirror's default for a key typed into text is to let the browser insert it and read the
 * result back from the DOM. Two reasons not to:
 *
 * - Speed. Chromium's native insertion brings the layout up to date, runs its typing command
 *   and fires textInput/beforeinput/input before ProseMirror even starts: about 4 ms of every
 *   keystroke in a 100,000-word draft with proofing marks (tests/bench/editor.bench.ts). Taking
 *   the keypress, ProseMirror writes the one changed text node itself.
 * - Correctness. Into an empty textblock (`<p><br></p>`, e.g. right after Enter) Chromium
 *   sometimes inserts the character but leaves the DOM caret in front of it — when another task
 *   ran between the Enter and the key, as happens all the time on a busy machine. ProseMirror
 *   then put its caret before the character and the rest of the word landed in front of it:
 *   "Die Brücke" was stored as "ie BrückeD" (tests/e2e/typing-after-enter.test.ts).
 *
 * The text goes through the same `handleTextInput` hook as native typing, so input rules and
 * smart quotes run as before, and `insertText` keeps marks chosen before typing. Left to the
 * browser: IME composition (dead keys, Asian input), spell-check replacements, Enter and
 * every key with Ctrl/Cmd (ProseMirror's keymaps and the browser's shortcuts).
 *
 * DO NOT move the insertion out of the key event (to the next animation frame) to spare the
 * ~3 ms Chromium spends at 100,000 words re-reading the whole text for the input method after a
 * selection change made during a key event: tried and measured side by side (traces, n=60 a
 * side; latency n=212) — that cost goes, an extra frame per key comes (CPU per key 15.4 vs
 * 15.3 ms), the latency moved within the noise, and the input method's view of the text around
 * the caret would go stale until the next caret move.
 */
export const TypedText = Extension.create({
  name: 'typedText',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('typedText'),
        props: {
          // ProseMirror calls this for a character key (not during composition, not with
          // Ctrl/Cmd) and prevents the browser's insertion when it returns true.
          handleKeyPress: (view, event) => isCharacter(event.key) && typeText(view, event.key),
          handleDOMEvents: {
            // Keymap commands (Enter, Backspace, Delete, Ctrl+B, Tab...) act on the editor's
            // selection: bring it to the browser's caret first, or a key right after an arrow acts
            // where the caret was before it ("Aber", ←←, Enter gave "Aber" + an empty line;
            // Shift+Ctrl+←, Ctrl+B made nothing bold).
            keydown: (view, event) => {
              if (!MODIFIER_KEYS.has(event.key) && event.keyCode !== 229 && !event.isComposing && !view.composing && view.editable) followBrowserCaret(view)
              return false
            },
            // Text inserted without a keypress (an emoji picker, dictation, a test's insertText).
            beforeinput: (view, event) => {
              const input = event as InputEvent
              if (input.inputType !== 'insertText' || input.isComposing || !input.data || /[\r\n]/.test(input.data)) return false
              if (!typeText(view, input.data)) return false
              input.preventDefault()
              return true
            },
          },
        },
      }),
    ]
  },
})

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock'])

/** A printable character; named keys ("Enter", "Dead") and control characters are not text. */
function isCharacter(key: string): boolean {
  return [...key].length === 1 && !/\p{Cc}/u.test(key)
}

/** Text typed or picked, inserted over the selection; false leaves it to the browser. */
function typeText(view: EditorView, text: string): boolean {
  if (view.composing || !view.editable) return false
  if (!followBrowserCaret(view)) return false
  const { selection } = view.state
  if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to)) return false
  if (!selection.$from.parent.isTextblock) return false
  const { from, to } = selection
  const insert = () => view.state.tr.insertText(text, from, to)
  if (!view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert))) view.dispatch(insert().scrollIntoView())
  return true
}
