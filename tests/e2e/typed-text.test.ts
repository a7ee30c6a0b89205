import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, type Draft } from '@shared/domain'
import { showDraft, useAppHarness } from './support/app-harness'

/**
 * Typed characters go into the text through ProseMirror (renderer/editor/typedText.ts), not the
 * browser's editing, and React's commits do not walk the text (renderer/editor/reactCommitWalk.ts).
 * In real Chromium with real key events: keys typed into the middle of a paragraph with a
 * proofing mark land where the caret is, Backspace and undo work on them, an IME composition
 * still goes through the browser, and the save that follows stores exactly what is on screen.
 */
const TITLE = 'Tippen im Text'
const FIRST = 'Mein erster Beitarg über Gespräche auf Augenhöhe, z. B. mit Kunden.'
const PARAGRAPHS = [FIRST, ...Array.from({ length: 40 }, (_, i) => `Absatz ${i + 2}: Ein Gespräch ist mehr als ein Austausch von Worten.`)]

// A long text (119,000 characters): each key typed there is still one transaction of its own.
const LONG_TITLE = 'Langer Text'
const LONG_PARAGRAPHS = Array.from({ length: 220 }, (_, i) => `${i + 1}. ${'Ein Gespräch auf Augenhöhe ist mehr als ein Austausch von Worten. '.repeat(8)}`)

const app = useAppHarness({
  prefix: 'typed-text',
  locale: 'de-DE',
  async seed(bridge) {
    await bridge.call<Draft>('drafts.create', { title: TITLE, language: 'de', doc: docFromParagraphs(PARAGRAPHS) })
    await bridge.call<Draft>('drafts.create', { title: LONG_TITLE, language: 'de', doc: docFromParagraphs(LONG_PARAGRAPHS) })
  },
})

async function open(): Promise<Page> {
  const { page } = await app.open()
  await showDraft(page, TITLE)
  // Proofing has marked the typo: keys now go into a paragraph split by a decoration.
  await page.locator('.ProseMirror .proof-spelling').first().waitFor({ timeout: 60_000 })
  return page
}

/** Puts the caret at document position `pos` and the focus in the text (a real click would land on a pixel). */
async function caretAt(page: Page, pos: number): Promise<void> {
  await page.evaluate((pos) => {
    const dom = document.querySelector('.ProseMirror') as HTMLElement & { editor: { commands: { setTextSelection(pos: number): void } } }
    dom.editor.commands.setTextSelection(pos)
    dom.focus()
  }, pos)
}

/** Puts the caret right after `word` in the first paragraph. */
async function caretAfter(page: Page, word: string): Promise<void> {
  const text = (await firstParagraph(page))!
  await caretAt(page, 1 + text.indexOf(word) + word.length)
}

const firstParagraph = (page: Page) => page.locator('.ProseMirror > p').first().textContent()

describe('typing into the text', () => {
  it('in a long text keeps every key in order with Backspace, Enter, arrows and a click in between, and saves it', async () => {
    const { page } = await app.open()
    await showDraft(page, LONG_TITLE)
    await page.locator('.ProseMirror > p').nth(100).waitFor()
    expect(LONG_PARAGRAPHS.join('').length).toBeGreaterThan(100_000)
    await caretAt(page, 4) // "1. |Ein"
    // No delay between keys: ProseMirror's own keys (Backspace, Enter, arrows) and the browser's
    // caret moves between characters it inserted itself.
    await page.keyboard.type('Ab')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('ber')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type('x')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Neue Zeile „mit Zitat“.')
    // A click into the next paragraph's start, then more keys.
    await page.locator('.ProseMirror > p').nth(2).click({ position: { x: 2, y: 5 } })
    await page.keyboard.type('Vorne ')
    const texts = () => page.locator('.ProseMirror > p').evaluateAll((ps) => ps.slice(0, 3).map((p) => p.textContent))
    const [first, second, third] = await texts()
    expect(first).toBe('1. Abx')
    expect(second).toBe(`Neue Zeile „mit Zitat“.er${LONG_PARAGRAPHS[0]!.slice(3)}`)
    expect(third!.startsWith('Vorne 2. Ein Gespräch')).toBe(true)
    // What is saved is what is on screen.
    await page.locator('.save-indicator.save-saved').waitFor({ timeout: 10_000 })
    const stored = await storedParagraphs(LONG_TITLE)
    expect(stored.slice(0, 3)).toEqual([first, second, third])
  })

  it('puts real keys at the caret inside a marked paragraph; Backspace and one undo take them back', async () => {
    const page = await open()
    await caretAfter(page, 'Gespräche')
    await page.keyboard.type(' „mit Herz“ – ca. 5 €', { delay: 30 })
    expect(await firstParagraph(page)).toBe('Mein erster Beitarg über Gespräche „mit Herz“ – ca. 5 € auf Augenhöhe, z. B. mit Kunden.')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('€!')
    expect(await firstParagraph(page)).toContain('ca. 5 €! auf')
    await page.keyboard.press('Control+z')
    expect(await firstParagraph(page)).toBe(FIRST)
    // The save that follows stores what is on screen.
    await page.keyboard.type('x')
    const expected = await firstParagraph(page)
    await expect.poll(() => firstStored(), { timeout: 10_000 }).toBe(expected)
  })

  it('splits, joins and bolds where the caret is when Enter, Delete or Ctrl+B follow an arrow at once', async () => {
    const page = await open()
    await caretAfter(page, 'Kunden.')
    const [before, next] = [await firstParagraph(page), await page.locator('.ProseMirror > p').nth(1).textContent()]
    // No delay: the keymap's command runs before the arrow's selectionchange reaches ProseMirror.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.type(' Aber')
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('Enter')
      await page.keyboard.press('ArrowUp')
      await page.keyboard.press('End')
      await page.keyboard.press('Delete')
      await page.keyboard.press('End')
    }
    expect(await firstParagraph(page)).toBe(`${before} Aber Aber Aber Aber Aber`)
    expect(await page.locator('.ProseMirror > p').nth(1).textContent()).toBe(next)
    // A shortcut right after a selection made with keys: Ctrl+B bolds the selected word.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Control+Shift+ArrowLeft')
      await page.keyboard.press('Control+b')
      await page.keyboard.press('ArrowLeft')
    }
    expect(await page.locator('.ProseMirror > p').first().locator('strong').allTextContents()).toEqual(['Aber Aber Aber'])
  })

  it('leaves an IME composition to the browser and keeps its result', async () => {
    const page = await open()
    await caretAfter(page, 'Kunden')
    const before = (await firstParagraph(page))!
    const cdp = await page.context().newCDPSession(page)
    // A dead key (´ then e) as German keyboards compose it, then a Japanese syllable.
    await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.insertText', { text: 'é' })
    await cdp.send('Input.imeSetComposition', { text: 'か', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.insertText', { text: '課' })
    await cdp.detach()
    await page.keyboard.type('!')
    expect(await firstParagraph(page)).toBe(before.replace('Kunden.', 'Kundené課!.'))
  })

  it('keeps React commits (save indicator, word count) from walking the text while it has the focus', async () => {
    const page = await open()
    await caretAfter(page, 'Beitarg')
    // Counts reads of the last paragraph's first child: nothing but a walk over the whole text reads it.
    await page.evaluate(() => {
      const last = document.querySelector('.ProseMirror')!.lastElementChild!
      const firstChild = Object.getOwnPropertyDescriptor(Node.prototype, 'firstChild')!
      const w = window as unknown as { __walks: number }
      w.__walks = 0
      Object.defineProperty(last, 'firstChild', {
        configurable: true,
        get() {
          w.__walks++
          return firstChild.get!.call(this)
        },
      })
    })
    // Every React commit outside the text from now on: the save indicator ("Bearbeitet…",
    // "Gespeichert"), the word count.
    await page.evaluate(() => {
      const w = window as unknown as { __commits: number }
      w.__commits = 0
      new MutationObserver((records) => {
        if (records.some((r) => !(r.target instanceof Node && document.querySelector('.ProseMirror')!.contains(r.target)))) w.__commits++
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    await page.keyboard.type(' neu', { delay: 40 })
    await page.locator('.save-indicator.save-saved').waitFor({ timeout: 10_000 })
    expect(await page.evaluate(() => (window as unknown as { __commits: number }).__commits)).toBeGreaterThan(0)
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
    expect(await page.evaluate(() => (window as unknown as { __walks: number }).__walks)).toBe(0)
  })
})

/** The stored draft's paragraphs, as the library has them now. */
async function storedParagraphs(title: string): Promise<string[]> {
  const list = await app.bridge().call<Draft[]>('drafts.list', { view: 'active' })
  const draft = await app.bridge().call<Draft>('drafts.get', { id: list.find((d) => d.title === title)!.id })
  return (draft.doc as { content: { content?: { text: string }[] }[] }).content.map((p) => (p.content ?? []).map((t) => t.text).join(''))
}

/** The first paragraph of the stored draft, as the library has it now. */
async function firstStored(): Promise<string> {
  return (await storedParagraphs(TITLE))[0]!
}
