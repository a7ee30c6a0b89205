import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { type BridgeProcess, startBridgeProcess } from './bridge-process'
import { type OpenOptions, type OpenedPage, openApp } from './browser'

export interface AppHarnessOptions {
  /** Name part of the temporary library folder, e.g. 'posts' → /tmp/longhand-posts-XXXXXX. */
  prefix: string
  /** Fills the fresh library through the bridge before the first test. */
  seed?: (bridge: BridgeProcess) => Promise<void>
  /** Browser locale of every page unless `open` is given another; openApp's default otherwise. */
  locale?: string
  /**
   * Console errors a file expects and has proved harmless (e.g. CSP reports that show the policy
   * held); every other console error still fails the test.
   */
  expectedConsoleError?: RegExp
}

export interface AppHarness {
  bridge(): BridgeProcess
  dataDir(): string
  /** The page the current test opened, or null. */
  opened(): OpenedPage | null
  /** Opens the app in real Chromium; after the test it must have made no foreign request and logged no error. */
  open(options?: OpenOptions): Promise<OpenedPage>
}

/**
 * The lifecycle every app e2e file shares: a temp library served by the built bridge for the
 * whole file, and after each test the page it opened is checked (nothing left the machine, no
 * console errors) and closed.
 */
export function useAppHarness({ prefix, seed, locale, expectedConsoleError }: AppHarnessOptions): AppHarness {
  let dataDir: string | undefined
  let bridge: BridgeProcess | undefined
  let opened: OpenedPage | null = null

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `longhand-${prefix}-`))
    bridge = await startBridgeProcess(dataDir)
    await seed?.(bridge)
  })
  afterEach(async () => {
    if (opened) {
      // No request may leave the machine, and the page must not have logged errors.
      expect(opened.foreignRequests).toEqual([])
      expect(opened.consoleErrors.filter((error) => !expectedConsoleError?.test(error))).toEqual([])
      await opened.close()
    }
    opened = null
  })
  afterAll(async () => {
    await bridge?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  const started = (): BridgeProcess => {
    if (!bridge) throw new Error('the bridge is not running: call bridge() inside a test or hook')
    return bridge
  }
  return {
    bridge: started,
    dataDir() {
      if (!dataDir) throw new Error('no library folder yet: call dataDir() inside a test or hook')
      return dataDir
    },
    opened: () => opened,
    async open(options = {}) {
      opened = await openApp(started().url, { locale, ...options })
      return opened
    },
  }
}

/** Waits for the editor and makes sure the draft titled `title` is the one shown (the app reopens the last draft). */
export async function showDraft(page: Page, title: string, rowText: string = title): Promise<void> {
  await page.locator('.ProseMirror').waitFor()
  const field = page.locator('textarea.title-field')
  if ((await field.inputValue()) !== title) await page.locator('.draft-row-main', { hasText: rowText }).first().click()
  await expect.poll(() => field.inputValue()).toBe(title)
}

const NEW_DRAFT_LABELS = { de: { button: 'Neuer Entwurf', title: 'Titel' }, en: { button: 'New draft', title: 'Title' } }

/**
 * Makes a new draft with the toolbar button, types its title once the empty title field has the
 * focus, and moves to the text with Enter (the caret is then at the start of the body).
 */
export async function newDraft(page: Page, language: keyof typeof NEW_DRAFT_LABELS, title: string): Promise<void> {
  const labels = NEW_DRAFT_LABELS[language]
  await page.getByRole('button', { name: labels.button }).click()
  const field = page.getByRole('textbox', { name: labels.title })
  await expect.poll(() => field.evaluate((el) => el === document.activeElement && (el as HTMLTextAreaElement).value === '')).toBe(true)
  await page.keyboard.type(title)
  await page.keyboard.press('Enter')
}
