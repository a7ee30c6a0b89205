import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { docFromParagraphs, type DraftId, type EditorDoc, type Post } from '@shared/domain'
import { JournalHostProvider, type JournalHost } from '../../../renderer/journal/JournalHost'
import { JournalView } from '../../../renderer/journal/JournalView'
import { PostJournal } from '../../../renderer/journal/PostJournal'
import { localDate } from '../../../renderer/posts/localDate'
import { testBackend, type TestBackend } from '../support/backend'
import { buttonByText, byLabel, click, render, type Rendered, typeInto, waitFor } from '../support/render'

/**
 * The dialog journal's components against the real backend (SQLite in a temp folder): a note
 * written under a posted post shows in the draft's and the library's journal, is found by the
 * search, and becomes a quote or a new draft.
 */
let backend: TestBackend
let view: Rendered | null = null
let editor: Editor
let draftId: DraftId
let post: Post
let created: DraftId[]

beforeEach(async () => {
  backend = await testBackend()
  const draft = await backend.api.invoke('drafts.create', { title: 'Morgens schreiben', language: 'de', doc: docFromParagraphs(['Erster Absatz.']) })
  draftId = draft.id
  const passage = await backend.api.invoke('passages.create', { draftId, text: 'Erster Absatz.' })
  const saved = await backend.api.invoke('posts.create', { draftId, passageId: passage.id, platform: 'mastodon', style: 'quote', parts: ['Erster Absatz.'] })
  post = await backend.api.invoke('posts.setState', { id: saved.id, state: 'posted', postedUrl: 'https://chaos.social/@anna/1' })
  editor = new Editor({ extensions: [StarterKit], content: draft.doc })
  created = []
})
afterEach(async () => {
  await view?.unmount()
  view = null
  editor.destroy()
  backend.close()
})

async function show() {
  const host: JournalHost = { draftId, editor, language: 'de', draftCreated: (id) => created.push(id) }
  view = await render(
    <JournalHostProvider value={host}>
      <div data-testid="post">
        <PostJournal post={post} />
      </div>
      <div data-testid="journal">
        <JournalView draftId={draftId} />
      </div>
    </JournalHostProvider>,
    { api: backend.api, language: 'de' },
  )
  const root = view.container
  return { postArea: root.querySelector<HTMLElement>('[data-testid="post"]')!, journal: root.querySelector<HTMLElement>('[data-testid="journal"]')! }
}

async function addNote(area: HTMLElement, kind: string, text: string) {
  await click(buttonByText(area, 'Notiz hinzufügen'))
  const form = area.querySelector<HTMLFormElement>('form.note-form')!
  expect(form.querySelector<HTMLInputElement>('input[type="date"]')!.value).toBe(localDate())
  await typeInto(form.querySelector('select'), kind)
  await typeInto(form.querySelector('textarea'), text)
  await click(buttonByText(form, 'Notiz speichern'))
}

describe('the dialog journal', () => {
  it('a note added under a posted post shows there, in the draft journal and the library journal, and is stored', async () => {
    const { postArea, journal } = await show()
    expect(byLabel(postArea, 'Was kam zurück')).toBeTruthy()
    expect(journal.textContent).toContain('Noch keine Notizen')
    await addNote(postArea, 'question', 'Jana fragt: Schreibst du auch abends?')
    await waitFor(() => postArea.querySelector('.journal-note')?.textContent?.includes('Jana fragt'), 4000, 'note under the post')
    await waitFor(() => journal.querySelector('.journal-note')?.textContent?.includes('Jana fragt'), 4000, 'note in the draft journal')
    expect(journal.querySelector('.journal-note')!.textContent).toContain('Frage')
    expect(postArea.querySelector('form.note-form')).toBeNull()
    expect(backend.services.journal.listForDraft(draftId)).toMatchObject([{ postId: post.id, kind: 'question', notedOn: localDate(), text: 'Jana fragt: Schreibst du auch abends?' }])

    await click(buttonByText(journal, 'Alle Entwürfe'))
    await waitFor(() => journal.querySelector('.journal-note-origin')?.textContent === 'Aus „Morgens schreiben“', 4000, 'library journal with origin')
  })

  it('searches with the draft search (accents, prefixes) and says when nothing matches', async () => {
    const { postArea, journal } = await show()
    await addNote(postArea, 'reply', 'Über Gespräche am Küchentisch')
    await waitFor(() => journal.querySelector('.journal-note'), 4000, 'note')
    await typeInto(byLabel(journal, 'Journal durchsuchen', 'input'), 'kuchen')
    await waitFor(() => journal.querySelector('.journal-note mark')?.textContent === 'Küchentisch', 4000, 'highlighted hit')
    await typeInto(byLabel(journal, 'Journal durchsuchen', 'input'), 'Regenschirm')
    await waitFor(() => journal.textContent?.includes('Keine Notiz passt zu „Regenschirm“'), 4000, 'no hits')
  })

  it('inserts a note as a quote linked back to its post, and makes a new draft from it', async () => {
    const { journal, postArea } = await show()
    await addNote(postArea, 'idea', 'Ein Beitrag über Pausen')
    await waitFor(() => journal.querySelector('.journal-note'), 4000, 'note')
    await click(buttonByText(journal, 'Als Zitat einfügen'))
    const quote = (editor.getJSON() as unknown as EditorDoc).content.find((node) => node.type === 'blockquote')!
    expect(quote.content!.map((p) => p.content?.[0]?.text)).toEqual(['Ein Beitrag über Pausen', `— Idee auf Mastodon, ${localDate()}, zu „Morgens schreiben“`])
    expect(quote.content![1]!.content![0]!.marks).toMatchObject([{ type: 'link', attrs: { href: 'https://chaos.social/@anna/1' } }])

    await click(buttonByText(journal, 'Neuer Entwurf aus Notiz'))
    await waitFor(() => created.length === 1, 4000, 'draft made')
    const draft = await backend.api.invoke('drafts.get', { id: created[0]! })
    expect(draft).toMatchObject({ title: 'Ein Beitrag über Pausen', language: 'de' })
    expect(draft.doc.content[0]!.type).toBe('blockquote')
  })

  it('edits and deletes a note; a failed save keeps the text and says why', async () => {
    const { postArea, journal } = await show()
    backend.failNext('journal.add', 1)
    await addNote(postArea, 'person', 'Tom, Coach in Köln')
    await waitFor(() => document.body.textContent?.includes('Die Notiz konnte nicht gespeichert werden'), 4000, 'failure notice')
    expect(postArea.querySelector('textarea')!.value).toBe('Tom, Coach in Köln')
    await click(buttonByText(postArea.querySelector('form.note-form')!, 'Notiz speichern'))
    await waitFor(() => journal.querySelector('.journal-note'), 4000, 'saved on retry')

    await click(byLabel(journal, 'Bearbeiten'))
    await typeInto(journal.querySelector('textarea'), 'Tom, Coach in Köln, will ein Interview')
    await click(buttonByText(journal, 'Notiz speichern'))
    await waitFor(() => postArea.querySelector('.journal-note')?.textContent?.includes('Interview'), 4000, 'edit shows under the post too')

    await click(byLabel(journal, 'Notiz löschen'))
    await click(buttonByText(journal.querySelector('[role="group"][aria-label^="Diese Notiz"]')!, 'Notiz löschen'))
    await waitFor(() => journal.querySelector('.journal-note') === null && postArea.querySelector('.journal-note') === null, 4000, 'deleted everywhere')
    expect(backend.services.journal.listAll()).toEqual([])
  })
})
