import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'

export const CHROMIUM = process.env.LONGHAND_CHROMIUM ?? '/usr/bin/chromium'

/** Flags for a closed network: no background requests, no first-run or component updates. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

export interface OpenedPage {
  browser: Browser
  context: BrowserContext
  page: Page
  /** Every request the page made that did not go to the loopback bridge. */
  foreignRequests: string[]
  consoleErrors: string[]
  close(): Promise<void>
}

export interface OpenOptions {
  viewport?: { width: number; height: number }
  locale?: string
  colorScheme?: 'light' | 'dark'
  /**
   * URL glob the page may not load, refused from its very first request on. Routing a page that
   * is already open and then reloading it is not the same: the old document may still request
   * the file after the route is in place and before the reload replaces it.
   */
  refuse?: string
}

/** Real Chromium on a fresh profile, recording any request that would leave the machine. */
export async function openApp(url: string, options: OpenOptions = {}): Promise<OpenedPage> {
  // launch() already runs on a fresh temporary profile (it refuses a --user-data-dir flag).
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  })
  const origin = new URL(url).origin
  const foreignRequests: string[] = []
  const consoleErrors: string[] = []
  context.on('request', (request) => {
    const target = request.url()
    if (!target.startsWith(origin) && !target.startsWith('data:') && !target.startsWith('blob:')) foreignRequests.push(target)
  })
  if (options.refuse) await context.route(options.refuse, (route) => route.abort())
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(String(error)))
  await page.goto(url)
  return {
    browser,
    context,
    page,
    foreignRequests,
    consoleErrors,
    async close() {
      await browser.close()
    },
  }
}
