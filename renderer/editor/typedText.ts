import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

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
 * In a long text the character goes in at the start of the next frame (see LONG_TEXT).
 */
const queuesByView = new WeakMap<EditorView, TypingQueue>()

export const TypedText = Extension.create({
  name: 'typedText',
  addProseMirrorPlugins() {
        const flush = (view: EditorView) => {
      queuesByView.get(view)?.flush()
      return false
    }
    return [
      new Plugin({
        key: new PluginKey('typedText'),
        view(view) {
          const queue = new TypingQueue(view)
          queuesByView.set(view, queue)
          return { destroy: () => queue.destroy() }
        },
        props: {
          // ProseMirror calls this for a character key (not during composition, not with
          // Ctrl/Cmd) and prevents the browser's insertion when it returns true.
          handleKeyPress(view, event) {
            if (!isCharacter(event.key)) return false
            const queue = queuesByView.get(view)
            if (queue && (queue.pending || view.state.doc.content.size > LONG_TEXT) && canType(view)) {
              queue.add(event.key)
              return true
            }
            return typeText(view, event.key)
          },
          handleDOMEvents: {
            // Whatever comes next (Backspace, Enter, an arrow, a click, a paste, a composition)
            // sees the text with every earlier key in it.
            keydown: flush,
            mousedown: flush,
            compositionstart: flush,
            paste: flush,
            cut: flush,
            copy: flush,
            drop: flush,
            blur: flush,
            // Text inserted without a keypress (an emoji picker, dictation, a test's insertText).
            beforeinput: (view, event) => {
              flush(view)
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

/**
 * From this text size on (document positions, about characters) a typed character goes in at
 * the start of the next frame instead of inside its key event.
 *
 * When a script moves the selection while Chromium handles a key event, Chromium afterwards
 * tells the input method the text around the caret (RenderFrameImpl::DidChangeSelection) and,
 * because the text changed, first reads the WHOLE text again: ~3.3 ms of every keystroke at
 * 100,000 words (~800,000 characters), ~0.4 ms at 100,000 characters (tests/bench traces).
 * Outside the key event that read is not done. The input method then learns the surrounding
 * text at the next caret move or click made with a key or the mouse; composing (dead keys,
 * Asian input) is unaffected, it runs on the page's own state. Below this size the character
 * goes in at once, as before.
 */
export const LONG_TEXT = 100_000

/**
 * Characters typed in a long text, inserted in order at the start of the next frame (an
 * animation-frame callback runs outside the key event and before the frame's layout and paint,
 * so the character is in the very frame that would have shown it), or earlier when another
 * event comes.
 */
class TypingQueue {
  private queued: string[] = []
  private frame: number | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private destroyed = false

  constructor(private readonly view: EditorView) {}

  get pending(): boolean {
    return this.queued.length > 0
  }

  add(text: string) {
    this.queued.push(text)
    if (this.queued.length > 1) return
    this.frame = requestAnimationFrame(() => this.flush())
    // A window the system does not draw (covered, minimised) gets no frames: never leave a
    // typed character waiting for one.
    this.timer = setTimeout(() => this.flush(), FRAMELESS_FLUSH_MS)
  }

  flush() {
    if (this.frame !== null) cancelAnimationFrame(this.frame)
    if (this.timer !== null) clearTimeout(this.timer)
    this.frame = null
    this.timer = null
    if (this.destroyed || this.queued.length === 0) return
    const queued = this.queued
    this.queued = []
    for (const text of queued) {
      // The selection may have become something else than a caret in text (an image selected by
      // an input rule): insert as ProseMirror's own keypress handler would then.
      if (!typeText(this.view, text)) this.view.dispatch(this.view.state.tr.insertText(text).scrollIntoView())
    }
  }

  destroy() {
    // A key typed in the very moment the editor goes (a blur or a keydown flushes it otherwise).
    try {
      this.flush()
    } catch {
      // The view is already being torn down: nothing can be inserted any more.
    }
    this.destroyed = true
  }
}

/** How long a typed character may wait for a frame that does not come. */
const FRAMELESS_FLUSH_MS = 50

/** Inserts the characters typed but not yet in the text (before reading the text to save it). */
export function flushTypedText(view: EditorView): void {
  queuesByView.get(view)?.flush()
}

/** A printable character; named keys ("Enter", "Dead") and control characters are not text. */
function isCharacter(key: string): boolean {
  return [...key].length === 1 && !/\p{Cc}/u.test(key)
}

/** A caret or a selection inside one textblock of an editable, not composing view. */
function canType(view: EditorView): boolean {
  if (view.composing || !view.editable) return false
  const { selection } = view.state
  return selection instanceof TextSelection && selection.$from.sameParent(selection.$to) && selection.$from.parent.isTextblock
}

/** Text typed or picked, inserted over the selection; false leaves it to the browser. */
function typeText(view: EditorView, text: string): boolean {
  if (!canType(view)) return false
  const { from, to } = view.state.selection
  const insert = () => view.state.tr.insertText(text, from, to)
  if (!view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert))) view.dispatch(insert().scrollIntoView())
  return true
}
