import { type AnyExtension, Editor, type EditorOptions } from '@tiptap/core'
import { act } from 'react'
import type { Language } from '@shared/domain'
import { editorExtensions } from '../../../renderer/editor/extensions'

/** The app's editor extensions as the tests use them: no placeholder, images that never load. */
export function appExtensions(language: Language = 'de'): AnyExtension[] {
  return editorExtensions({ language, placeholder: '', resolveAsset: () => new Promise(() => {}), imageLabels: { notStored: 'x', broken: 'y' } })
}

/**
 * A Tiptap editor with the app's extensions (then `extensions`, if any) holding `content`, on an
 * element of its own outside the page unless `element` is given. The caller destroys it.
 */
export function appEditor(
  content: EditorOptions['content'],
  { language = 'de', extensions = [], ...options }: Partial<Omit<EditorOptions, 'content'>> & { language?: Language } = {},
): Editor {
  return new Editor({ element: document.createElement('div'), ...options, extensions: [...appExtensions(language), ...extensions], content })
}

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
