import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Draft, JournalHit, JournalNote, Passage, Post } from '@shared/domain'
import { showDraft, useAppHarness } from './support/app-harness'
import { ROOT } from './support/bridge-process'
import type { OpenOptions } from './support/browser'

/**
 * The dialog journal in real Chromium against the real bridge and SQLite: mark a saved post
 * posted, note what came back under it, find the note in the draft's and the library's journal
 * and with the search, insert it into the draft as a quote, reload — and it is all still there.
 */
const SCREENSHOTS = resolve(ROOT, 'tests/artifacts/screenshots')
const TITLE = 'Dialog statt Sendung'
const PASSAGE = 'Wer fragt, bekommt Antworten. Wer sendet, bekommt Reichweite.'
const NOTE = 'Jana fragt, ob das auch für Gespräche am Küchentisch gilt.'

let draftId: number

const app = useAppHarness({
  prefix: 'journal',
  locale: 'de-DE',
  async seed(bridge) {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const draft = await bridge.call<Draft>('drafts.create', { title: TITLE, language: 'de' })
    draftId = draft.id
    // A saved post on a marked passage, as the posts flow leaves it (tests/e2e/posts.test.ts).
    const passage = await bridge.call<Passage>('passages.create', { draftId, text: PASSAGE })
    await bridge.call('drafts.saveContent', {
      id: draftId,
      doc: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: PASSAGE, marks: [{ type: 'passage', attrs: { passageId: passage.id } }] }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Ein zweiter Absatz.' }] },
        ],
      },
    })
    await bridge.call<Post>('posts.create', { draftId, passageId: passage.id, platform: 'mastodon', style: 'quote', parts: [PASSAGE] })
  },
})

async function open(options: OpenOptions = {}): Promise<Page> {
  const { page } = await app.open(options)
  await showDraft(page, TITLE)
  return page
}

const pane = (page: Page) => page.getByRole('complementary', { name: 'Posts' })

describe('dialog journal', () => {
  it('mark posted → note → draft and library journal → search → insert as quote → reload: all there', async () => {
    const page = await open()
    await page.locator('.ProseMirror .passage-mark').click()
    const saved = pane(page).locator('.saved-post').first()
    await saved.waitFor()

    // Mark it posted: the "What came back" area appears under it.
    await saved.getByRole('button', { name: 'Als gepostet markieren…' }).click()
    await saved.getByRole('textbox', { name: 'Link zum veröffentlichten Post (optional)' }).fill('https://mastodon.social/@ich/42')
    await saved.getByRole('button', { name: 'Als gepostet markieren', exact: true }).click()
    const cameBack = saved.getByRole('region', { name: 'Was kam zurück' })
    await cameBack.waitFor()

    // Add a note: today's date is preset; a question.
    await cameBack.getByRole('button', { name: 'Notiz hinzufügen' }).click()
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'))
    expect(await cameBack.getByLabel('Datum').inputValue()).toBe(today)
    await cameBack.getByLabel('Art').selectOption('question')
    await cameBack.getByLabel('Notiz', { exact: true }).fill(NOTE)
    await cameBack.getByRole('button', { name: 'Notiz speichern' }).click()
    await cameBack.locator('.journal-note', { hasText: NOTE }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'journal-post-light-de-1280.png') })

    // The draft's journal, then the library's, newest first.
    await pane(page).getByRole('tab', { name: 'Journal' }).click()
    const journal = pane(page).locator('.journal-view')
    await journal.locator('.journal-note', { hasText: NOTE }).waitFor()
    await journal.getByRole('button', { name: 'Alle Entwürfe' }).click()
    await journal.getByText(`Aus „${TITLE}“`).waitFor()

    // The search: accents folded, a prefix while typing.
    await journal.getByRole('searchbox', { name: 'Journal durchsuchen' }).fill('kuchent')
    await journal.locator('.journal-note mark', { hasText: 'Küchentisch' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'journal-search-light-de-1280.png') })
    const hits = await app.bridge().call<JournalHit[]>('journal.search', { text: 'Küchentisch' })
    expect(hits.map((h) => h.text)).toEqual([NOTE])

    // Insert as quote: a blockquote in the draft, with the reference line linked to the post.
    await page.locator('.ProseMirror p').nth(1).click()
    await journal.getByRole('button', { name: 'Als Zitat einfügen' }).click()
    const quote = page.locator('.ProseMirror blockquote')
    await expect.poll(() => quote.textContent()).toContain(NOTE)
    expect(await quote.locator('a').getAttribute('href')).toBe('https://mastodon.social/@ich/42')
    // Autosaved to SQLite.
    await expect.poll(async () => JSON.stringify((await app.bridge().call<Draft>('drafts.get', { id: draftId })).doc), { timeout: 5000 }).toContain('"blockquote"')

    // Reload: the quote, the note under the post and in the journal are all still there.
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await page.locator('.draft-row-main', { hasText: TITLE }).first().click()
    await expect.poll(() => page.locator('.ProseMirror blockquote').textContent()).toContain(NOTE)
    await page.locator('.ProseMirror .passage-mark').click()
    await pane(page).getByRole('region', { name: 'Was kam zurück' }).locator('.journal-note', { hasText: NOTE }).waitFor()
    await pane(page).getByRole('tab', { name: 'Journal' }).click()
    await pane(page).locator('.journal-view .journal-note', { hasText: NOTE }).waitFor()
    const stored = await app.bridge().call<JournalNote[]>('journal.listForDraft', { draftId })
    expect(stored).toMatchObject([{ kind: 'question', notedOn: today, text: NOTE, platform: 'mastodon', postedUrl: 'https://mastodon.social/@ich/42' }])
  })

  // Looked at: the journal tab in English, dark, in a narrow window (the note from the test above).
  it('journal tab, dark, en-US, 900 px', async () => {
    const page = await open({ locale: 'en-US', colorScheme: 'dark', viewport: { width: 900, height: 800 } })
    const toggle = page.getByRole('button', { name: 'Show posts panel' }).first()
    if (!(await pane(page).count())) await toggle.click()
    await pane(page).getByRole('tab', { name: 'Journal' }).click()
    await pane(page).locator('.journal-view .journal-note', { hasText: NOTE }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'journal-dark-en-900.png') })
  })
})
