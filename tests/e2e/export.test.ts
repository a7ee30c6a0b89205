import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { chromium, type Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Draft, EditorDoc } from '@shared/domain'
import { useAppHarness } from './support/app-harness'
import { ROOT } from './support/bridge-process'
import { CHROMIUM, CHROMIUM_ARGS } from './support/browser'

/**
 * Export, import and backups through the real app in real Chromium: the exported page is
 * opened on its own (no console errors, no request, looks right), files are imported through
 * the app's file input, hostile files leave nothing dangerous in SQLite, and going back to a
 * safety copy reopens the library behind the bridge.
 */
const SCREENSHOTS = resolve(ROOT, 'tests/artifacts/screenshots')
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

/**
 * Parsing hostile HTML (even into an inert document, to sanitize it) makes some Chromium versions
 * report each inline event handler it refused under the app's CSP (150 does not, 156 does). Those
 * reports are allowed; any other console error fails the test.
 */
const CSP_BLOCKED_HANDLER = /^Executing inline event handler violates the following Content Security Policy directive 'script-src 'self''.*The action has been blocked\.$/

const app = useAppHarness({ prefix: 'export', expectedConsoleError: CSP_BLOCKED_HANDLER })
let downloads: string

beforeAll(() => {
  downloads = mkdtempSync(join(tmpdir(), 'longhand-downloads-'))
})
afterAll(() => {
  rmSync(downloads, { recursive: true, force: true })
})

async function open(): Promise<Page> {
  const { page } = await app.open()
  await page.locator('.ProseMirror').waitFor()
  return page
}

async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P')
  await page.getByRole('combobox', { name: 'Command' }).fill(label)
  await page.keyboard.press('Enter')
}

async function seedDraft(): Promise<Draft> {
  // A picture big enough to see in the screenshot: the page must show it from its own bytes.
  const picture = await sharp({ create: { width: 480, height: 200, channels: 3, background: '#2f5f8a' } })
    .composite([{ input: Buffer.from('<svg width="480" height="200"><circle cx="240" cy="100" r="70" fill="#f7e3a1"/></svg>') }])
    .png()
    .toBuffer()
  const { id: imageId } = await app.bridge().call<{ id: string }>('assets.put', { mime: 'image/png', dataBase64: picture.toString('base64') })
  const doc: EditorDoc = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Wer lange schreibt, denkt genauer. Das gilt für ' }, { type: 'text', text: 'Blogbeiträge', marks: [{ type: 'bold' }] }, { type: 'text', text: ' genauso wie für ' }, { type: 'text', text: 'Briefe', marks: [{ type: 'italic' }] }, { type: 'text', text: '.' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Drei Regeln' }] },
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: ['Erst schreiben, dann kürzen.', 'Ein Gedanke pro Absatz.', 'Laut lesen.'].map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
      },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Schreiben ist Denken auf Papier.' }] }] },
      { type: 'image', attrs: { src: `asset:${imageId}`, alt: 'Ein Pixel', title: null } },
      { type: 'paragraph', content: [{ type: 'text', text: 'Mehr dazu ' }, { type: 'text', text: 'auf meiner Seite', marks: [{ type: 'link', attrs: { href: 'http://127.0.0.1:9/seite' } }] }, { type: 'text', text: ' und im Code: ' }, { type: 'text', text: 'npm start', marks: [{ type: 'code' }] }] },
      { type: 'codeBlock', attrs: { language: 'sh' }, content: [{ type: 'text', text: 'echo "Grüße aus München"' }] },
    ],
  }
  const draft = await app.bridge().call<Draft>('drafts.create', { title: 'Über das lange Schreiben', tags: ['Schreiben', 'Blog'], status: 'published', language: 'de', doc })
  await app.bridge().call('drafts.updateMeta', { id: draft.id, description: 'Warum lange Texte klarer machen.' })
  return draft
}

/** The exported file opened on its own, in a browser with no app around it. */
async function openExportedPage(file: string, colorScheme: 'light' | 'dark') {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, colorScheme })
  const url = pathToFileURL(file).href
  const requests: string[] = []
  const errors: string[] = []
  context.on('request', (request) => {
    if (request.url() !== url && !request.url().startsWith('data:')) requests.push(request.url())
  })
  const page = await context.newPage()
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.goto(url)
  await page.waitForLoadState('load')
  return { browser, page, requests, errors }
}

describe('export through the app', () => {
  it('exports HTML from the palette: one self-contained file that loads with no errors and no requests', async () => {
    const draft = await seedDraft()
    const page = await open()
    await page.getByText('Über das lange Schreiben').first().click()
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Über das lange Schreiben')

    await runCommand(page, 'Export as HTML')
    const dialog = page.getByRole('dialog', { name: /Export “Über das lange Schreiben”/ })
    await dialog.waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()])
    expect(download.suggestedFilename()).toBe('Über das lange Schreiben.html')
    const file = join(downloads, 'export.html')
    await download.saveAs(file)
    await page.locator('.notice-info', { hasText: 'to your downloads' }).waitFor()

    const html = readFileSync(file, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<html lang="de">')
    expect(html).toContain('<title>Über das lange Schreiben</title>')
    expect(html).toContain('data:image/png;base64,')
    expect(html).not.toMatch(/<script|asset:|src="http/)

    for (const scheme of ['light', 'dark'] as const) {
      const exported = await openExportedPage(file, scheme)
      try {
        expect(exported.errors).toEqual([])
        expect(exported.requests).toEqual([])
        expect(await exported.page.locator('h1').textContent()).toBe('Über das lange Schreiben')
        expect(await exported.page.locator('ol li').count()).toBe(3)
        expect(await exported.page.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 480)).toBe(true)
        // The link stays a link; it is only followed if the reader clicks it.
        expect(await exported.page.locator('a', { hasText: 'auf meiner Seite' }).getAttribute('href')).toBe('http://127.0.0.1:9/seite')
        await exported.page.screenshot({ path: join(SCREENSHOTS, `export-html-${scheme}.png`), fullPage: true })
      } finally {
        await exported.browser.close()
      }
    }
    expect((await app.bridge().call<Draft>('drafts.get', { id: draft.id })).title).toBe('Über das lange Schreiben')
  })

  it('exports Markdown with front matter, and copies the body as Markdown', async () => {
    const page = await open()
    await page.getByText('Über das lange Schreiben').first().click()
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Über das lange Schreiben')
    await runCommand(page, 'Export as Markdown')
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    expect(await dialog.getByRole('radio', { name: 'In an “images” folder beside it' }).isDisabled()).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'export-dialog-light-en-1280.png') })
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()])
    const file = join(downloads, 'export.md')
    await download.saveAs(file)
    const md = readFileSync(file, 'utf8')
    expect(md).toMatch(/^---\ntitle: Über das lange Schreiben\n/)
    expect(md).toContain('tags:\n  - Schreiben\n  - Blog')
    expect(md).toContain('status: published')
    expect(md).toContain('## Drei Regeln')
    expect(md).toContain('1. Erst schreiben, dann kürzen.')
    expect(md).toContain('![Ein Pixel](data:image/png;base64,')

    await app.opened()!.context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await runCommand(page, 'Copy as Markdown')
    await page.locator('.notice-info', { hasText: 'Copied as Markdown' }).waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied.startsWith('Wer lange schreibt')).toBe(true)
    expect(copied).not.toContain('title:')
  })
})

describe('import through the app', () => {
  it('imports a Markdown file with front matter through the file input and opens it', async () => {
    const page = await open()
    await page.locator('[data-testid="import-input"]').setInputFiles({
      name: 'reise.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('---\ntitle: Reise nach Wien\ndate: 2024-05-01T08:30:00Z\ntags: [Reise, Österreich]\nstatus: idea\nlang: de\n---\n\n# Reise nach Wien\n\nDer **Naschmarkt** am Morgen.\n\n- Kaffee\n- Kuchen\n'),
    })
    await page.locator('.notice-info', { hasText: 'Imported “Reise nach Wien”' }).waitFor()
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Reise nach Wien')
    expect(await page.locator('.ProseMirror strong').first().textContent()).toBe('Naschmarkt')
    const list = await app.bridge().call<Draft[]>('drafts.list', { view: 'active' })
    const imported = await app.bridge().call<Draft>('drafts.get', { id: list.find((d) => d.title === 'Reise nach Wien')!.id })
    expect(imported).toMatchObject({ tags: ['Reise', 'Österreich'], status: 'idea', language: 'de', createdAt: Date.UTC(2024, 4, 1, 8, 30) })
  })

  it('imports text files dropped on the window, showing where to drop while dragging', async () => {
    const page = await open()
    const dragEvent = (type: string) =>
      page.evaluate((eventType) => {
        const w = window as unknown as { __drag?: DataTransfer }
        w.__drag ??= (() => {
          const data = new DataTransfer()
          data.items.add(new File(['Aus dem Finder gezogen.\nZweite Zeile.'], 'notiz.txt', { type: 'text/plain' }))
          return data
        })()
        document.querySelector('.ProseMirror')!.dispatchEvent(new DragEvent(eventType, { bubbles: true, cancelable: true, dataTransfer: w.__drag }))
      }, type)
    await dragEvent('dragenter')
    await page.locator('.import-drop', { hasText: 'Drop Markdown, HTML or text files' }).waitFor()
    await dragEvent('drop')
    await page.locator('.notice-info', { hasText: 'Imported “notiz”' }).waitFor()
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('notiz')
    expect(await page.locator('.import-drop').count()).toBe(0)
    expect(await page.locator('.ProseMirror p').first().innerText()).toBe('Aus dem Finder gezogen.\nZweite Zeile.')
  })

  it('hostile files: nothing executable or remote reaches SQLite, and a binary file creates nothing', async () => {
    const page = await open()
    const before = (await app.bridge().call<Draft[]>('drafts.list', { view: 'active' })).length
    // Every handler in these files calls alert(): none may run, during the import or after it.
    const alerts: string[] = []
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message())
      void dialog.dismiss()
    })
    await page.locator('[data-testid="import-input"]').setInputFiles([
      {
        name: 'boese.html',
        mimeType: 'text/html',
        buffer: Buffer.from(
          '<html><head><title>Böse Seite</title><script>alert(1)</script></head><body onload="alert(2)">' +
            '<p onclick="alert(3)">Klick <a href="javascript:alert(4)">hier</a> und <a href="data:text/html;base64,PHNjcmlwdD4=">da</a></p>' +
            '<img src="http://127.0.0.1:9/tracker.gif" alt="Tracker"><img src=x onerror="alert(5)">' +
            '<svg onload="alert(6)"><script>alert(7)</script></svg><iframe src="http://127.0.0.1:9/"></iframe>' +
            '<p style="background:url(javascript:alert(8))">Stil</p></body></html>',
        ),
      },
      {
        name: 'boese.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Markdown böse\n\n[js](javascript:alert(9)) ![remote](http://127.0.0.1:9/pixel.gif) <img src=x onerror=alert(10)>\n\n<script>alert(11)</script>\n'),
      },
      { name: 'bild.md', mimeType: 'text/markdown', buffer: Buffer.from(PNG_1PX, 'base64') },
    ])
    await page.locator('.notice-info', { hasText: 'Imported 2 drafts.' }).waitFor()
    await page.locator('.notice-error', { hasText: '“bild.md” was not imported' }).waitFor()
    expect(alerts).toEqual([])
    expect((await app.bridge().call<Draft[]>('drafts.list', { view: 'active' })).length).toBe(before + 2)

    // Straight from the database file, not through the app.
    const db = new Database(join(app.dataDir(), 'longhand.sqlite'), { readonly: true })
    try {
      const rows = db.prepare("SELECT d.title, b.doc FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id WHERE d.title IN ('Böse Seite', 'Markdown böse')").all() as { title: string; doc: string }[]
      expect(rows.map((r) => r.title).sort()).toEqual(['Böse Seite', 'Markdown böse'])
      for (const { doc } of rows) {
        expect(doc).not.toMatch(/javascript:|data:text|onerror|onload|onclick|<script|<svg|<iframe|style/i)
        const images = JSON.stringify(JSON.parse(doc).content.filter((n: { type: string }) => n.type === 'image'))
        expect(images).not.toContain('127.0.0.1')
      }
      expect(rows.find((r) => r.title === 'Böse Seite')!.doc).toContain('"href":"http://127.0.0.1:9/tracker.gif"')
    } finally {
      db.close()
    }
  })
})

describe('backups from the settings', () => {
  it('backs up the library to a folder, and goes back to a safety copy (the library reopens)', async () => {
    const page = await open()
    await runCommand(page, 'Settings')
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByRole('button', { name: 'Back up library…' }).click()
    await page.locator('.notice-info', { hasText: /Backed up \d+ drafts to/ }).waitFor()
    const backups = join(app.dataDir(), 'library-backups')
    const [folder] = readdirSync(backups)
    expect(existsSync(join(backups, folder!, 'manifest.json'))).toBe(true)
    expect(readdirSync(join(backups, folder!)).filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(3)

    await settings.getByRole('button', { name: 'Make a safety copy now' }).click()
    await page.locator('.notice-info', { hasText: 'Safety copy made.' }).waitFor()
    await settings.getByText('made by you').first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-backups-light-en-1280.png') })

    // Written after the copy: going back to the copy takes it away (it stays in the 'before-restore' copy).
    await app.bridge().call('drafts.create', { title: 'Nach der Sicherheitskopie' })
    const manual = settings.locator('li', { hasText: 'made by you' }).first()
    await manual.getByRole('button', { name: /Go back to the safety copy of/ }).click()
    await page.getByRole('dialog', { name: 'Go back to this safety copy?' }).getByRole('button', { name: 'Go back' }).click()
    await page.locator('.notice-info', { hasText: 'Library restored.' }).waitFor()
    await page.locator('.ProseMirror').waitFor()
    const titles = (await app.bridge().call<Draft[]>('drafts.list', { view: 'active' })).map((d) => d.title)
    expect(titles).not.toContain('Nach der Sicherheitskopie')
    expect(titles).toContain('Reise nach Wien')
    expect(readdirSync(app.dataDir()).some((f) => f.startsWith('longhand.sqlite.before-restore-'))).toBe(true)
  })
})
