import type { Editor } from '@tiptap/core'
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { docFromParagraphs, type DraftId } from '@shared/domain'
import { localDate } from '../../../renderer/posts/localDate'
import { passageRanges } from '../../../renderer/posts/passageMark'
import { testBackend, type TestBackend } from '../support/backend'
import { germanAppOn } from '../support/app'
import { typeText } from '../support/editor'
import { buttonByText, byLabel, click, keyDown, render, type Rendered, typeInto, waitFor } from '../support/render'

/**
 * The posts panel inside the real app, against the real backend (SQLite in a temp folder):
 * what the author does with a passage, and what ends up on disk.
 */
const FIRST = 'Wer jeden Morgen schreibt, denkt klarer. Sorgfalt braucht Zeit, und Zeit ist das Wertvollste, was wir verschenken.'
const SECOND = 'Der zweite Absatz bleibt ohne Posts.'

let backend: TestBackend
let view: Rendered | null = null
let draftId: DraftId
let clipboard: string[]

beforeEach(async () => {
  backend = await testBackend()
  const draft = await backend.api.invoke('drafts.create', {
    title: 'Morgens schreiben',
    language: 'de',
    tags: ['Schreiben'],
    doc: docFromParagraphs([FIRST, SECOND]),
  })
  draftId = draft.id
  // The platform's clipboard (jsdom has none); the app's own code runs unchanged.
  clipboard = []
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void clipboard.push(text) },
  })
})
afterEach(async () => {
  await view?.unmount()
  view = null
  backend.close()
})

const boot = () => germanAppOn('Morgens schreiben', backend, async (node, options) => (view = await render(node, { api: backend.api, ...options })))

const pane = (root: HTMLElement) => root.querySelector<HTMLElement>('aside[aria-label="Posts"]')

function selectParagraph(editor: Editor, index: number): void {
  let from = 0
  let to = 0
  editor.state.doc.forEach((node, offset, i) => {
    if (i === index) {
      from = offset + 1
      to = offset + 1 + node.content.size
    }
  })
  act(() => void editor.commands.setTextSelection({ from, to }))
}

async function makePostsFromFirst(root: HTMLElement, editor: Editor) {
  selectParagraph(editor, 0)
  await act(async () => void editor.commands.makePosts())
  return waitFor(() => pane(root)?.querySelector('[aria-label="Vorschlag für Mastodon"]') && pane(root)!, 4000, 'suggestions')
}

function passageIds(editor: Editor): number[] {
  const ids = new Set<number>()
  editor.state.doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'passage') ids.add(mark.attrs.passageId as number)
  })
  return [...ids]
}

describe('making posts from a passage', () => {
  it('marks the passage, stores it, and suggests a post for each platform the author uses', async () => {
    const { root, editor } = await boot()
    const panel = await makePostsFromFirst(root, editor)
    for (const name of ['X', 'Bluesky', 'Mastodon', 'LinkedIn', 'Facebook', 'Instagram']) {
      expect(panel.querySelector(`[aria-label="Vorschlag für ${name}"]`), name).not.toBeNull()
    }
    expect(panel.querySelector('[aria-label="Vorschlag für Threads"]')).toBeNull()
    const { passages } = await backend.api.invoke('posts.listForDraft', { draftId })
    expect(passages.map((p) => p.text)).toEqual([FIRST])
    expect(passageIds(editor)).toEqual([passages[0]!.id])
    expect(passageRanges(editor.state.doc, passages[0]!.id).map((r) => editor.state.doc.textBetween(r.from, r.to))).toEqual([FIRST])
    // The German draft gets German wording and its own tag.
    const question = panel.querySelector<HTMLElement>('[aria-label="Vorschlag für Mastodon"]')!
    await click(byLabel(question, 'Frage', 'input'))
    expect(question.querySelector('textarea')!.value).toMatch(/\?/)
    expect(panel.textContent).toContain('#Schreiben')
  })

  it('suggestions follow platforms switched on and off in Settings, and keep the cards the author edited', async () => {
    const { root, editor } = await boot()
    const panel = await makePostsFromFirst(root, editor)
    const x = panel.querySelector<HTMLElement>('[aria-label="Vorschlag für X"]')!
    await typeInto(x.querySelector('textarea'), 'Meine eigene Fassung')
    await keyDown(window, { key: 'P', ctrlKey: true, shiftKey: true })
    const palette = await waitFor(() => root.querySelector<HTMLElement>('[role="dialog"]'))
    await typeInto(byLabel(palette, 'Befehl'), 'einstellungen')
    await keyDown(byLabel(palette, 'Befehl')!, { key: 'Enter' })
    const settings = await waitFor(() => root.querySelector<HTMLElement>('[role="dialog"] .posts-settings'))
    await click(byLabel(settings, 'Threads', 'input'))
    await click(byLabel(settings, 'Facebook', 'input'))
    await waitFor(() => panel.querySelector('[aria-label="Vorschlag für Threads"]'), 4000, 'Threads suggested')
    expect(panel.querySelector('[aria-label="Vorschlag für Facebook"]')).toBeNull()
    expect(panel.querySelector<HTMLTextAreaElement>('[aria-label="Vorschlag für X"] textarea')!.value).toBe('Meine eigene Fassung')
  })

  it("compares one platform's three styles side by side, and saves the one chosen", async () => {
    const { root, editor } = await boot()
    const panel = await makePostsFromFirst(root, editor)
    await click(byLabel(panel, 'Stile vergleichen', 'input'))
    const select = byLabel<HTMLSelectElement>(panel, 'Plattform zum Vergleichen', 'select')!
    await typeInto(select, 'linkedin')
    for (const style of ['Zitat', 'Frage', 'Teaser']) expect(panel.querySelector(`[aria-label="${style}-Vorschlag für LinkedIn"]`), style).not.toBeNull()
    expect(panel.querySelector('[aria-label="Vorschlag für X"]')).toBeNull()
    const question = panel.querySelector<HTMLElement>('[aria-label="Frage-Vorschlag für LinkedIn"]')!
    await click(buttonByText(question, 'Speichern'))
    await waitFor(async () => (await backend.api.invoke('posts.listForDraft', { draftId })).posts.length === 1, 4000, 'saved')
    const saved = (await backend.api.invoke('posts.listForDraft', { draftId })).posts[0]!
    expect([saved.platform, saved.style]).toEqual(['linkedin', 'question'])
    await click(byLabel(panel, 'Nach Plattform', 'input'))
    expect(panel.querySelector('[aria-label="Vorschlag für X"]')).not.toBeNull()
  })

  it("asks the author's own questions in turn, continuing where the last session stopped", async () => {
    await backend.api.invoke('settings.update', {
      patch: { posts: { ownQuestions: ['Wann schreibst du am liebsten?', 'Was hilft dir beim Anfangen?'], rotation: 1 } },
    })
    const { root, editor } = await boot()
    const panel = await makePostsFromFirst(root, editor)
    const question = () => panel.querySelector<HTMLElement>('[aria-label="Vorschlag für Mastodon"]')!
    await click(byLabel(question(), 'Frage', 'input'))
    expect(question().querySelector('textarea')!.value).toContain('Was hilft dir beim Anfangen?')
    await waitFor(async () => (await backend.api.invoke('settings.get', {})).posts.rotation === 2, 4000, 'rotation stored')
  })

  it('asks the library how common the passage words are, once per making, through the typed API', async () => {
    const { root, editor } = await boot()
    const asked: string[][] = []
    const invoke = backend.api.invoke.bind(backend.api)
    // Counting the calls only; the real channel answers.
    backend.api.invoke = ((channel: string, args: { terms: string[] }) => {
      if (channel === 'search.termStats') asked.push(args.terms)
      return invoke(channel as never, args as never)
    }) as typeof backend.api.invoke
    await makePostsFromFirst(root, editor)
    expect(asked).toHaveLength(1)
    // The passage's candidate tags ("Zeit" and "Morgen" are stopwords), folded as the index folds them.
    expect(asked[0]).toEqual(['wertvollste'])
    const stats = await invoke('search.termStats', { terms: asked[0]! })
    expect(stats).toEqual({ documentCount: 1, documentFrequencies: [1] })
  })

  it('counts as the platform does: the X counter turns amber near the limit and red over it, with the number', async () => {
    const { root, editor } = await boot()
    const panel = await makePostsFromFirst(root, editor)
    const x = panel.querySelector<HTMLElement>('[aria-label="Vorschlag für X"]')!
    const text = x.querySelector('textarea')!
    const counter = () => x.querySelector('.post-counter [aria-hidden]')!
    const level = () => x.querySelector('.post-counter')!.className
    expect(level()).toContain('is-ok')
    await typeInto(text, 'ü'.repeat(260))
    expect(level()).toContain('is-near')
    expect(counter().textContent).toBe('260 / 280')
    await typeInto(text, `${'ü'.repeat(280)} 🙂`)
    expect(level()).toContain('is-over')
    expect(counter().textContent).toBe('283 / 280')
    // Not colour alone: the number, and for screen readers a sentence tied to the text field.
    const described = text.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent)
    expect(described[0]).toBe('283 von 280 Zeichen')
    expect(described[1]).toContain('3 Zeichen zu viel')
    expect(x.textContent).toContain('3 Zeichen zu viel. X nimmt das so nicht an')
  })

  it('copies a post, and in the browser harness offers the checked compose link instead of opening it', async () => {
    const { root, editor } = await boot()
    const panel = await makePostsFromFirst(root, editor)
    const bluesky = panel.querySelector<HTMLElement>('[aria-label="Vorschlag für Bluesky"]')!
    await click(buttonByText(bluesky, /^(Kopieren|Alles kopieren)$/))
    expect(clipboard).toEqual([[...bluesky.querySelectorAll('textarea')].map((t) => t.value).join('\n\n')])
    expect(buttonByText(bluesky, 'Kopiert')).not.toBeNull()
    await click(buttonByText(bluesky, 'In Bluesky öffnen'))
    const link = await waitFor(() => bluesky.querySelector<HTMLAnchorElement>('.post-open-link a'))
    expect(link.href).toMatch(/^https:\/\/bsky\.app\/intent\/compose\?text=Wer%20jeden%20Morgen/)
    expect(link.rel).toBe('noopener noreferrer')
    expect(link.target).toBe('_blank')
    // Facebook has no compose page that takes text.
    const facebook = panel.querySelector<HTMLElement>('[aria-label="Vorschlag für Facebook"]')!
    expect(buttonByText(facebook, 'In Facebook öffnen')!.disabled).toBe(true)
  })

  it('saves, plans for today, lists in Today, marks posted — all on disk', async () => {
    const { root, editor } = await boot()
    const panel = await makePostsFromFirst(root, editor)
    const mastodon = panel.querySelector<HTMLElement>('[aria-label="Vorschlag für Mastodon"]')!
    const edited = `${FIRST}\n\nMein eigener Schluss.`
    await typeInto(mastodon.querySelector('textarea'), edited)
    await click(buttonByText(mastodon, 'Speichern'))
    const saved = await waitFor(() => panel.querySelector<HTMLElement>('.saved-post'), 4000, 'saved post')
    expect(panel.querySelector('[aria-label="Vorschlag für Mastodon"]')).toBeNull()
    let { posts } = await backend.api.invoke('posts.listForDraft', { draftId })
    expect(posts).toMatchObject([{ platform: 'mastodon', style: 'quote', parts: [edited], state: 'draft' }])

    await click(buttonByText(saved, 'Planen…'))
    await click(buttonByText(saved, 'Für heute planen'))
    await waitFor(() => saved.querySelector('.state-chip')?.textContent === 'Geplant')
    ;({ posts } = await backend.api.invoke('posts.listForDraft', { draftId }))
    expect(posts[0]).toMatchObject({ state: 'planned', plannedFor: localDate() })

    await click([...panel.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent === 'Heute'))
    const due = await waitFor(() => panel.querySelector<HTMLElement>('.today-due'), 4000, 'today list')
    expect(due.textContent).toContain('Aus „Morgens schreiben“')
    await click(buttonByText(due, 'Als gepostet markieren…'))
    await typeInto(byLabel(due, 'Link zum veröffentlichten Post (optional)', 'input'), 'kein link')
    await click(buttonByText(due, 'Als gepostet markieren'))
    expect(due.textContent).toContain('Das ist keine Webadresse')
    await typeInto(byLabel(due, 'Link zum veröffentlichten Post (optional)', 'input'), 'https://mastodon.social/@ich/1')
    await click(buttonByText(due, 'Als gepostet markieren'))
    await waitFor(() => panel.querySelector('.today-done'), 4000, 'done list')
    ;({ posts } = await backend.api.invoke('posts.listForDraft', { draftId }))
    expect(posts[0]).toMatchObject({ state: 'posted', plannedFor: localDate(), postedUrl: 'https://mastodon.social/@ich/1' })
  })

  it('saves edits of a saved post by itself, shortly after typing stops', async () => {
    const { root, editor } = await boot()
    const panel = await makePostsFromFirst(root, editor)
    await click(buttonByText(panel.querySelector<HTMLElement>('[aria-label="Vorschlag für LinkedIn"]')!, 'Speichern'))
    const saved = await waitFor(() => panel.querySelector<HTMLElement>('.saved-post'))
    await typeInto(saved.querySelector('textarea'), 'Ganz neu geschrieben.')
    await waitFor(async () => (await backend.api.invoke('posts.listForDraft', { draftId })).posts[0]?.parts[0] === 'Ganz neu geschrieben.', 4000, 'text saved')
  })
})

describe('the passage mark', () => {
  it('keeps its place through edits, is not extended by typing at its edge, and survives undo', async () => {
    const { root, editor } = await boot()
    await makePostsFromFirst(root, editor)
    const [id] = passageIds(editor)
    // Typing right after the passage does not grow it.
    const end = passageRanges(editor.state.doc, id!)[0]!.to
    act(() => void editor.commands.setTextSelection(end))
    await typeText(editor, ' Angehängt.')
    // Typing before it moves it.
    act(() => void editor.commands.setTextSelection(1))
    await typeText(editor, 'Vorweg: ')
    const [range] = passageRanges(editor.state.doc, id!)
    expect(editor.state.doc.textBetween(range!.from, range!.to)).toBe(FIRST)
    // Undoing the typing keeps the mark (it is not part of the undo history).
    await act(async () => {
      for (let i = 0; i < 40; i++) editor.commands.undo()
    })
    expect(passageIds(editor)).toEqual([id])
  })

  it('a click inside it shows its posts; a passage left without saved posts is dropped again', async () => {
    const { root, editor } = await boot()
    const panel = await makePostsFromFirst(root, editor)
    await click(buttonByText(panel.querySelector<HTMLElement>('[aria-label="Vorschlag für X"]')!, 'Speichern'))
    await waitFor(() => panel.querySelector('.saved-post'))
    const [kept] = passageIds(editor)

    // Posts from the second paragraph, then back to the overview without saving any.
    selectParagraph(editor, 1)
    await act(async () => void editor.commands.makePosts())
    await waitFor(() => passageIds(editor).length === 2, 4000, 'second mark')
    await click(buttonByText(panel, 'Alle Posts dieses Entwurfs'))
    await waitFor(() => passageIds(editor).length === 1, 4000, 'second mark dropped')
    expect(passageIds(editor)).toEqual([kept])
    await waitFor(async () => (await backend.api.invoke('posts.listForDraft', { draftId })).passages.length === 1, 4000, 'passage row dropped')
    expect(panel.textContent).toContain('Posts dieses Entwurfs')

    // A click in the kept passage opens it.
    const inside = passageRanges(editor.state.doc, kept!)[0]!.from + 3
    act(() => void editor.commands.setTextSelection(inside))
    await act(async () => {
      editor.view.someProp('handleClick', (f) => f(editor.view, inside, new MouseEvent('click', { button: 0 })))
    })
    await waitFor(() => panel.querySelector('.passage-block blockquote')?.textContent === FIRST, 4000, 'passage view')
    expect(panel.querySelectorAll('.saved-post')).toHaveLength(1)
  })

  it('leftovers go when the draft opens: marks without posts, and passage rows nobody posted from', async () => {
    const kept = await backend.api.invoke('passages.create', { draftId, text: FIRST })
    await backend.api.invoke('posts.create', { draftId, passageId: kept.id, platform: 'x', style: 'quote', parts: [FIRST] })
    const abandoned = await backend.api.invoke('passages.create', { draftId, text: SECOND })
    const marked = (text: string, passageId: number) => ({
      type: 'paragraph',
      content: [{ type: 'text', text, marks: [{ type: 'passage', attrs: { passageId } }] }],
    })
    await backend.api.invoke('drafts.saveContent', {
      id: draftId,
      doc: { type: 'doc', content: [marked(FIRST, kept.id), marked(SECOND, abandoned.id), marked('Aus einem anderen Entwurf kopiert.', 999)] },
    })
    const { editor } = await boot()
    await waitFor(() => passageIds(editor).length === 1, 4000, 'leftover marks removed')
    expect(passageIds(editor)).toEqual([kept.id])
    expect(editor.getText()).toContain('Aus einem anderen Entwurf kopiert.')
    await waitFor(async () => (await backend.api.invoke('posts.listForDraft', { draftId })).passages.length === 1, 4000, 'leftover row dropped')
  })

  it('the editor context menu offers "Posts machen" on a selection', async () => {
    const { root, editor } = await boot()
    selectParagraph(editor, 1)
    await act(async () => {
      editor.view.dom.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2, clientX: 40, clientY: 40 }))
    })
    const menu = await waitFor(() => document.querySelector<HTMLElement>('[role="menu"][aria-label="Textaktionen"]'))
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((m) => m.textContent)).toEqual(['Posts machenStrg+Umschalt+M', 'KopierenStrg+C'])
    await click(buttonByText(menu, /^Posts machen/))
    await waitFor(() => pane(root)?.querySelector('[aria-label="Vorschlag für X"]'), 4000, 'suggestions')
    const { passages } = await backend.api.invoke('posts.listForDraft', { draftId })
    expect(passages.map((p) => p.text)).toEqual([SECOND])
  })

  it('without a selection, "Make posts" says what to do first and changes nothing', async () => {
    const { root, editor } = await boot()
    act(() => void editor.commands.setTextSelection(3))
    await act(async () => void editor.commands.makePosts())
    await waitFor(() => root.textContent?.includes('Markiere zuerst eine Passage'))
    expect(pane(root)?.textContent).toContain('Markiere eine Passage, dann mach Posts daraus.')
    expect((await backend.api.invoke('posts.listForDraft', { draftId })).passages).toEqual([])
  })
})
