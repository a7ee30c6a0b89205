import { describe, expect, it } from 'vitest'
import { newDraft, useAppHarness } from './support/app-harness'

/**
 * The first key typed into a fresh, empty line must land before the caret, however busy the
 * machine is. On a loaded machine Chromium sometimes inserted that character natively into
 * `<p><br></p>` but left the DOM caret in front of it; ProseMirror read the caret from there,
 * so "Die Brücke" was stored as "ie BrückeD". The page below is kept busy the way a loaded
 * machine keeps it: short timer tasks run between the keystrokes.
 */
const app = useAppHarness({ prefix: 'typing', locale: 'de-DE' })

const LINES = 24

describe('typing into a new empty line on a busy machine', () => {
  it('keeps every first character where it was typed, after Enter at the end of a heading or a paragraph', async () => {
    const { page } = await app.open()
    await page.locator('.ProseMirror').waitFor()
    await newDraft(page, 'de', 'Unter Last')
    // Timer tasks of a few milliseconds between the keystrokes, as other work on a loaded machine makes.
    await page.evaluate(() => {
      const tick = () => setTimeout(tick, Math.random() * 10)
      tick()
    })
    const expected: string[] = []
    for (let i = 0; i < LINES; i++) {
      const heading = i % 2 === 0
      const text = `Die Zeile ${i}`
      await page.keyboard.type(heading ? `## ${text}` : text)
      await page.keyboard.press('Enter')
      expected.push(`${heading ? 'H2' : 'P'}:${text}`)
    }
    const blocks = await page.locator('.ProseMirror > *').evaluateAll((els) => els.map((el) => `${el.tagName}:${el.textContent}`))
    expect(blocks.slice(0, LINES)).toEqual(expected)
    // After the last Enter only empty paragraphs follow (the editor keeps one at the end).
    expect(blocks.slice(LINES).every((block) => block === 'P:')).toBe(true)
  })
})
