import type { Editor } from '@tiptap/core'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, type DraftId } from '@shared/domain'
import { passageRanges } from '../../../renderer/posts/passageMark'
import { useTestLibrary } from '../support/library'
import { germanAppOn } from '../support/app'
import { buttonByText, byLabel, click, typeInto, waitFor } from '../support/render'

/** Issue 10 §2 and §8: keyboard focus after acting on a post, and the words and buttons of a post's state. */
const FIRST = 'Wer jeden Morgen schreibt, denkt klarer. Sorgfalt braucht Zeit, und Zeit ist das Wertvollste, was wir verschenken.'

let draftId: DraftId
const library = useTestLibrary(async (backend) => {
  const draft = await backend.api.invoke('drafts.create', { title: 'Morgens schreiben', language: 'de', doc: docFromParagraphs([FIRST, 'Zweiter Absatz.']) })
  draftId = draft.id
})

const boot = () => germanAppOn('Morgens schreiben', library.backend, (node, options) => library.mount(node, options))

const pane = (root: HTMLElement) => root.querySelector<HTMLElement>('aside[aria-label="Posts"]')

async function makePosts(root: HTMLElement, editor: Editor): Promise<HTMLElement> {
  act(() => void editor.commands.setTextSelection({ from: 1, to: 1 + FIRST.length }))
  await act(async () => void editor.commands.makePosts())
  return waitFor(() => pane(root)?.querySelector('[aria-label="Vorschlag für Mastodon"]') && pane(root)!, 4000, 'suggestions')
}

describe('posts pane: focus and state', () => {
  it('keeps keyboard focus on the card after "Speichern" and on "Planen…" after planning', async () => {
    const { root, editor } = await boot()
    const panel = await makePosts(root, editor)
    const mastodon = panel.querySelector<HTMLElement>('[aria-label="Vorschlag für Mastodon"]')!
    const save = buttonByText(mastodon, 'Speichern')
    save!.focus()
    await click(save)
    const saved = await waitFor(() => panel.querySelector<HTMLElement>('.saved-post'), 4000, 'saved post')
    await waitFor(() => saved.contains(document.activeElement), 2000, 'focus in the saved post')

    const plan = buttonByText(saved, 'Planen…')
    plan!.focus()
    await click(plan)
    const today = buttonByText(saved, 'Für heute planen')
    today!.focus()
    await click(today)
    await waitFor(() => saved.querySelector('.state-chip')?.textContent === 'Geplant')
    await waitFor(() => document.activeElement === buttonByText(saved, 'Planen…'), 2000, 'focus back on "Planen…"')
  })

  it('a saved post is "Offen", not "Entwurf"; a posted one offers no "mark as posted"', async () => {
    const { root, editor } = await boot()
    const panel = await makePosts(root, editor)
    const mastodon = panel.querySelector<HTMLElement>('[aria-label="Vorschlag für Mastodon"]')!
    await click(buttonByText(mastodon, 'Speichern'))
    const saved = await waitFor(() => panel.querySelector<HTMLElement>('.saved-post'), 4000, 'saved post')
    expect(saved.querySelector('.state-chip')?.textContent).toBe('Offen')
    await click(buttonByText(saved, 'Als gepostet markieren…'))
    await typeInto(byLabel(saved, 'Link zum veröffentlichten Post (optional)', 'input'), 'https://mastodon.social/@ich/1')
    await click(buttonByText(saved, 'Als gepostet markieren'))
    await waitFor(() => saved.querySelector('.state-chip')?.textContent === 'Gepostet', 4000, 'posted')
    expect([...saved.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Als gepostet markieren…')
    const { posts } = await library.backend.api.invoke('posts.listForDraft', { draftId })
    expect(posts[0]?.state).toBe('posted')
  })

  it('a passage highlight opens on the first click, even while the text is still selected', async () => {
    const { root, editor } = await boot()
    const panel = await makePosts(root, editor)
    await click(buttonByText(panel.querySelector<HTMLElement>('[aria-label="Vorschlag für X"]')!, 'Speichern'))
    await waitFor(() => panel.querySelector('.saved-post'), 4000, 'saved post')
    await click(buttonByText(panel, 'Alle Posts dieses Entwurfs'))
    await waitFor(() => panel.textContent?.includes('Posts dieses Entwurfs'), 4000, 'overview')
    // The passage is still selected from making posts; ProseMirror calls handleClick before the
    // click moves the selection.
    const { passages } = await library.backend.api.invoke('posts.listForDraft', { draftId })
    const range = passageRanges(editor.state.doc, passages[0]!.id)[0]!
    act(() => void editor.commands.setTextSelection({ from: range.from, to: range.to }))
    await act(async () => {
      editor.view.someProp('handleClick', (f) => f(editor.view, range.from + 3, new MouseEvent('click', { button: 0 })))
    })
    await waitFor(() => panel.querySelector('.passage-block blockquote')?.textContent === FIRST, 2000, 'passage view after one click')
  })
})
