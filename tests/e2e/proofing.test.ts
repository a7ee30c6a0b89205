import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, type Draft, type Settings } from '@shared/domain'
import { showDraft, useAppHarness } from './support/app-harness'

/**
 * Proofreading in real Chromium against the built app: a German draft with a typo gets a wavy
 * mark from the worker's Hunspell dictionary; right-click → a suggestion fixes it; "add to my
 * dictionary" is stored (SQLite settings) and survives a reload. The dictionaries come from the
 * app's own origin: the recorder in support/browser.ts fails the test on any other request.
 */
const TITLE = 'Mein erster Beitrag'
const TEXT = 'Mein erster Beitarg über Selbstvermarktung als Social-Media-Manager. Das Wort Longhandismus ist meins.'

const app = useAppHarness({
  prefix: 'proofing',
  locale: 'de-DE',
  async seed(bridge) {
    await bridge.call<Draft>('drafts.create', { title: TITLE, language: 'de', doc: docFromParagraphs([TEXT]) })
  },
})

async function open(): Promise<Page> {
  const { page } = await app.open()
  await showDraft(page, TITLE)
  return page
}

const marked = (page: Page) => page.locator('.ProseMirror .proof-spelling').allTextContents()

describe('proofreading', () => {
  it('marks a German typo, fixes it from the right-click menu, and remembers an added word after a reload', async () => {
    const page = await open()
    // Chromium's own spellchecker stays out of it.
    expect(await page.locator('.ProseMirror').getAttribute('spellcheck')).toBe('false')

    // German dictionary loads in the worker (seconds), then the typo and the made-up word are marked;
    // the compounds are not.
    await expect.poll(() => marked(page), { timeout: 60_000 }).toEqual(['Beitarg', 'Longhandismus'])

    await page.locator('.ProseMirror .proof-spelling', { hasText: 'Beitarg' }).click({ button: 'right' })
    const menu = page.getByRole('menu')
    await menu.getByRole('menuitem', { name: 'Beitrag', exact: true }).click({ timeout: 30_000 })
    await expect.poll(() => page.locator('.ProseMirror p').first().textContent()).toContain('Mein erster Beitrag über')
    await expect.poll(() => marked(page)).toEqual(['Longhandismus'])

    await page.locator('.ProseMirror .proof-spelling', { hasText: 'Longhandismus' }).click({ button: 'right' })
    await page.getByRole('menuitem', { name: '„Longhandismus“ zu meinem Wörterbuch hinzufügen' }).click()
    await expect.poll(() => marked(page)).toEqual([])
    await expect.poll(async () => (await app.bridge().call<Settings>('settings.get', {})).proofing.words).toEqual(['Longhandismus'])
  })

  it('keeps the added word after a reload and marks a new typo', async () => {
    const page = await open()
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Noch ein Fehlr.')
    await expect.poll(() => marked(page), { timeout: 60_000 }).toEqual(['Fehlr'])
    expect(await page.locator('.ProseMirror').textContent()).toContain('Longhandismus')
  })

  it('moves the caret where the text is clicked, even when new marks arrive in the same moment', async () => {
    const title = 'Klick während der Prüfung'
    await app.bridge().call<Draft>('drafts.create', { title, language: 'de', doc: docFromParagraphs(['Ein Absatz mit einem Fehlr.', 'Zweiter Absatz bleibt, wie er ist.']) })
    const { page } = await app.open()
    // The worker's answers can be held back and handed over at a chosen moment: a busy machine's
    // timing, made exact.
    await page.addInitScript(() => {
      const w = window as unknown as { holdAnswers: boolean; heldAnswers: (() => void)[] }
      w.holdAnswers = false
      w.heldAnswers = []
      const own = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')!
      Object.defineProperty(Worker.prototype, 'onmessage', {
        configurable: true,
        get() {
          return own.get!.call(this)
        },
        set(handler: ((event: MessageEvent) => void) | null) {
          own.set!.call(this, handler && function (this: Worker, event: MessageEvent) {
            if (w.holdAnswers) w.heldAnswers.push(() => handler.call(this, event))
            else handler.call(this, event)
          })
        },
      })
    })
    await page.reload()
    await showDraft(page, title)
    await expect.poll(() => marked(page), { timeout: 60_000 }).toEqual(['Fehlr'])

    // A new typo goes to the worker; its answer is held.
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.press('End')
    await page.evaluate(() => ((window as unknown as { holdAnswers: boolean }).holdAnswers = true))
    await page.keyboard.insertText(' Noch ein Fehlerr hier.')
    await expect.poll(() => page.evaluate(() => (window as unknown as { heldAnswers: unknown[] }).heldAnswers.length)).toBe(1)
    // The click has moved the browser's caret into the second paragraph; ProseMirror reads it in
    // its own selectionchange listener. Right before that, the marks arrive and are drawn.
    await page.evaluate(() => {
      const w = window as unknown as { holdAnswers: boolean; heldAnswers: (() => void)[] }
      const second = document.querySelectorAll('.ProseMirror p')[1]!
      const release = () => {
        const anchor = document.getSelection()?.anchorNode
        if (!anchor || !second.contains(anchor)) return
        document.removeEventListener('selectionchange', release, true)
        w.holdAnswers = false
        for (const answer of w.heldAnswers.splice(0)) answer()
      }
      // Capture phase: before ProseMirror's own listener on the document.
      document.addEventListener('selectionchange', release, true)
    })
    await page.locator('.ProseMirror p').nth(1).click()
    await expect.poll(() => marked(page)).toEqual(['Fehlr', 'Fehlerr'])
    await expect.poll(() => page.locator('.ProseMirror > .has-focus').textContent()).toContain('Zweiter Absatz')
    await page.keyboard.insertText('~')
    await expect.poll(() => page.locator('.ProseMirror p').nth(1).textContent()).toContain('~')
    expect(await page.locator('.ProseMirror p').first().textContent()).toBe('Ein Absatz mit einem Fehlr. Noch ein Fehlerr hier.')
  })
})
