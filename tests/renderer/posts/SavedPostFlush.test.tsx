import type { Editor } from '@tiptap/core'
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { docFromParagraphs, type DraftId } from '@shared/domain'
import type { AppEvent } from '@shared/ipc'
import type { Api } from '../../../renderer/api/client'
import { testBackend, type TestBackend } from '../support/backend'
import { germanAppOn } from '../support/app'
import { buttonByText, click, render, type Rendered, typeInto, waitFor } from '../support/render'

/**
 * Edits of a saved post go through the same save registry as the draft's text: the flush the
 * main process asks for before quitting (and every other flush point) writes them too, before
 * the renderer answers that everything is saved.
 */
const FIRST = 'Wer jeden Morgen schreibt, denkt klarer. Sorgfalt braucht Zeit, und Zeit ist das Wertvollste, was wir verschenken.'

let backend: TestBackend
let view: Rendered | null = null
let draftId: DraftId
let emit: (event: AppEvent) => void
let flushed: { requestId: number; saved: boolean }[]

beforeEach(async () => {
  backend = await testBackend()
  draftId = (await backend.api.invoke('drafts.create', { title: 'Morgens schreiben', language: 'de', doc: docFromParagraphs([FIRST, 'Zweiter Absatz.']) })).id
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => undefined } })
  flushed = []
})
afterEach(async () => {
  await view?.unmount()
  view = null
  backend.close()
})

/** The app as Electron runs it: main can send events (here: the flush before quit) and hears the answer. */
async function boot(): Promise<{ root: HTMLElement; editor: Editor }> {
  const listeners = new Set<(event: AppEvent) => void>()
  emit = (event) => act(() => listeners.forEach((l) => l(event)))
  const api: Api = {
    ...backend.api,
    async invoke(channel, args) {
      if (channel === 'app.flushed') flushed.push(args as { requestId: number; saved: boolean })
      return backend.api.invoke(channel, args)
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return germanAppOn('Morgens schreiben', backend, async (node, options) => (view = await render(node, { api, ...options, notices: false })))
}

async function savedPost(root: HTMLElement, editor: Editor): Promise<HTMLElement> {
  act(() => void editor.commands.setTextSelection({ from: 1, to: 1 + FIRST.length }))
  await act(async () => void editor.commands.makePosts())
  const panel = await waitFor(() => root.querySelector<HTMLElement>('aside[aria-label="Posts"]')?.querySelector('[aria-label="Vorschlag für LinkedIn"]') && root.querySelector<HTMLElement>('aside[aria-label="Posts"]')!, 4000, 'suggestions')
  await click(buttonByText(panel.querySelector<HTMLElement>('[aria-label="Vorschlag für LinkedIn"]')!, 'Speichern'))
  return waitFor(() => panel.querySelector<HTMLElement>('.saved-post'), 4000, 'saved post')
}

/** What SQLite holds, read directly. */
const storedParts = () => (backend.services.db.prepare('SELECT parts FROM posts WHERE draft_id = ?').pluck().all(draftId) as string[]).map((p) => JSON.parse(p) as string[])

describe('editing a saved post', () => {
  it('the flush before quit writes the edit before it answers "saved"', async () => {
    const { root, editor } = await boot()
    const saved = await savedPost(root, editor)
    await typeInto(saved.querySelector('textarea'), 'Kurz vor dem Beenden geschrieben.')
    // Main asks for a flush (the app is quitting) right after the keystroke, well inside any debounce.
    emit({ type: 'flush', requestId: 7 })
    await waitFor(() => flushed.find((f) => f.requestId === 7), 4000, 'app.flushed')
    expect(flushed.find((f) => f.requestId === 7)).toEqual({ requestId: 7, saved: true })
    expect(storedParts()).toEqual([['Kurz vor dem Beenden geschrieben.']])
  })

  it('shows in the one save status while it is not on disk yet', async () => {
    const { root, editor } = await boot()
    const saved = await savedPost(root, editor)
    await waitFor(() => root.querySelector('.save-saved'), 4000, 'Saved')
    await typeInto(saved.querySelector('textarea'), 'Noch nicht gespeichert.')
    // The status changes after the keystroke's paint (SaveIndicator).
    await waitFor(() => root.querySelector('.save-saved') === null, 2000, 'not Saved')
    await act(async () => void window.dispatchEvent(new Event('blur')))
    await waitFor(() => root.querySelector('.save-saved'), 4000, 'Saved again')
    expect(storedParts()).toEqual([['Noch nicht gespeichert.']])
  })

  it('an edit of a post deleted meanwhile is dropped, not retried forever', async () => {
    const { root, editor } = await boot()
    const saved = await savedPost(root, editor)
    const id = Number(saved.getAttribute('data-post-id'))
    await typeInto(saved.querySelector('textarea'), 'Geändert, dann gelöscht.')
    await backend.api.invoke('posts.delete', { id })
    await act(async () => void window.dispatchEvent(new Event('blur')))
    await waitFor(() => root.querySelector('.save-saved'), 4000, 'Saved')
    expect(root.querySelector('.save-error')).toBeNull()
    expect(storedParts()).toEqual([])
  })
})
