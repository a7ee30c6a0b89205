import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { docToPlainText } from '@shared/text/words'
import { App } from '../../../renderer/app/App'
import { importSources } from '../../../renderer/transfer/importing'
import { useTestLibrary } from '../support/library'
import { type Rendered, waitFor } from '../support/render'

const library = useTestLibrary()
let view: Rendered

const text = (value: string) => new TextEncoder().encode(value)
const FRONT_MATTER_FILE = '---\ntitle: Mein Beitrag\ndate: 2024-05-01\ntags: [Reise, Blog]\nstatus: published\nlang: de\n---\n\n# Mein Beitrag\n\nDas ist **wichtig**.\n'

describe('importSources (renderer conversion, backend storage)', () => {
  it('makes a draft per file; front matter fills title, tags, status, language and date', async () => {
    const results = await importSources(library.backend.api, window, [{ name: 'beitrag.md', bytes: text(FRONT_MATTER_FILE) }, { name: 'notiz.txt', bytes: text('Zeile eins\nZeile zwei') }], { language: 'en' })
    expect(results.map((r) => r.ok)).toEqual([true, true])
    const first = await library.backend.api.invoke('drafts.get', { id: (results[0] as { draft: { id: number } }).draft.id })
    expect(first).toMatchObject({ title: 'Mein Beitrag', tags: ['Reise', 'Blog'], status: 'published', language: 'de', createdAt: Date.UTC(2024, 4, 1) })
    expect(docToPlainText(first.doc)).toContain('Das ist wichtig.')
    const second = await library.backend.api.invoke('drafts.get', { id: (results[1] as { draft: { id: number } }).draft.id })
    expect(second).toMatchObject({ title: 'notiz', status: 'draft', language: 'en' })
  })

  it('one bad file in a batch creates nothing and does not stop the others', async () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0])
    const results = await importSources(
      library.backend.api,
      window,
      [
        { name: 'bild.md', bytes: binary },
        { name: 'kaputt.md', bytes: text('---\ntitle: [unclosed\ntags: x\n---\nText') },
        { name: 'foto.jpg', bytes: text('x') },
        { name: 'gut.md', bytes: text('# Gut') },
      ],
      { language: 'de' },
    )
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['not-text', 'malformed', 'unsupported-type', 'ok'])
    expect((await library.backend.api.invoke('drafts.list', {})).map((d) => d.title)).toEqual(['Gut'])
  })

  it('replacing a draft’s text keeps a before-import version of the old text', async () => {
    const draft = await library.backend.api.invoke('drafts.create', { title: 'Alt', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'alter Text' }] }] } })
    const [result] = await importSources(library.backend.api, window, [{ name: 'neu.md', bytes: text('Neuer *Text*') }], { language: 'en', replaceDraftId: draft.id })
    expect(result).toMatchObject({ ok: true, replaced: true })
    expect(docToPlainText((await library.backend.api.invoke('drafts.get', { id: draft.id })).doc)).toBe('Neuer Text')
    const [revision] = await library.backend.api.invoke('revisions.list', { draftId: draft.id })
    expect(revision).toMatchObject({ reason: 'before-import' })
  })
})

describe('import in the app (file input, as the File → Import menu opens it in the browser)', () => {
  it('imports the picked files, opens the first and says so; a bad one gets its own message', async () => {
    view = await library.mount(<App />, { language: 'en' })
    await waitFor(() => view!.container.querySelector('.ProseMirror'), 4000, 'editor')
    const input = document.querySelector<HTMLInputElement>('[data-testid="import-input"]')!
    const files = [new File([FRONT_MATTER_FILE], 'beitrag.md', { type: 'text/markdown' }), new File([new Uint8Array([0, 1, 2, 0])], 'leer.md')]
    Object.defineProperty(input, 'files', { value: files, configurable: true })
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })))
    await waitFor(() => document.querySelector('.notice-info')?.textContent?.includes('Imported “Mein Beitrag”'), 4000, 'import notice')
    expect(document.querySelector('.notice-error')?.textContent).toMatch(/“leer\.md” was not imported: it is not a text file\. Nothing was created from it/)
    await waitFor(() => (view!.container.querySelector<HTMLTextAreaElement>('.title-field')?.value === 'Mein Beitrag' ? true : null), 4000, 'opened')
    expect(view.container.querySelector('.ProseMirror strong')?.textContent).toBe('wichtig')
  })
})
