import type { Editor } from '@tiptap/core'
import type { ReactNode } from 'react'
import type { Language } from '@shared/domain'
import { App } from '../../../renderer/app/App'
import type { TestBackend } from './backend'
import { editorIn } from './editor'
import { type Rendered, waitFor } from './render'

/**
 * The whole app in German (the setting and the UI language), mounted through `mount` on
 * `backend`, once the draft titled `title` is open: its root element and its editor.
 */
export async function germanAppOn(
  title: string,
  backend: TestBackend,
  mount: (node: ReactNode, options: { language: Language }) => Promise<Rendered>,
): Promise<{ root: HTMLElement; editor: Editor }> {
  await backend.api.invoke('settings.update', { patch: { uiLanguage: 'de' } })
  const root = (await mount(<App />, { language: 'de' })).container
  await waitFor(() => root.querySelector<HTMLTextAreaElement>('textarea.title-field')?.value === title, 4000, 'draft open')
  return { root, editor: editorIn(root) }
}
