import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, type Draft } from '@shared/domain'
import { PLATFORM_IDS } from '@shared/platforms'
import { readFixture } from '../support/fixtures'
import { showDraft, useAppHarness } from './support/app-harness'
import { ROOT } from './support/bridge-process'
import type { OpenOptions } from './support/browser'

/**
 * The posts pane with the held-out German blog post (tests/fixtures/herz-statt-technik.de.txt):
 * a passage with a heading, made into posts, in both themes, both UI languages, wide and narrow;
 * the three styles side by side; the suggestions' text written beside the screenshots to judge.
 */
const SCREENSHOTS = resolve(ROOT, 'tests/artifacts/screenshots')
const SAMPLE = readFixture('herz-statt-technik.de.txt')
const LINES = SAMPLE.split('\n').map((line) => line.trim()).filter((line) => line !== '')
const TITLE = LINES[0]!
const FIRST = 'Social Media Marketing braucht Soft Skills'
const LAST = 'Einspruch! Tatsächlich ist Uwe nur eines: eine Social-Media-Fehlbesetzung par excellence.'

const app = useAppHarness({
  prefix: 'posts-held-out',
  async seed(bridge) {
    mkdirSync(SCREENSHOTS, { recursive: true })
    await bridge.call<Draft>('drafts.create', {
      title: TITLE,
      language: 'de',
      status: 'draft',
      tags: ['Social Media', 'Kommunikation'],
      doc: docFromParagraphs(LINES.slice(1)),
    })
    // Two more drafts about social media: "Social Media" is then common in this library, not specific.
    for (const title of ['Social Media im Mittelstand', 'Social Media und Datenschutz']) {
      await bridge.call<Draft>('drafts.create', { title, language: 'de', doc: docFromParagraphs([`${title}: ein paar Gedanken zu Social Media.`]) })
    }
    // All ten platforms, as a coach who posts everywhere would have them.
    await bridge.call('settings.update', { patch: { blog: { urlPattern: 'https://blog.example.de/{slug}' }, posts: { enabled: [...PLATFORM_IDS] } } })
  },
})

async function open(options: OpenOptions): Promise<Page> {
  const { page } = await app.open(options)
  await showDraft(page, TITLE, 'Herz statt Technik')
  return page
}

const pane = (page: Page) => page.getByRole('complementary', { name: 'Posts' })

/** Selects from the heading to the end of the "Einspruch!" paragraph, as a drag would, and makes posts. */
async function makePosts(page: Page): Promise<void> {
  // Proofing's first round starts once the page is idle (late on a busy machine) and redraws the
  // paragraphs it marks; a selection set by script in the same moment, before ProseMirror has read
  // it, is lost in that redraw. Select once the marks are there, as a reader would.
  await page.locator('.ProseMirror .proof-spelling, .ProseMirror .proof-style').first().waitFor()
  await page.evaluate(
    ([first, last]) => {
      const paragraphs = [...document.querySelectorAll('.ProseMirror p')]
      const from = paragraphs.find((p) => p.textContent === first)!
      const to = paragraphs.find((p) => p.textContent === last)!
      const range = document.createRange()
      // Element offsets: proofing marks may split a paragraph's text into several nodes.
      range.setStart(from, 0)
      range.setEnd(to, to.childNodes.length)
      ;(document.querySelector('.ProseMirror') as HTMLElement).focus()
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    [FIRST, LAST],
  )
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString().length ?? 0)).toBeGreaterThan(1000)
  await page.keyboard.press('Control+Shift+M')
  await pane(page).getByRole('heading', { name: /^(Vorschläge|Suggestions)$/ }).waitFor()
  await pane(page).locator('.post-parts.is-thread').first().waitFor()
}

const cases = [
  { theme: 'light', locale: 'de-DE', width: 1280 },
  { theme: 'dark', locale: 'de-DE', width: 1280 },
  { theme: 'light', locale: 'en-US', width: 1280 },
  { theme: 'dark', locale: 'en-US', width: 1280 },
  { theme: 'light', locale: 'de-DE', width: 900 },
  { theme: 'dark', locale: 'de-DE', width: 900 },
  { theme: 'light', locale: 'en-US', width: 900 },
  { theme: 'dark', locale: 'en-US', width: 900 },
] as const

describe('posts pane with the held-out German post', () => {
  for (const c of cases) {
    it(`${c.theme}, ${c.locale}, ${c.width} px`, async () => {
      const page = await open({ colorScheme: c.theme, locale: c.locale, viewport: { width: c.width, height: 900 } })
      await makePosts(page)
      await page.waitForTimeout(300)
      const name = `posts-held-out-${c.theme}-${c.locale.slice(0, 2)}-${c.width}`
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
      const overflowing = await pane(page)
        .locator('.post-card')
        .evaluateAll((cards) => cards.filter((el) => el.scrollWidth > el.clientWidth + 1).length)
      expect(overflowing).toBe(0)
      if (c.theme === 'light' && c.width === 1280) {
        // Every card's text as suggested, to read as a coach would.
        const texts = await pane(page)
          .locator('section.suggestion')
          .evaluateAll((cards) =>
            cards.map((card) => `## ${card.getAttribute('aria-label')}\n${[...card.querySelectorAll('textarea')].map((t) => (t as HTMLTextAreaElement).value).join('\n-- part --\n')}`),
          )
        writeFileSync(join(SCREENSHOTS, `${name}.txt`), texts.join('\n\n'))
        // The three styles of one platform side by side; the pane as wide as it goes.
        await pane(page).getByRole('radio', { name: /^(Stile vergleichen|Compare styles)$/ }).check()
        await pane(page).getByRole('combobox').selectOption('linkedin')
        await page.waitForTimeout(200)
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-compare.png`) })
        const compared = await pane(page)
          .locator('section.suggestion')
          .evaluateAll((cards) => cards.map((card) => `## ${card.getAttribute('aria-label')}\n${[...card.querySelectorAll('textarea')].map((t) => (t as HTMLTextAreaElement).value).join('\n-- part --\n')}`))
        writeFileSync(join(SCREENSHOTS, `${name}-compare.txt`), compared.join('\n\n'))
        expect(compared).toHaveLength(3)
        // Side by side means all three in view: the pane makes room rather than hide two of them.
        const paneBox = (await pane(page).boundingBox())!
        for (const card of await pane(page).locator('.styles-compare > .suggestion').all()) {
          const box = (await card.boundingBox())!
          expect(box.x + box.width, 'a compared style is cut off at the pane’s edge').toBeLessThanOrEqual(paneBox.x + paneBox.width + 1)
        }
      }
    })
  }
})
