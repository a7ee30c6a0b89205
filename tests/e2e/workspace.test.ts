import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Draft } from '@shared/domain'
import { useAppHarness } from './support/app-harness'
import { ROOT } from './support/bridge-process'
import type { OpenOptions } from './support/browser'

/**
 * The workspace a new user sees, with the posts pane open, at the widths of the walk-through
 * (issue 10): the outline never covers the title or the text, and the toolbar stays clickable.
 */
const SCREENSHOTS = resolve(ROOT, 'tests/artifacts/screenshots')
const TITLE = 'Selbstständig schreiben: ein Jahr Morgenseiten und die Datenschutzgrundverordnung'

const text = (value: string) => [{ type: 'text', text: value }]
const DOC = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: text('Wer jeden Morgen schreibt, denkt klarer. Drei Seiten, bevor der Tag laut wird – das ist die ganze Übung.') },
    { type: 'heading', attrs: { level: 2 }, content: text('Warum morgens, und warum gerade mit der Hand statt am Bildschirm') },
    { type: 'paragraph', content: text('Morgens ist die Welt noch leise, der Kaffee dampft ☕ und nichts will etwas von mir.') },
    { type: 'heading', attrs: { level: 3 }, content: text('Datenschutzgrundverordnungskonformitätsprüfung') },
    { type: 'paragraph', content: text('Was bleibt, wird ein Beitrag; was nicht bleibt, war trotzdem Übung.') },
  ],
}

const app = useAppHarness({
  prefix: 'workspace',
  async seed(bridge) {
    mkdirSync(SCREENSHOTS, { recursive: true })
    // An older draft with a long title: the library shows two lines of it and a line of its text.
    await bridge.call('drafts.create', {
      title: 'Datenschutzgrundverordnung und Newsletter: was Autorinnen und Autoren wirklich wissen müssen, bevor sie anfangen',
      language: 'de',
      status: 'idea',
      tags: ['Recht'],
      doc: { type: 'doc', content: [{ type: 'paragraph', content: text('Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz — ein Wort, das nicht umbrechen will, und danach noch ein ganzer Satz.') }] },
    })
    await bridge.call<Draft>('drafts.create', { title: TITLE, language: 'de', status: 'draft', tags: ['Routine'], doc: DOC })
  },
})

async function open(options: OpenOptions & { language: 'de' | 'en' }): Promise<Page> {
  await app.bridge().call('settings.update', { patch: { uiLanguage: options.language, panes: { postsOpen: true, libraryOpen: true } } })
  const { page } = await app.open({ locale: options.language === 'de' ? 'de-DE' : 'en-US', ...options })
  await page.locator('.ProseMirror').waitFor()
  const title = page.locator('textarea.title-field')
  await expect.poll(() => title.inputValue()).toBe(TITLE)
  await page.locator('.posts-pane-host').waitFor()
  return page
}

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not visible')
  return found
}

/** The element at a control's centre is the control: nothing lies on top of it. */
async function isOnTop(page: Page, locator: Locator): Promise<boolean> {
  const b = await box(locator)
  const handle = await locator.elementHandle()
  return page.evaluate(
    ([x, y, el]) => {
      const hit = document.elementFromPoint(x as number, y as number)
      return hit !== null && (el as Element).contains(hit)
    },
    [b.x + b.width / 2, b.y + b.height / 2, handle] as const,
  )
}

describe('workspace with the posts pane open', () => {
  for (const width of [1440, 1280, 900]) {
    it(`${width} px: the outline covers neither title nor text, and Outline/Versions/Focus are clickable`, async () => {
      const page = await open({ language: 'de', viewport: { width, height: 800 } })
      const toolbar = page.getByRole('toolbar')
      for (const name of ['Gliederung', 'Versionsverlauf', 'Fokusmodus']) {
        const button = toolbar.getByRole('button', { name, exact: true })
        expect(await isOnTop(page, button), `${name} at ${width}`).toBe(true)
      }
      const outlineButton = toolbar.getByRole('button', { name: 'Gliederung', exact: true })
      if ((await outlineButton.getAttribute('aria-pressed')) !== 'true') await outlineButton.click({ timeout: 2000 })
      const outline = page.getByRole('navigation', { name: 'Gliederung' })
      await outline.waitFor()
      await page.screenshot({ path: join(SCREENSHOTS, `workspace-posts-outline-light-de-${width}.png`) })
      const outlineBox = await box(outline)
      expect(overlaps(outlineBox, await box(page.locator('textarea.title-field'))), 'outline over the title').toBe(false)
      for (const block of await page.locator('.ProseMirror > *').all()) {
        expect(overlaps(outlineBox, await box(block)), 'outline over the text').toBe(false)
      }
      // Entries wrap instead of being cut.
      const entry = outline.getByRole('button', { name: /Warum morgens/ })
      expect(await entry.evaluate((el) => el.scrollWidth <= el.clientWidth && getComputedStyle(el).whiteSpace !== 'nowrap')).toBe(true)
    })
  }

  const looks = [
    { language: 'de', colorScheme: 'light', width: 1280 },
    { language: 'en', colorScheme: 'dark', width: 1280 },
    { language: 'de', colorScheme: 'dark', width: 900 },
    { language: 'en', colorScheme: 'light', width: 900 },
  ] as const
  for (const look of looks) {
    it(`screenshot: ${look.language}, ${look.colorScheme}, ${look.width} px`, async () => {
      const page = await open({ language: look.language, colorScheme: look.colorScheme, viewport: { width: look.width, height: 800 } })
      await page.waitForTimeout(300)
      await page.screenshot({ path: join(SCREENSHOTS, `workspace-posts-${look.colorScheme}-${look.language}-${look.width}.png`) })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
    })
  }

  it('making posts for another passage scrolls the pane to its new cards', async () => {
    const page = await open({ language: 'de', viewport: { width: 1280, height: 800 } })
    const paragraphs = page.locator('.ProseMirror p')
    await paragraphs.nth(0).click({ clickCount: 3 })
    await page.keyboard.press('Control+Shift+M')
    const body = page.locator('.posts-body')
    await body.getByRole('region', { name: 'Vorschlag für Instagram' }).waitFor()
    await body.evaluate((el) => (el.scrollTop = el.scrollHeight))
    expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(200)

    await paragraphs.nth(1).click({ clickCount: 3 })
    await page.keyboard.press('Control+Shift+M')
    await expect.poll(() => body.locator('.passage-block blockquote').textContent()).toContain('Morgens ist die Welt')
    const first = body.getByRole('region', { name: 'Vorschlag für X' })
    await first.waitFor()
    const [card, pane] = [await box(first), await box(body)]
    expect(card.y).toBeGreaterThanOrEqual(pane.y)
    expect(card.y).toBeLessThan(pane.y + pane.height)
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-posts-second-passage-light-de-1280.png') })
  })

  it('dialogs are native and modal: the background is inert until Esc closes them', async () => {
    const page = await open({ language: 'en', viewport: { width: 1280, height: 800 } })
    const settingsButton = page.locator('.library-bottom').getByRole('button', { name: 'Settings' })
    await settingsButton.click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await dialog.waitFor()
    expect(await dialog.evaluate((el) => el.tagName === 'DIALOG' && el.matches(':modal'))).toBe(true)
    // Inert: the background can take neither focus nor clicks.
    const newDraft = page.getByRole('button', { name: 'New draft' })
    await newDraft.evaluate((el) => (el as HTMLElement).focus())
    expect(await newDraft.evaluate((el) => document.activeElement === el)).toBe(false)
    expect(await isOnTop(page, newDraft)).toBe(false)
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-settings-dialog-light-en-1280.png') })
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    // Focus went back to the button that opened it.
    expect(await settingsButton.evaluate((el) => document.activeElement === el)).toBe(true)
  })
})
