import type { Editor } from '@tiptap/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushTypedText, LONG_TEXT } from '../../../renderer/editor/typedText'
import { appEditor } from '../support/editor'

/**
 * Typed characters go into the text through ProseMirror, not the browser's editing (see
 * renderer/editor/typedText.ts; tests/e2e/typing-after-enter.test.ts shows the Chromium race on
 * an empty line, tests/e2e/typed-text.test.ts real keys, undo and an IME composition). Here:
 * that path does what native typing did — input rules, marks chosen before typing, typing over
 * a selection — and leaves compositions, shortcuts and Enter alone.
 */
let editor: Editor

beforeEach(() => {
  editor = appEditor({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Über Brücken' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Ein Satz.' }] },
    ],
  })
  editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize - 1)
})
afterEach(() => editor.destroy())

/** The keypress Chromium fires for a character key; true when the editor took it over (the browser inserts nothing). */
function pressKey(key: string, init: KeyboardEventInit = {}): boolean {
  const event = new KeyboardEvent('keypress', { key, charCode: key.length === 1 ? key.charCodeAt(0) : key === 'Enter' ? 13 : 0, bubbles: true, cancelable: true, ...init })
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

describe('in a long text', () => {
  let long: Editor
  beforeEach(() => {
    const text = 'Ein Gespräch auf Augenhöhe ist mehr als ein Austausch von Worten. '.repeat(20)
    long = appEditor({ type: 'doc', content: Array.from({ length: Math.ceil(LONG_TEXT / text.length) + 1 }, () => ({ type: 'paragraph', content: [{ type: 'text', text }] })) })
    long.commands.setTextSelection(3) // "Ei|n"
  })
  afterEach(() => long.destroy())

  const press = (key: string, type = 'keypress') => {
    const event = new KeyboardEvent(type, { key, charCode: type === 'keypress' ? key.charCodeAt(0) : 0, keyCode: key === 'Backspace' ? 8 : 0, bubbles: true, cancelable: true })
    long.view.dom.dispatchEvent(event)
    return event.defaultPrevented
  }
  const start = () => long.state.doc.child(0).textContent.slice(0, 12)

  it('takes the key at once and inserts it at the start of the next frame', async () => {
    expect(long.state.doc.content.size).toBeGreaterThan(LONG_TEXT)
    expect(press('x')).toBe(true)
    expect(press('y')).toBe(true)
    expect(start()).toBe('Ein Gespräch')
    await vi.waitFor(() => expect(start()).toBe('Eixyn Gesprä'))
    expect(long.state.selection.from).toBe(5)
  })

  it('inserts waiting keys before the next key is handled (Backspace, Enter, an arrow: their keydown)', () => {
    press('x')
    press('y')
    press('Backspace', 'keydown')
    expect(start()).toBe('Eixyn Gesprä')
    expect(long.state.selection.from).toBe(5)
  })

  it('inserts waiting keys before a click or a blur', () => {
    press('x')
    long.view.dom.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    expect(start()).toBe('Eixn Gespräc')
    press('z')
    long.view.dom.dispatchEvent(new FocusEvent('blur'))
    expect(start()).toBe('Eixzn Gesprä')
  })

  it('inserts waiting keys when a save asks for them', () => {
    press('x')
    flushTypedText(long.view)
    expect(start()).toBe('Eixn Gespräc')
  })

  it('runs the input rules on each key as it goes in', async () => {
    for (const ch of ' "Ja" ') press(ch)
    await vi.waitFor(() => expect(long.state.doc.child(0).textContent.slice(0, 12)).toBe('Ei „Ja“ n Ge'))
  })
})
