import { act } from 'react'
import { describe, expect, it } from 'vitest'
import type { DraftId } from '@shared/domain'
import { docToPlainText } from '@shared/text/words'
import { App } from '../../../renderer/app/App'
import { useTestLibrary } from '../support/library'
import { editorIn, typeText } from '../support/editor'
import { buttonByText, byLabel, click, keyDown, type Rendered, typeInto, waitFor } from '../support/render'

const library = useTestLibrary()
let view: Rendered

async function boot(language: 'de' | 'en' = 'en') {
  view = await library.mount(<App />, { language, notices: false })
  await waitFor(() => view.container.querySelector('.ProseMirror'), 4000, 'editor')
  return view.container
}

const saved = async (root: HTMLElement) => waitFor(() => root.querySelector('.save-saved'), 4000, 'Saved')
const blurWindow = () => act(async () => void window.dispatchEvent(new Event('blur')))
const bodyText = async (id: DraftId) => docToPlainText((await library.backend.api.invoke('drafts.get', { id })).doc)
const selectedId = async (root: HTMLElement) => {
  const title = root.querySelector('[aria-current="true"]')?.textContent ?? ''
  const list = await library.backend.api.invoke('drafts.list', { view: 'active' })
  return list.find((d) => title.startsWith(d.title || 'Untitled'))!.id
}

async function newDraft(root: HTMLElement, title: string) {
  await click(buttonByText(root, /New draft|Neuer Entwurf/))
  const field = await waitFor(() => {
    const f = root.querySelector<HTMLTextAreaElement>('textarea.title-field')
    return f && f.value === '' && document.activeElement === f ? f : null
  }, 4000, 'empty title field with focus')
  await typeInto(field, title)
  await blurWindow()
  await waitFor(() => root.querySelector('[aria-current="true"]')?.textContent?.includes(title), 4000, 'title in list')
}

describe('first start', () => {
  it('creates the welcome draft once, in the UI language, and opens it', async () => {
    await library.backend.api.invoke('settings.update', { patch: { uiLanguage: 'de' } })
    const root = await boot('de')
    await waitFor(() => root.querySelector<HTMLTextAreaElement>('textarea.title-field')?.value === 'Willkommen bei Longhand')
    expect(byLabel(root, 'Entwürfe durchsuchen')).not.toBeNull()
    expect(document.documentElement.lang).toBe('de')
    await library.unmount()
    view = await library.mount(<App />, { language: 'de', notices: false })
    await waitFor(() => view.container.querySelector('.draft-row'))
    expect((await library.backend.api.invoke('drafts.list', { view: 'active' })).length).toBe(1)
  })
})

describe('autosave', () => {
  it('writes the text about a second after typing stops, and shows "Saved"', async () => {
    const root = await boot()
    await newDraft(root, 'Autosave')
    const id = await selectedId(root)
    await typeText(editorIn(root), 'Ein Absatz über Größe.')
    await waitFor(() => root.querySelector('.save-pending')?.textContent === 'Editing…', 2000, 'Editing…')
    expect(await bodyText(id)).toBe('')
    await saved(root)
    expect(await bodyText(id)).toBe('Ein Absatz über Größe.')
  })

  it('a save shows in the library without re-rendering the draft view (no new options handed to the editor)', async () => {
    const root = await boot()
    await newDraft(root, 'Quiet save')
    const editor = editorIn(root)
    await saved(root)
    // Each re-render of the draft view hands Tiptap new options: a full update of a long draft's view.
    let optionUpdates = 0
    const setOptions = editor.setOptions.bind(editor)
    editor.setOptions = (options) => {
      optionUpdates++
      setOptions(options)
    }
    await typeText(editor, 'Eins zwei drei vier.')
    await saved(root)
    await waitFor(() => root.querySelector('[aria-current="true"]')?.textContent?.includes('Eins zwei drei vier'), 4000, 'preview in the list')
    expect(optionUpdates).toBe(0)
  })

  it('flushes when switching drafts, without waiting for the debounce', async () => {
    const root = await boot()
    await newDraft(root, 'Erster')
    const first = await selectedId(root)
    await typeText(editorIn(root), 'Nur im Ersten.')
    // Switch at once: the row of the welcome draft.
    await click([...root.querySelectorAll<HTMLButtonElement>('.draft-row-main')].find((b) => b.textContent?.includes('Welcome')))
    await waitFor(() => root.querySelector<HTMLTextAreaElement>('textarea.title-field')?.value === 'Welcome to Longhand')
    // Well under the 1 s debounce: only the flush on switching can have written it this soon.
    const switchedAt = Date.now()
    let text = ''
    while (Date.now() - switchedAt < 500 && text !== 'Nur im Ersten.') {
      await act(async () => void (await new Promise((r) => setTimeout(r, 10))))
      text = await bodyText(first)
    }
    expect(text).toBe('Nur im Ersten.')
  })

  it('resets undo history on switching: undo never brings back another draft’s text', async () => {
    const root = await boot()
    await newDraft(root, 'A')
    await typeText(editorIn(root), 'Text von A')
    await newDraft(root, 'B')
    const editorB = editorIn(root)
    expect(editorB.can().undo()).toBe(false)
    await act(async () => void editorB.commands.undo())
    expect(editorB.getText()).toBe('')
    await typeText(editorB, 'Text von B')
    await act(async () => {
      for (let i = 0; i < 20; i++) editorB.commands.undo()
    })
    expect(editorB.getText()).not.toContain('A')
  })

  it('keeps the text in the editor when the disk write fails, says so, and retries', async () => {
    const root = await boot()
    await newDraft(root, 'Wackelig')
    const id = await selectedId(root)
    library.backend.failNext('drafts.saveBlocks', 2)
    await typeText(editorIn(root), 'Bitte nicht verlieren.')
    await blurWindow()
    const alert = await waitFor(() => root.querySelector('.save-error'), 4000, 'error indicator')
    expect(alert.getAttribute('role')).toBe('alert')
    expect(alert.textContent).toMatch(/Not saved to disk yet — your text is safe here/)
    expect(editorIn(root).getText()).toBe('Bitte nicht verlieren.')
    expect(await bodyText(id)).toBe('')
    // "Try now" retries at once (the second simulated failure), then the third attempt lands.
    await click(buttonByText(root, 'Try now'))
    await waitFor(() => root.querySelector('.save-error')?.textContent?.includes('Try now'))
    await click(buttonByText(root, 'Try now'))
    await saved(root)
    expect(await bodyText(id)).toBe('Bitte nicht verlieren.')
  })

  it('shows unsaved text, not the older copy on disk, when a draft whose save failed is opened again', async () => {
    const root = await boot()
    await newDraft(root, 'Zurück')
    library.backend.failNext('drafts.saveBlocks', 5)
    await typeText(editorIn(root), 'Noch nicht auf der Platte.')
    await click([...root.querySelectorAll<HTMLButtonElement>('.draft-row-main')].find((b) => b.textContent?.includes('Welcome')))
    await waitFor(() => root.querySelector<HTMLTextAreaElement>('textarea.title-field')?.value === 'Welcome to Longhand')
    await click([...root.querySelectorAll<HTMLButtonElement>('.draft-row-main')].find((b) => b.textContent?.includes('Zurück')))
    await waitFor(() => editorIn(root).getText() === 'Noch nicht auf der Platte.', 4000, 'unsaved text back in the editor')
  })
})

describe('editor', () => {
  it('types German quotation marks in a German draft and English ones in an English draft', async () => {
    const root = await boot()
    await newDraft(root, 'Zitate')
    const language = byLabel<HTMLSelectElement>(root, 'Language of this draft')!
    await typeInto(language, 'de')
    await waitFor(() => editorIn(root).options.editorProps.attributes && root.querySelector('.ProseMirror[lang="de"]'))
    await typeText(editorIn(root), 'Sie sagte "Hallo" und ging\'s an.')
    expect(editorIn(root).getText()).toBe('Sie sagte „Hallo“ und ging’s an.')
    await typeInto(byLabel<HTMLSelectElement>(root, 'Language of this draft')!, 'en')
    await waitFor(() => root.querySelector('.ProseMirror[lang="en"]'))
    await act(async () => void editorIn(root).commands.focus('end'))
    await typeText(editorIn(root), ' "Hi"')
    expect(editorIn(root).getText()).toBe('Sie sagte „Hallo“ und ging’s an. “Hi”')
  })

  it('counts words after a pause and lists headings in the outline; a click jumps there', async () => {
    const root = await boot()
    await newDraft(root, 'Gliederung')
    const editor = editorIn(root)
    await act(async () => {
      editor.commands.setContent({
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Anfang' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Eins zwei drei.' }] },
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Mitte' }] },
        ],
      }, { emitUpdate: true })
    })
    const outlineButton = byLabel(root, 'Outline', 'button')!
    if (outlineButton.getAttribute('aria-pressed') !== 'true') await click(outlineButton)
    const items = await waitFor(() => {
      const found = [...root.querySelectorAll('nav.outline button')].map((b) => b.textContent)
      return found.length === 2 ? found : null
    }, 3000, 'outline entries')
    expect(items).toEqual(['Anfang', 'Mitte'])
    expect(root.querySelector('.status-line')?.textContent).toContain('5 words')
    await click([...root.querySelectorAll<HTMLButtonElement>('nav.outline button')][1])
    expect(editor.state.selection.$from.parent.textContent).toBe('Mitte')
  })
})

describe('boot', () => {
  it('reopens the draft that was open last time', async () => {
    let root = await boot()
    await newDraft(root, 'Zuletzt offen')
    await library.unmount()
    root = await boot()
    await waitFor(() => root.querySelector<HTMLTextAreaElement>('textarea.title-field')?.value === 'Zuletzt offen')
    await waitFor(() => root.querySelector('[aria-current="true"]')?.textContent?.includes('Zuletzt offen'))
  })

  it('opens the most recent draft when the remembered one is gone', async () => {
    let root = await boot()
    await newDraft(root, 'Gleich gelöscht')
    const id = await selectedId(root)
    await library.unmount()
    await library.backend.api.invoke('drafts.trash', { id })
    await library.backend.api.invoke('drafts.deleteForever', { id })
    root = await boot()
    await waitFor(() => root.querySelector<HTMLTextAreaElement>('textarea.title-field')?.value === 'Welcome to Longhand')
  })
})

describe('library', () => {
  it('finds drafts as you type, with highlighted snippets, ignoring umlauts', async () => {
    const root = await boot()
    await newDraft(root, 'Suche')
    await typeText(editorIn(root), 'Die Brücke über den Fluss.')
    await blurWindow()
    await saved(root)
    await typeInto(byLabel(root, 'Search drafts'), 'brucke')
    const hit = await waitFor(() => root.querySelector('.search-hit'), 3000, 'search hit')
    expect(hit.querySelector('mark')?.textContent).toBe('Brücke')
    await typeInto(byLabel(root, 'Search drafts'), 'AND OR "(')
    await waitFor(() => root.querySelector('.search-results')?.getAttribute('aria-busy') === 'false')
    expect(root.querySelector('.notice-error')).toBeNull()
    expect(root.querySelector('.library')?.textContent).not.toContain('Search is not available')
  })

  it('moves a draft to the trash, restores it, and deletes forever only after confirmation', async () => {
    const root = await boot()
    await newDraft(root, 'Wegwerfen')
    const id = await selectedId(root)
    await click(byLabel(root, 'More actions for “Wegwerfen”'))
    await click(buttonByText(document, 'Move to trash'))
    await waitFor(async () => (await library.backend.api.invoke('drafts.list', { view: 'trash' })).some((d) => d.id === id))
    expect(root.querySelector('[aria-label="Drafts"]')?.textContent).not.toContain('Wegwerfen')

    await click(buttonByText(root, 'Trash'))
    await waitFor(() => byLabel(root, 'More actions for “Wegwerfen”'))
    await click(byLabel(root, 'More actions for “Wegwerfen”'))
    await click(buttonByText(document, 'Restore'))
    await waitFor(async () => (await library.backend.api.invoke('drafts.list', { view: 'active' })).some((d) => d.id === id))

    await click(buttonByText(root, 'Back to the library'))
    await click(await waitFor(() => byLabel(root, 'More actions for “Wegwerfen”')))
    await click(buttonByText(document, 'Move to trash'))
    await click(buttonByText(root, 'Trash'))
    await waitFor(() => byLabel(root, 'More actions for “Wegwerfen”'))
    await click(byLabel(root, 'More actions for “Wegwerfen”'))
    await click(buttonByText(document, 'Delete forever'))
    const dialog = await waitFor(() => root.querySelector('[role="dialog"]'))
    expect(dialog.textContent).toContain('cannot be undone')
    await click(buttonByText(dialog, 'Cancel'))
    expect((await library.backend.api.invoke('drafts.list', { view: 'trash' })).some((d) => d.id === id)).toBe(true)
    await click(byLabel(root, 'More actions for “Wegwerfen”'))
    await click(buttonByText(document, 'Delete forever'))
    await click(buttonByText(root.querySelector('[role="dialog"]')!, 'Delete forever'))
    await waitFor(async () => !(await library.backend.api.invoke('drafts.list', { view: 'trash' })).some((d) => d.id === id))
  })

  it('renames from the row menu: the title gets focus and is selected, for the open draft and for another', async () => {
    const root = await boot()
    await newDraft(root, 'Erster')
    await newDraft(root, 'Zweiter')
    const titleSelected = (title: string) => () => {
      const field = root.querySelector<HTMLTextAreaElement>('textarea.title-field')
      return field?.value === title && document.activeElement === field && field.selectionStart === 0 && field.selectionEnd === title.length
    }
    await click(byLabel(root, 'More actions for “Zweiter”'))
    await click(buttonByText(document, 'Rename'))
    await waitFor(titleSelected('Zweiter'), 4000, 'open draft title selected')
    await click(byLabel(root, 'More actions for “Erster”'))
    await click(buttonByText(document, 'Rename'))
    await waitFor(titleSelected('Erster'), 4000, 'other draft opened with its title selected')
  })

  it('opens a trashed draft read-only, with a way to restore it', async () => {
    const root = await boot()
    await newDraft(root, 'Im Korb')
    await typeText(editorIn(root), 'Lesbar, nicht änderbar.')
    await click(byLabel(root, 'More actions for “Im Korb”'))
    await click(buttonByText(document, 'Move to trash'))
    await click(await waitFor(() => buttonByText(root, 'Trash')))
    await click(await waitFor(() => [...root.querySelectorAll<HTMLButtonElement>('.draft-row-main')].find((b) => b.textContent?.includes('Im Korb'))))
    const banner = await waitFor(() => root.querySelector<HTMLElement>('.trash-banner'))
    expect(banner.textContent).toContain('This draft is in the trash')
    expect(editorIn(root).isEditable).toBe(false)
    expect(editorIn(root).getText()).toBe('Lesbar, nicht änderbar.')
    expect(root.querySelector<HTMLTextAreaElement>('textarea.title-field')?.readOnly).toBe(true)
    await click(buttonByText(banner, 'Restore'))
    await waitFor(() => !root.querySelector('.trash-banner') && editorIn(root).isEditable)
    expect((await library.backend.api.invoke('drafts.list', { view: 'active' })).some((d) => d.title === 'Im Korb')).toBe(true)
  })

  it('filters by status', async () => {
    const root = await boot()
    await newDraft(root, 'Eine Idee')
    await typeInto(byLabel<HTMLSelectElement>(root, 'Status')!, 'idea')
    await waitFor(() => root.querySelector('[aria-current="true"] .status-badge')?.textContent === 'Idea')
    await click(buttonByText(root, /^Ideas/))
    const titles = () => [...root.querySelectorAll('.draft-row-title')].map((t) => t.textContent)
    await waitFor(() => titles().length === 1)
    expect(titles()).toEqual(['Eine Idee'])
    await click(buttonByText(root, /^All/))
    await waitFor(() => titles().length === 2)
  })
})

describe('keyboard, palette, settings', () => {
  const ctrl = (key: string, extra: KeyboardEventInit = {}) => keyDown(window, { key, ctrlKey: true, ...extra })

  it('Ctrl+Shift+P opens the palette; a command runs; Esc leaves focus mode', async () => {
    const root = await boot()
    await ctrl('P', { shiftKey: true })
    const dialog = await waitFor(() => root.querySelector<HTMLElement>('[role="dialog"]'))
    expect(dialog.querySelector('h2')?.textContent).toBe('Commands')
    const input = byLabel<HTMLInputElement>(dialog, 'Command')!
    await typeInto(input, 'focus')
    expect([...dialog.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual(['Focus mode'])
    await keyDown(input, { key: 'Enter' })
    await waitFor(() => root.querySelector('.workspace.focus-mode'))
    expect(root.querySelector('nav.library')).toBeNull()
    expect(root.querySelector('[role="toolbar"]')).toBeNull()
    await keyDown(window, { key: 'Escape' })
    await waitFor(() => root.querySelector('nav.library'))
  })

  it('Ctrl+N starts a new draft and Ctrl+F puts the caret in the search field', async () => {
    const root = await boot()
    await ctrl('n')
    await waitFor(async () => (await library.backend.api.invoke('drafts.list', { view: 'active' })).length === 2)
    await waitFor(() => document.activeElement?.classList.contains('title-field'))
    await ctrl('f')
    await waitFor(() => document.activeElement === byLabel(root, 'Search drafts'))
  })

  it('Ctrl+K links the selected words; only web and mail addresses are accepted', async () => {
    const root = await boot()
    await newDraft(root, 'Links')
    const editor = editorIn(root)
    await typeText(editor, 'Lies mehr hier.')
    await act(async () => void editor.commands.setTextSelection({ from: 11, to: 15 }))
    await keyDown(editor.view.dom, { key: 'k', ctrlKey: true })
    let dialog = await waitFor(() => root.querySelector<HTMLElement>('[role="dialog"]'))
    await typeInto(dialog.querySelector('input'), 'javascript:alert(1)')
    await click(buttonByText(dialog, 'Apply'))
    expect(dialog.querySelector('[role="alert"]')?.textContent).toMatch(/web pages/)
    await typeInto(dialog.querySelector('input'), 'example.com/lesen')
    await click(buttonByText(dialog, 'Apply'))
    await waitFor(() => !root.querySelector('[role="dialog"]'))
    expect(root.querySelector('.ProseMirror a')?.getAttribute('href')).toBe('https://example.com/lesen')
    expect(root.querySelector('.ProseMirror a')?.textContent).toBe('hier')
    await keyDown(editor.view.dom, { key: 'k', ctrlKey: true })
    dialog = await waitFor(() => root.querySelector<HTMLElement>('[role="dialog"]'))
    await click(buttonByText(dialog, 'Remove link'))
    expect(root.querySelector('.ProseMirror a')).toBeNull()
  })

  it('remembers the library width in the settings', async () => {
    const root = await boot()
    const splitter = byLabel(root, 'Resize library')!
    await keyDown(splitter, { key: 'ArrowRight', shiftKey: true })
    await waitFor(async () => (await library.backend.api.invoke('settings.get', {})).panes.libraryWidth === 300)
    expect(splitter.getAttribute('aria-valuenow')).toBe('300')
  })

  it('switches the UI language at once and keeps the choice', async () => {
    const root = await boot()
    await ctrl('P', { shiftKey: true })
    const palette = await waitFor(() => root.querySelector<HTMLElement>('[role="dialog"]'))
    await typeInto(byLabel(palette, 'Command'), 'settings')
    await keyDown(byLabel(palette, 'Command')!, { key: 'Enter' })
    // The settings dialog's code loads on first use: wait for it, not for whichever dialog is up.
    const settings = await waitFor(() => byLabel(root, 'Deutsch', 'input[type="radio"]')?.closest<HTMLElement>('[role="dialog"]'))
    await click(byLabel(settings, 'Deutsch', 'input[type="radio"]'))
    await waitFor(() => buttonByText(root, 'Neuer Entwurf'))
    expect(settings.querySelector('h2')?.textContent).toBe('Einstellungen')
    expect((await library.backend.api.invoke('settings.get', {})).uiLanguage).toBe('de')
  })
})

describe('revisions', () => {
  it('lists snapshots and restores one; the restore is undoable through a new snapshot', async () => {
    const root = await boot()
    await newDraft(root, 'Fassungen')
    const editor = editorIn(root)
    await typeText(editor, 'Erste Fassung.')
    await blurWindow()
    await saved(root)
    library.backend.advance(10 * 60_000)
    await act(async () => void editor.commands.focus('end'))
    await typeText(editorIn(root), ' Zweite Fassung.')
    await blurWindow()
    await saved(root)

    await click(byLabel(root, 'Version history', 'button'))
    const dialog = await waitFor(() => root.querySelector<HTMLElement>('[role="dialog"]'))
    const item = await waitFor(() => dialog.querySelector<HTMLButtonElement>('.revision-item'), 3000, 'revision')
    expect(item.textContent).toContain('2 words')
    await click(item)
    await waitFor(() => dialog.querySelector('.revision-preview .ProseMirror')?.textContent === 'Erste Fassung.')
    await click(buttonByText(dialog, 'Restore this version'))
    await waitFor(() => !root.querySelector('[role="dialog"]'))
    await waitFor(() => editorIn(root).getText() === 'Erste Fassung.', 3000, 'restored text')
    const id = await selectedId(root)
    const revisions = await library.backend.api.invoke('revisions.list', { draftId: id })
    expect(revisions.map((r) => r.reason)).toContain('before-restore')
  })
})
