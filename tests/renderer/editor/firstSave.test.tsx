import { act } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import type { DocNode } from '@shared/domain'
import { App } from '../../../renderer/app/App'
import { useTestLibrary } from '../support/library'
import { editorIn, typeText } from '../support/editor'
import { buttonByText, byLabel, click, typeInto, waitFor } from '../support/render'

/**
 * The first autosave after a draft is opened, in the whole app (real backend, real Tiptap):
 * a block patch against the body drafts.get returned wherever the editor shows exactly that
 * body, a whole save where it shows other text — and every path ends with the stored body byte
 * for byte the editor's document.
 */
const LONG = 'Lang'
const SHORT = 'Kurz'
const longContent: DocNode[] = [
  ...Array.from({ length: 200 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Absatz ${i} über Brücken und Straßen.` }] })),
  // As an import may have stored it: attributes the editor writes left out (its first patch writes them).
  { type: 'image', attrs: { src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'Bild' } },
  { type: 'paragraph', content: [{ type: 'text', text: 'Schluss.' }] },
]

const library = useTestLibrary(async (backend) => {
  backend.services.drafts.create({ title: SHORT, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kurz.' }] }] } })
  backend.advance(1000)
  // The most recent: opened at start.
  backend.services.drafts.create({ title: LONG, doc: { type: 'doc', content: longContent } })
})

/** Body saves sent since the test started (or since `mark()`), by channel. */
let channels: string[] = []
beforeEach(() => {
  channels = []
  const api = library.backend.api
  const invoke = api.invoke.bind(api)
  api.invoke = (channel, args) => {
    if (channel === 'drafts.saveBlocks' || channel === 'drafts.saveContent') channels.push(channel)
    return invoke(channel, args)
  }
})

const idOf = (title: string) => library.backend.services.drafts.list().find((d) => d.title === title)!.id
const stored = (title: string) => library.backend.services.db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').pluck().get(idOf(title)) as string
const titleShown = (root: HTMLElement) => root.querySelector<HTMLTextAreaElement>('textarea.title-field')?.value

async function boot() {
  const root = (await library.mount(<App />, { language: 'en', notices: false })).container
  await waitFor(() => titleShown(root) === LONG && root.querySelector('.ProseMirror'), 4000, 'long draft open')
  return root
}

async function open(root: HTMLElement, title: string) {
  await click([...root.querySelectorAll<HTMLButtonElement>('.draft-row-main')].find((b) => b.textContent?.includes(title)))
  await waitFor(() => titleShown(root) === title && root.querySelector('.ProseMirror'), 4000, `${title} open`)
}

/** Types at the end of the text and saves at once (leaving the window flushes). */
async function typeAndSave(root: HTMLElement, text: string) {
  const editor = editorIn(root)
  await act(async () => void editor.commands.focus('end'))
  await typeText(editor, text)
  await act(async () => void window.dispatchEvent(new Event('blur')))
  await waitFor(() => root.querySelector('.save-saved') && !editorIn(root).isDestroyed, 4000, 'Saved')
  await waitFor(() => editorIn(root).getText().endsWith(text), 4000, 'typed text')
}

const editorJson = (root: HTMLElement) => JSON.stringify(editorIn(root).getJSON())

describe('the first save after opening a draft', () => {
  it('is a block patch when the app starts on it; the stored body is then the editor document', async () => {
    const root = await boot()
    expect(stored(LONG)).not.toBe(editorJson(root))
    await typeAndSave(root, ' Eins.')
    expect(channels).toEqual(['drafts.saveBlocks'])
    expect(stored(LONG)).toBe(editorJson(root))
  })

  it('is a block patch after switching to another draft and back', async () => {
    const root = await boot()
    await open(root, SHORT)
    await typeAndSave(root, ' Kürzer.')
    await open(root, LONG)
    await typeAndSave(root, ' Zurück.')
    expect(channels).toEqual(['drafts.saveBlocks', 'drafts.saveBlocks'])
    expect(stored(LONG)).toBe(editorJson(root))
  })

  it('is a block patch after restoring a version (the draft is read again)', async () => {
    const root = await boot()
    await typeAndSave(root, ' Erste Fassung.')
    library.backend.advance(10 * 60_000)
    await typeAndSave(root, ' Zweite Fassung.')
    await click(byLabel(root, 'Version history', 'button'))
    const dialog = await waitFor(() => root.querySelector<HTMLElement>('[role="dialog"]'))
    const items = await waitFor(() => (dialog.querySelectorAll('.revision-item').length ? dialog.querySelectorAll<HTMLButtonElement>('.revision-item') : null), 3000, 'revisions')
    await click(items[items.length - 1])
    await waitFor(() => dialog.querySelector('.revision-preview .ProseMirror'))
    await click(buttonByText(dialog, 'Restore this version'))
    await waitFor(() => !root.querySelector('[role="dialog"]'))
    await waitFor(() => !editorIn(root).getText().includes('Fassung'), 3000, 'restored text')
    channels = []
    await typeAndSave(root, ' Nach der Rückkehr.')
    expect(channels).toEqual(['drafts.saveBlocks'])
    expect(stored(LONG)).toBe(editorJson(root))
  })

  it('is a block patch after a draft that could not be read is read again ("Try again")', async () => {
    const root = await boot()
    library.backend.failNext('drafts.get', 1)
    await click([...root.querySelectorAll<HTMLButtonElement>('.draft-row-main')].find((b) => b.textContent?.includes(SHORT)))
    await click(await waitFor(() => buttonByText(root, 'Try again'), 4000, 'Try again'))
    await waitFor(() => titleShown(root) === SHORT, 4000, 'short draft open')
    await typeAndSave(root, ' Doch.')
    expect(channels).toEqual(['drafts.saveBlocks'])
    expect(stored(SHORT)).toBe(editorJson(root))
  })

  it('is a block patch on a draft an import replaced; the blocks the importer wrote in its own key order go with it', async () => {
    const root = await boot()
    await open(root, SHORT)
    const imported = {
      type: 'doc' as const,
      content: [
        // Not where the typing goes (the end): rewritten only because main names it.
        { type: 'paragraph', content: [{ type: 'text', text: 'fett', marks: [{ type: 'bold' }] }, { type: 'text', text: ' und nicht.' }] },
        ...Array.from({ length: 50 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Importiert ${i}.` }] })),
      ],
    }
    await library.backend.api.invoke('import.create', { doc: imported, title: LONG, tags: [], status: 'draft', language: 'en', description: '', canonicalUrl: '', replaceDraftId: idOf(LONG) })
    expect(stored(LONG)).toContain('"text":"fett","marks"')
    await open(root, LONG)
    await typeAndSave(root, ' Weiter.')
    expect(channels).toEqual(['drafts.saveBlocks'])
    expect(stored(LONG)).toBe(editorJson(root))
  })

  it('is whole when the editor shows text that is not on disk (a failed save, the draft opened again)', async () => {
    const root = await boot()
    library.backend.failNext('drafts.saveBlocks', 1)
    const editor = editorIn(root)
    await act(async () => void editor.commands.focus('end'))
    await typeText(editor, ' Noch nicht gespeichert.')
    await open(root, SHORT)
    await open(root, LONG)
    await waitFor(() => editorIn(root).getText().endsWith(' Noch nicht gespeichert.'), 4000, 'unsaved text shown')
    // The failed patch's retry has no base left in a new editor: one whole save.
    await waitFor(() => root.querySelector('.save-saved'), 4000, 'Saved')
    expect(channels).toEqual(['drafts.saveBlocks', 'drafts.saveContent'])
    await typeAndSave(root, ' Jetzt.')
    expect(stored(LONG)).toBe(editorJson(root))
  })

  it('is whole after the language changed (a new editor on the old one’s text)', async () => {
    const root = await boot()
    await typeInto(byLabel(root, 'Language of this draft', 'select'), 'de')
    await waitFor(() => root.querySelector('.ProseMirror[lang="de"]'), 4000, 'German editor')
    channels = []
    await typeAndSave(root, ' Deutsch.')
    expect(channels).toEqual(['drafts.saveContent'])
    expect(stored(LONG)).toBe(editorJson(root))
  })
})
