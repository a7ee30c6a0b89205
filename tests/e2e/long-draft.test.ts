import { describe, expect, it } from 'vitest'
import { generatedDoc } from '../bench/support/corpus'
import { useAppHarness } from './support/app-harness'

/**
 * A 100,000-word draft. Off-screen top-level blocks skip style and layout
 * (`content-visibility: auto`, renderer/styles/editor.css) — that must not change what the
 * writer sees: the outline still jumps to a heading far below, the caret still scrolls into view.
 */
const app = useAppHarness({
  prefix: 'long-draft',
  locale: 'de-DE',
  async seed(bridge) {
    await bridge.call('drafts.create', { title: 'Hunderttausend Wörter', language: 'de', doc: generatedDoc(100_000, 7) })
    await bridge.call('settings.update', { patch: { uiLanguage: 'de' } })
  },
})

describe('a 100,000-word draft', () => {
  it('renders only what is on screen, and the outline and the caret still reach every part of it', async () => {
    const { page } = await app.open()
    await page.locator('.ProseMirror > p').nth(100).waitFor({ timeout: 60_000 })
    // The rule is applied in the app (not only written down), and off-screen blocks are skipped.
    expect(await page.locator('.ProseMirror > p').first().evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('auto')
    const outlineButton = page.getByRole('toolbar').getByRole('button', { name: 'Gliederung', exact: true })
    if ((await outlineButton.getAttribute('aria-pressed')) !== 'true') await outlineButton.click()
    const outline = page.getByRole('navigation', { name: 'Gliederung' })
    const far = outline.getByRole('button', { name: 'Abschnitt 120', exact: true })
    // The outline of a long draft scrolls on its own: its last entries can be reached.
    expect(await outline.evaluate((el) => el.scrollHeight > el.clientHeight && el.getBoundingClientRect().bottom <= innerHeight)).toBe(true)
    await far.click()
    const heading = page.locator('.ProseMirror > h2', { hasText: /^Abschnitt 120$/ })
    // Smooth scrolling over estimated sizes: the heading ends up on screen, with the caret in it.
    await expect.poll(() => heading.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= innerHeight
    }), { timeout: 10_000 }).toBe(true)
    expect(await page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest('h2')?.textContent)).toBe('Abschnitt 120')
    // Ctrl+End: the caret goes to the very end (Chromium alone stopped at the start of the last,
    // skipped paragraph) and the view follows it; typing lands there.
    await page.locator('.ProseMirror').focus()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Ende.')
    const last = page.locator('.ProseMirror > :last-child')
    await expect.poll(() => last.evaluate((el) => el.textContent?.endsWith(' Ende.') && el.getBoundingClientRect().bottom <= innerHeight && el.getBoundingClientRect().bottom > 0)).toBe(true)
  })

  it('sends its first save after opening as a block patch, not the whole draft, and a reload shows the text', async () => {
    const { page } = await app.open()
    await page.locator('.ProseMirror > p').nth(100).waitFor({ timeout: 60_000 })
    // Body saves by URL, whatever they are called, from the moment the draft is on screen.
    const saves: string[] = []
    page.on('request', (request) => {
      const save = /\/api\/(drafts\.save\w+)/.exec(request.url())
      if (save) saves.push(save[1]!)
    })
    const answered = page.waitForResponse((response) => /\/api\/drafts\.save/.test(response.url()), { timeout: 30_000 })
    const paragraph = page.locator('.ProseMirror > p').nth(3)
    await paragraph.click()
    await page.keyboard.type(' Erster Patch.')
    const response = await answered
    expect(saves[0]).toBe('drafts.saveBlocks')
    expect(((await response.json()) as { value: { status: string } }).value.status).toBe('saved')
    // One changed paragraph on the wire, not 100,000 words.
    expect((response.request().postDataJSON() as { splices: { blocks: unknown[] }[] }).splices.flatMap((s) => s.blocks)).toHaveLength(1)
    expect(saves).not.toContain('drafts.saveContent')
    const text = await paragraph.textContent()
    expect(text).toContain(' Erster Patch.')
    await page.reload()
    await page.locator('.ProseMirror > p').nth(100).waitFor({ timeout: 60_000 })
    expect(await page.locator('.ProseMirror > p').nth(3).textContent()).toBe(text)
  })
})
