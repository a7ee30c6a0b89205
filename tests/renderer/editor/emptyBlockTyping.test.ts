import type { Editor } from '@tiptap/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appEditor } from '../support/editor'

/**
 * The editor inserts the first character of an empty line itself (see
 * renderer/editor/emptyBlockTyping.ts; tests/e2e/typing-after-enter.test.ts shows the Chromium
 * race it avoids). Here: that path keeps what native typing does — smart quotes, marks chosen
 * before typing — and leaves every other keystroke to the browser.
 */
let editor: Editor

beforeEach(() => {
  editor = appEditor({ type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Über Brücken' }] }] })
  editor.commands.setTextSelection(editor.state.doc.content.size - 1)
})
afterEach(() => editor.destroy())

/** What Chromium fires before it would insert a typed character; true when the editor took it over. */
function typeKey(data: string): boolean {
  const event = new InputEvent('beforeinput', { inputType: 'insertText', data, bubbles: true, cancelable: true })
  editor.view.dom.dispatchEvent(event)
  return event.defaultPrevented
}

describe('the first character of an empty line', () => {
  it('is inserted by the editor, with the caret after it', () => {
    editor.commands.enter()
    expect(typeKey('D')).toBe(true)
    expect(editor.state.doc.child(1).textContent).toBe('D')
    expect(editor.state.selection.from).toBe(editor.state.doc.child(0).nodeSize + 2)
  })

  it('runs the input rules like native typing: a German opening quote', () => {
    editor.commands.enter()
    expect(typeKey('"')).toBe(true)
    expect(editor.state.doc.child(1).textContent).toBe('„')
  })

  it('keeps a mark chosen before typing', () => {
    editor.commands.enter()
    editor.commands.toggleBold()
    typeKey('F')
    expect(editor.getJSON().content?.[1]?.content?.[0]).toEqual({ type: 'text', text: 'F', marks: [{ type: 'bold' }] })
  })

  it('leaves typing into a non-empty line, compositions and a selection to the browser', () => {
    expect(typeKey('n')).toBe(false)
    editor.commands.enter()
    editor.view.dom.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertCompositionText', data: 'ü', bubbles: true, cancelable: true }))
    expect(editor.state.doc.child(1).textContent).toBe('')
    editor.commands.setTextSelection({ from: 1, to: 4 })
    expect(typeKey('x')).toBe(false)
  })
})
