import type { Editor } from '@tiptap/core'
import { act } from 'react'

/** The Tiptap editor behind a rendered `.ProseMirror` element (Tiptap sets `dom.editor`). */
export function editorIn(root: ParentNode): Editor {
  const dom = root.querySelector('.ProseMirror') as (HTMLElement & { editor?: Editor }) | null
  if (!dom?.editor) throw new Error('no Tiptap editor rendered')
  return dom.editor
}

/**
 * Types text character by character through ProseMirror's text-input path, so input rules
 * (smart quotes, "--" → "—") run exactly as for a keyboard. jsdom has no real keyboard
 * input, so this calls the same `handleTextInput` hook the DOM observer would.
 */
export async function typeText(editor: Editor, text: string): Promise<void> {
  await act(async () => {
    for (const ch of text) {
      const view = editor.view
      const { from, to } = view.state.selection
      const handled = view.someProp('handleTextInput', (f) => f(view, from, to, ch, () => view.state.tr.insertText(ch, from, to)))
      if (!handled) view.dispatch(view.state.tr.insertText(ch, from, to))
    }
  })
}
