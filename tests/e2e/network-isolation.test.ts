import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Draft } from '@shared/domain'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp'
import { type BridgeProcess, startBridgeProcess } from './support/bridge-process'
import { type OpenedPage, openApp } from './support/browser'

/**
 * No request leaves the machine, even when a draft carries remote content. The "remote" URLs
 * point at another loopback port: a different origin for the browser, but traffic that stays on
 * this machine if the policy ever failed (the recorder in support/browser.ts would catch it).
 */
const REMOTE = 'http://127.0.0.1:9'

let dataDir: string
let bridge: BridgeProcess
let opened: OpenedPage

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'longhand-network-'))
  bridge = await startBridgeProcess(dataDir)
})
afterAll(async () => {
  await opened?.close()
  await bridge?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('network isolation', () => {
  it('serves the app with the one CSP and loads nothing remote, whatever the draft contains', async () => {
    const created = await bridge.call<Draft>('drafts.create', {
      title: 'Remote bait',
      doc: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Link', marks: [{ type: 'link', attrs: { href: `${REMOTE}/page` } }] }] },
          { type: 'image', attrs: { src: `${REMOTE}/tracker.png`, alt: 'remote' } },
        ],
      },
    })

    opened = await openApp(bridge.url)
    const { page } = opened
    const violations: string[] = []
    await page.exposeFunction('__reportViolation', (uri: string) => violations.push(uri))

    // The document itself carries the policy the Electron app:// handler sends.
    const response = await page.goto(bridge.url)
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __reportViolation(u: string): void }).__reportViolation(e.blockedURI)),
    )
    await page.locator('.ProseMirror').waitFor()

    // Main's document gate stored the remote image as a link to it: nothing to load.
    expect(created.doc.content.some((node) => node.type === 'image')).toBe(false)
    expect(JSON.stringify(created.doc)).toContain(`"href":"${REMOTE}/tracker.png"`)

    // Open the draft with the remote image (now a link) and link.
    await page.getByText('Remote bait').first().click()
    await page.locator('.ProseMirror a', { hasText: 'remote' }).first().waitFor()

    // Paste web HTML full of remote references into the editor.
    await page.locator('.ProseMirror').first().click()
    await page.evaluate((remote) => {
      const data = new DataTransfer()
      data.setData(
        'text/html',
        `<p>Pasted <img src="${remote}/pasted.png"><a href="${remote}/x">link</a></p>` +
          `<link rel="stylesheet" href="${remote}/style.css"><iframe src="${remote}/frame"></iframe>` +
          `<script src="${remote}/evil.js"></script><p style="background:url(${remote}/bg.png)">styled</p>`,
      )
      const target = document.querySelector('.ProseMirror') as HTMLElement
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, REMOTE)
    await page.getByText('styled').first().waitFor()

    // The same for HTML that claims to be a ProseMirror slice (what a copy inside Longhand puts
    // on the clipboard), which skips the paste converter: the same URL policy still applies.
    await page.evaluate((remote) => {
      const data = new DataTransfer()
      data.setData('text/html', `<meta charset="utf-8"><p data-pm-slice="1 1 []">sliced text</p><img src="${remote}/slice.png" alt="slice image">`)
      data.setData('text/plain', 'sliced text')
      const target = document.querySelector('.ProseMirror') as HTMLElement
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, REMOTE)
    await page.getByText('sliced text').first().waitFor()
    await page.locator('.ProseMirror a', { hasText: 'slice image' }).first().waitFor()
    expect(await page.locator('.ProseMirror img').count()).toBe(0)

    // Anything that tried to load from the remote origin either was never requested by the app
    // or was stopped by the CSP: no <img>/<iframe>/<script>/<link> in the page points at it.
    const remoteElements = await page.evaluate(
      (remote) =>
        [...document.querySelectorAll('img[src], iframe[src], script[src], link[href]')]
          .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '')
          .filter((url) => url.startsWith(remote) && !url.endsWith('/page') && !url.endsWith('/x')),
      REMOTE,
    )
    expect(remoteElements).toEqual([])
    await page.waitForTimeout(500)
    expect(opened.foreignRequests).toEqual([])
    // Whatever the browser was asked to fetch from elsewhere, it is a CSP violation, not a request.
    expect(violations.every((uri) => uri.startsWith(REMOTE) || uri === 'inline')).toBe(true)

    // Control: a script that tries to phone home is stopped by the policy (connect-src 'self').
    const probe = await page.evaluate((remote) => fetch(`${remote}/probe`).then(() => 'sent', () => 'blocked'), REMOTE)
    expect(probe).toBe('blocked')
    await expect.poll(() => violations).toContain(`${REMOTE}/probe`)
    expect(opened.foreignRequests).toEqual([])

    const stored = await bridge.call<Draft>('drafts.get', { id: created.id })
    expect(stored.title).toBe('Remote bait')
  })
})
