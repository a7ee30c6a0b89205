import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { docFromParagraphs, type Draft } from '@shared/domain'
import { type BridgeProcess, ROOT, startBridgeProcess } from './support/bridge-process'
import { type OpenOptions, type OpenedPage, openApp } from './support/browser'

const SCREENSHOTS = resolve(ROOT, 'tests/artifacts/screenshots')

let dataDir: string
let bridge: BridgeProcess
let opened: OpenedPage | null = null

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'longhand-foundation-'))
  bridge = await startBridgeProcess(dataDir)
})
afterEach(async () => {
  if (opened) {
    // No request may leave the machine, and the page must not have logged errors.
    expect(opened.foreignRequests).toEqual([])
    expect(opened.consoleErrors).toEqual([])
    await opened.close()
  }
  opened = null
})
afterAll(async () => {
  await bridge?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function open(options?: OpenOptions): Promise<Page> {
  opened = await openApp(bridge.url, options)
  await opened.page.locator('.ProseMirror').waitFor()
  return opened.page
}

const saved = (page: Page) => page.locator('.save-indicator', { hasText: /^(Saved|Gespeichert)$/ }).waitFor()

describe('foundation: write, keep, find, trash, restore', () => {
  it('writes a German draft with a heading, autosaves it, and reads it back from SQLite after a reload', async () => {
    const page = await open({ locale: 'de-DE' })
    await page.getByRole('button', { name: 'Neuer Entwurf' }).click()
    const title = page.getByRole('textbox', { name: 'Titel' })
    await expect.poll(() => title.evaluate((el) => el === document.activeElement && (el as HTMLTextAreaElement).value === '')).toBe(true)
    await page.keyboard.type('Grüße aus München')
    await page.keyboard.press('Enter') // moves to the text
    await page.keyboard.type('## Über Brücken')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Die Brücke über den Fluss ist "schön" -- sagt man.')
    await saved(page)

    const list = await bridge.call<Draft[]>('drafts.list', { view: 'active' })
    const draft = await bridge.call<Draft>('drafts.get', { id: list.find((d) => d.title === 'Grüße aus München')!.id })
    expect(draft.language).toBe('de')
    expect(draft.doc.content[0]).toMatchObject({ type: 'heading', attrs: { level: 2 }, content: [{ text: 'Über Brücken' }] })
    expect(draft.doc.content[1]?.content?.[0]?.text).toBe('Die Brücke über den Fluss ist „schön“ — sagt man.')

    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => page.getByRole('textbox', { name: 'Titel' }).inputValue()).toBe('Grüße aus München')
    await expect.poll(() => page.locator('.ProseMirror h2').textContent()).toBe('Über Brücken')
    expect(await page.locator('.ProseMirror p').first().textContent()).toBe('Die Brücke über den Fluss ist „schön“ — sagt man.')
    await expect.poll(() => page.getByRole('navigation', { name: 'Gliederung' }).textContent()).toContain('Über Brücken')
  })

  it('finds the draft as you type, ignoring umlauts, with the hit highlighted', async () => {
    const page = await open({ locale: 'de-DE' })
    await page.keyboard.press('Control+f')
    await expect.poll(() => page.getByRole('searchbox', { name: 'Entwürfe durchsuchen' }).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('brucke')
    const hit = page.locator('.search-hit', { hasText: 'Grüße aus München' })
    await hit.waitFor()
    expect(await hit.locator('mark').first().textContent()).toMatch(/^Brücke/)
    await page.keyboard.type(' AND "(')
    await page.waitForTimeout(400)
    expect(await page.locator('.notice-error').count()).toBe(0)
  })

  it('moves the draft to the trash and restores it', async () => {
    const page = await open({ locale: 'de-DE' })
    await page.getByRole('button', { name: 'Weitere Aktionen für „Grüße aus München“' }).click()
    await page.getByRole('menuitem', { name: 'In den Papierkorb' }).click()
    await page.getByText('„Grüße aus München“ liegt im Papierkorb').waitFor()
    expect(await page.getByRole('list', { name: 'Entwürfe' }).textContent()).not.toContain('Grüße aus München')

    await page.getByRole('button', { name: 'Papierkorb', exact: true }).click()
    await page.getByRole('button', { name: 'Weitere Aktionen für „Grüße aus München“' }).click()
    await page.getByRole('menuitem', { name: 'Wiederherstellen' }).click()
    await page.getByRole('button', { name: 'Zurück zur Bibliothek' }).click()
    await page.getByRole('list', { name: 'Entwürfe' }).getByText('Grüße aus München').waitFor()
    const trash = await bridge.call<Draft[]>('drafts.list', { view: 'trash' })
    expect(trash).toEqual([])
  })

  it('restores an older revision, and the restore itself can be undone from the history', async () => {
    const page = await open({ locale: 'en-US' })
    await page.getByRole('button', { name: 'New draft' }).click()
    const title = page.getByRole('textbox', { name: 'Title' })
    await expect.poll(() => title.evaluate((el) => el === document.activeElement && (el as HTMLTextAreaElement).value === '')).toBe(true)
    await page.keyboard.type('Versions')
    await page.keyboard.press('Enter')
    await page.keyboard.type('First version.')
    await saved(page)
    await page.keyboard.type(' Second version.')
    await saved(page)

    await page.getByRole('button', { name: 'Version history' }).click()
    const dialog = page.getByRole('dialog', { name: 'Version history' })
    await dialog.locator('.revision-item').first().click()
    await expect.poll(() => dialog.locator('.revision-preview .ProseMirror').textContent()).toBe('First version.')
    await dialog.getByRole('button', { name: 'Restore this version' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.locator('.ProseMirror').first().textContent()).toBe('First version.')

    await page.getByRole('button', { name: 'Version history' }).click()
    const reasons = await page.getByRole('dialog', { name: 'Version history' }).locator('.revision-item').allTextContents()
    expect(reasons.some((r) => r.includes('before a restore'))).toBe(true)
  })
})

describe('screens in both themes, both languages, wide and narrow', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    // A library that tests the layout: a 300-character title, long compounds, emoji, tags.
    const longTitle = `Datenschutzgrundverordnung und Donaudampfschifffahrtsgesellschaft 🚢✨ ${'Überlänge '.repeat(30)}`.slice(0, 300)
    const seeds = [
      { title: longTitle, status: 'idea', tags: ['Datenschutzgrundverordnung', 'Recht'], language: 'de' },
      { title: 'Warum ich jeden Morgen 500 Wörter schreibe ☕️', status: 'published', tags: ['Schreiben'], language: 'de' },
      { title: 'Notes on a quiet newsletter', status: 'draft', tags: ['newsletter'], language: 'en' },
    ] as const
    for (const seed of seeds) {
      await bridge.call('drafts.create', {
        ...seed,
        tags: [...seed.tags],
        doc: docFromParagraphs(['Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz — ein Wort, das nicht umbrechen will.', 'Zweiter Absatz mit Emoji 🙂 und „Anführungszeichen“.']),
      })
    }
  })

  const cases = [
    { theme: 'light', locale: 'en-US', width: 1280 },
    { theme: 'dark', locale: 'en-US', width: 1280 },
    { theme: 'light', locale: 'de-DE', width: 1280 },
    { theme: 'dark', locale: 'de-DE', width: 1280 },
    { theme: 'light', locale: 'en-US', width: 900 },
    { theme: 'dark', locale: 'de-DE', width: 900 },
  ] as const

  for (const c of cases) {
    it(`main window, ${c.theme}, ${c.locale}, ${c.width} px`, async () => {
      const page = await open({ colorScheme: c.theme, locale: c.locale, viewport: { width: c.width, height: 800 } })
      // Open the draft with the 300-character title: the worst case for the title field.
      await page.locator('.draft-row-main', { hasText: 'Datenschutzgrundverordnung und' }).click()
      await expect.poll(() => page.locator('textarea.title-field').inputValue()).toMatch(/^Datenschutzgrundverordnung und/)
      await page.waitForTimeout(300)
      const name = `main-${c.theme}-${c.locale.slice(0, 2)}-${c.width}.png`
      await page.screenshot({ path: join(SCREENSHOTS, name) })
      // Nothing may overflow the window horizontally.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
    })
  }

  it('focus mode, command palette and settings (dark, German)', async () => {
    const page = await open({ colorScheme: 'dark', locale: 'de-DE' })
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.press('Control+Shift+P')
    const palette = page.getByRole('dialog', { name: 'Befehle' })
    await palette.waitFor()
    await page.keyboard.type('fokus')
    await page.screenshot({ path: join(SCREENSHOTS, 'palette-dark-de-1280.png') })
    await page.keyboard.press('Enter')
    await palette.waitFor({ state: 'detached' })
    expect(await page.locator('.workspace.focus-mode').count()).toBe(1)
    expect(await page.getByRole('navigation', { name: 'Bibliothek' }).count()).toBe(0)
    await page.locator('.ProseMirror p').nth(1).click()
    await page.screenshot({ path: join(SCREENSHOTS, 'focus-dark-de-1280.png') })
    await page.keyboard.press('Escape')
    await page.getByRole('navigation', { name: 'Bibliothek' }).waitFor()

    await page.keyboard.press('Control+Shift+P')
    await page.keyboard.type('einstellungen')
    await page.keyboard.press('Enter')
    const settings = page.getByRole('dialog', { name: 'Einstellungen' })
    await settings.getByRole('radio', { name: 'Hell' }).check()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
    await settings.getByRole('radio', { name: 'English' }).check()
    await page.getByRole('dialog', { name: 'Settings' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-light-en-1280.png') })
    // Back to the defaults for any later test (theme first: the language switch renames everything).
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Same as the system', exact: true }).check()
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: /Same as the system \(/ }).check()
    await page.getByRole('dialog', { name: 'Einstellungen' }).waitFor()
    const settingsNow = await bridge.call<{ uiLanguage: string; theme: string }>('settings.get', {})
    expect(settingsNow).toMatchObject({ uiLanguage: 'system', theme: 'system' })
  })
})
