import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uiDe } from '@shared/i18n/ui.de'
import { uiEn } from '@shared/i18n/ui.en'

/**
 * The real Electron app, built (`npm run build`) but not packaged: a packaged build has the
 * EnableNodeCliInspectArguments fuse burnt, and Playwright drives Electron through exactly that
 * inspector, so the installers themselves are checked by electron/build/verify-package.mjs.
 * Everything else is the shipping path: app:// protocol, CSP, sandboxed preload, IPC sender
 * checks, better-sqlite3 built for Electron's ABI (.electron-native/), flush on quit.
 */
const root = resolve(__dirname, '..', '..')
const electronBinary = createRequire(import.meta.url)('electron') as unknown as string
const PHRASE = `Longhand smoke test ${process.pid}: Grüße aus dem Entwurf.`
const newDraftName = new RegExp(`^\\s*(${uiEn.library.newDraft}|${uiDe.library.newDraft})\\s*$`, 'i')

async function launch(userDataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: electronBinary,
    args: [root],
    cwd: root,
    // An unpackaged run honours LONGHAND_USER_DATA_DIR (see electron/main/index.ts): a throw-away
    // profile, so the test never touches a real library and starts from nothing.
    env: { ...process.env, LONGHAND_USER_DATA_DIR: userDataDir, ELECTRON_RENDERER_URL: '' },
    timeout: 90_000,
  })
  const page = await app.firstWindow({ timeout: 90_000 })
  await page.waitForLoadState('domcontentloaded')
  return { app, page }
}

/** Calls the contract through the preload bridge, exactly as the renderer does. */
async function invoke<T>(page: Page, channel: string, args: unknown = {}): Promise<T> {
  const envelope = (await page.evaluate(
    ([c, a]) => (globalThis as unknown as { longhand: Record<string, (x: unknown) => Promise<unknown>> }).longhand[c as string]!(a),
    [channel, args] as const,
  )) as { ok: boolean; value?: T; error?: { message: string } }
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message}`)
  return envelope.value as T
}

describe('Longhand in Electron', () => {
  let userDataDir: string

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'longhand-electron-smoke-'))
  })
  afterAll(async () => {
    await rm(userDataDir, { recursive: true, force: true })
  })

  it('keeps what was typed across quit and relaunch', async () => {
    const first = await launch(userDataDir)
    try {
      expect(first.page.url()).toBe('app://longhand/index.html')
      await first.page.getByRole('button', { name: newDraftName }).first().click()
      const editor = first.page.locator('[contenteditable="true"][aria-label]').first()
      await editor.waitFor({ state: 'visible', timeout: 30_000 })
      await editor.click()
      await first.page.keyboard.type(PHRASE)
      await first.page.getByText(PHRASE).first().waitFor({ timeout: 10_000 })
    } finally {
      // Quitting right after typing: the app must flush the autosave before it exits.
      await first.app.close()
    }

    const second = await launch(userDataDir)
    try {
      const drafts = await invoke<Array<{ id: number }>>(second.page, 'drafts.list', {})
      const docs = await Promise.all(drafts.map((d) => invoke<{ doc: unknown }>(second.page, 'drafts.get', { id: d.id })))
      expect(docs.some((d) => JSON.stringify(d.doc).includes(PHRASE))).toBe(true)
    } finally {
      await second.app.close()
    }
  })
})
