import type { Editor } from '@tiptap/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appEditor } from '../support/editor'

/**
 * Typed characters go into the text through ProseMirror, not the browser's editing (see
 * renderer/editor/typedText.ts; tests/e2e/typing-after-enter.test.ts shows the Chromium race on
 * an empty line, tests/e2e/typed-text.test.ts real keys, undo and an IME composition). Here:
 * that path does what native typing did — input rules, marks chosen before typing, typing over
 * a selection — and leaves compositions, shortcuts and Enter alone.
 */
let editor: Editor
let element: HTMLElement

beforeEach(() => {
  // In the page and focused: ProseMirror keeps the browser's selection where its own is, and
  // the editor types where the browser's caret is.
  element = document.createElement('div')
  document.body.append(element)
  editor = appEditor({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Über Brücken' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Ein Satz.' }] },
    ],
  }, { element })
  editor.view.focus()
  editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize - 1)
})
afterEach(() => {
  editor.destroy()
  element.remove()
})

/** The keypress Chromium fires for a character key; true when the editor took it over (the browser inserts nothing). */
function pressKey(key: string, init: KeyboardEventInit = {}): boolean {
  const event = new KeyboardEvent('keypress', { key, charCode: key.length === 1 ? key.charCodeAt(0) : key === 'Enter' ? 13 : 0, bubbles: true, cancelable: true, ...init })
  editor.view.dom.dispatchEvent(event)
  return event.defaultPrevented
}

/** A keydown the editor's keymap may handle; true when it did (the browser does nothing). */
function keyDown(key: string, init: KeyboardEventInit = {}): boolean {
  const keyCode = { Enter: 13, Backspace: 8, Delete: 46 }[key] ?? key.toUpperCase().charCodeAt(0)
  const event = new KeyboardEvent('keydown', { key, keyCode, bubbles: true, cancelable: true, ...init })
  editor.view.dom.dispatchEvent(event)
  return event.defaultPrevented
}

/** What Chromium fires before it would insert text without a keypress (an emoji picker, dictation, an IME's result). */
function beforeInput(data: string, inputType = 'insertText'): boolean {
  const event = new InputEvent('beforeinput', { inputType, data, bubbles: true, cancelable: true })
  editor.view.dom.dispatchEvent(event)
  return event.defaultPrevented
}

const headingText = () => editor.state.doc.child(0).textContent

describe('a typed character', () => {
  it('is inserted by the editor at the caret, with the caret after it', () => {
    editor.commands.setTextSelection(5) // "Über| Brücken"
    expect(pressKey('n')).toBe(true)
    expect(headingText()).toBe('Übern Brücken')
    expect(editor.state.selection.from).toBe(6)
  })

  it("goes where the browser's caret is now, even before ProseMirror has heard that an arrow key moved it", () => {
    // The browser moved the caret two characters left ("Über Brück|en"); selectionchange comes a task later.
    const text = editor.view.dom.querySelector('h2')!.firstChild!
    document.getSelection()!.collapse(text, 10)
    expect(pressKey('x')).toBe(true)
    expect(headingText()).toBe('Über Brückxen')
  })

  it("Enter and Backspace act where the browser's caret is, even before ProseMirror has heard that an arrow key moved it", () => {
    // "Aber|" ←← Enter: the keymap's splitBlock read the stale selection and split after "Brücken".
    const heading = editor.view.dom.querySelector('h2')!.firstChild!
    document.getSelection()!.collapse(heading, 4) // "Über| Brücken"
    expect(keyDown('Enter')).toBe(true)
    expect(editor.state.doc.child(0).textContent).toBe('Über')
    expect(editor.state.doc.child(1).textContent).toBe(' Brücken')
    // Home on the next line, then Backspace joins it to this one (not a no-op at the old caret).
    const paragraph = editor.view.dom.querySelectorAll('h2')[1]!.firstChild!
    document.getSelection()!.collapse(paragraph, 0)
    expect(keyDown('Backspace')).toBe(true)
    expect(headingText()).toBe('Über Brücken')
  })

  it('a shortcut acts on the text the browser selected, even before ProseMirror has heard of the selection', () => {
    // Shift+Ctrl+← selected "Brücken" in the browser; Ctrl+B came before selectionchange.
    const heading = editor.view.dom.querySelector('h2')!.firstChild!
    document.getSelection()!.setBaseAndExtent(heading, 12, heading, 5)
    expect(keyDown('b', { ctrlKey: true })).toBe(true)
    expect(editor.view.dom.querySelector('h2 strong')?.textContent).toBe('Brücken')
  })

  it('replaces the selected text', () => {
    editor.commands.setTextSelection({ from: 6, to: 13 }) // "Brücken"
    expect(pressKey('W')).toBe(true)
    expect(headingText()).toBe('Über W')
  })

  it('runs the input rules like native typing: German quotes', () => {
    pressKey(' ')
    pressKey('"')
    for (const ch of 'Ja') pressKey(ch)
    pressKey('"')
    expect(headingText()).toBe('Über Brücken „Ja“')
  })

  it('keeps a mark chosen before typing', () => {
    editor.commands.toggleBold()
    pressKey('!')
    expect(editor.getJSON().content?.[0]?.content?.at(-1)).toEqual({ type: 'text', text: '!', marks: [{ type: 'bold' }] })
  })

  it('is a character typed with AltGr (Ctrl+Alt on Windows), e.g. @ and €', () => {
    expect(pressKey('@', { ctrlKey: true, altKey: true })).toBe(true)
    expect(pressKey('€', { ctrlKey: true, altKey: true })).toBe(true)
    expect(headingText()).toBe('Über Brücken@€')
  })

  it('leaves shortcuts, Enter and compositions alone', () => {
    expect(pressKey('b', { ctrlKey: true })).toBe(false)
    expect(pressKey('Enter')).toBe(false)
    editor.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }))
    expect(pressKey('a')).toBe(false)
    expect(headingText()).toBe('Über Brücken')
  })

  it('is not inserted into a read-only text', () => {
    editor.setEditable(false)
    expect(pressKey('x')).toBe(false)
    expect(headingText()).toBe('Über Brücken')
  })
})

describe('text inserted without a keypress', () => {
  it('goes in through the editor too, an emoji as one piece', () => {
    editor.commands.setTextSelection(editor.state.doc.content.size - 1)
    expect(beforeInput('👩‍🏫')).toBe(true)
    expect(editor.state.doc.child(1).textContent).toBe('Ein Satz.👩‍🏫')
  })

  it('goes into an empty line after Enter', () => {
    editor.commands.enter()
    expect(beforeInput('D')).toBe(true)
    expect(editor.state.doc.child(1).textContent).toBe('D')
    expect(editor.state.selection.from).toBe(editor.state.doc.child(0).nodeSize + 2)
  })

  it('leaves compositions, spelling replacements and line breaks to the browser', () => {
    expect(beforeInput('ü', 'insertCompositionText')).toBe(false)
    expect(beforeInput('Brücke', 'insertReplacementText')).toBe(false)
    expect(beforeInput('a\nb')).toBe(false)
    expect(headingText()).toBe('Über Brücken')
  })
})
