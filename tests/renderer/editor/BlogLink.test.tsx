import type { Editor } from '@tiptap/core'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, type DraftId } from '@shared/domain'
import { useTestLibrary } from '../support/library'
import { germanAppOn } from '../support/app'
import { byLabel, click, typeInto, waitFor } from '../support/render'

/**
 * The blog link in the real app against the real backend: set per draft in its details
 * (http/https only), or derived from the pattern in Settings → Posts; the composer gets it.
 */
const TEXT = 'Wer jeden Morgen schreibt, denkt klarer. Sorgfalt braucht Zeit.'
let draftId: DraftId
const library = useTestLibrary(async (backend) => {
  const draft = await backend.api.invoke('drafts.create', { title: 'Grüße aus Köln', language: 'de', doc: docFromParagraphs([TEXT]) })
  draftId = draft.id
})

const boot = () => germanAppOn('Grüße aus Köln', library.backend, (node, options) => library.mount(node, options))

async function blur(element: HTMLElement) {
  await act(async () => void element.dispatchEvent(new FocusEvent('focusout', { bubbles: true })))
}

describe('the blog link', () => {
  it('is edited in the draft\'s details; only http(s) is stored', async () => {
    const { root } = await boot()
    const field = byLabel<HTMLInputElement>(root, 'Blog-Link', 'input')!
    await typeInto(field, 'javascript:alert(1)')
    await blur(field)
    await waitFor(() => root.textContent?.includes('Ein Blog-Link beginnt mit https:// oder http://'), 4000, 'refused')
    expect((await library.backend.api.invoke('drafts.get', { id: draftId })).canonicalUrl).toBe('')
    await typeInto(field, ' https://mein.blog/gruesse ')
    await blur(field)
    await waitFor(async () => (await library.backend.api.invoke('drafts.get', { id: draftId })).canonicalUrl === 'https://mein.blog/gruesse', 4000, 'stored')
    expect(root.textContent).not.toContain('Ein Blog-Link beginnt')
  })

  it('without one, the pattern from Settings → Posts gives it from the title, and the teaser carries it', async () => {
    await library.backend.api.invoke('settings.update', { patch: { blog: { urlPattern: 'https://coach.example/blog/{slug}' } } })
    const { root, editor } = await boot()
    const url = 'https://coach.example/blog/gruesse-aus-koeln'
    await waitFor(() => byLabel<HTMLInputElement>(root, 'Blog-Link', 'input')!.placeholder === `${url} (aus deinem Muster)`, 4000, 'derived placeholder')

    act(() => void editor.commands.setTextSelection({ from: 1, to: 1 + TEXT.length }))
    await act(async () => void editor.commands.makePosts())
    const mastodon = await waitFor(() => root.querySelector<HTMLElement>('[aria-label="Vorschlag für Mastodon"]'), 4000, 'suggestions')
    const teaser = byLabel(mastodon, 'Teaser', 'input')
    if (teaser) await click(teaser)
    const texts = () => [...mastodon.querySelectorAll('textarea')].map((t) => t.value).join('\n')
    expect(texts()).toContain(url)
  })
})
