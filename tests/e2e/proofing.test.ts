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
})
