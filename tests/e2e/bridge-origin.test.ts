import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BridgeProcess, startBridgeProcess } from './support/bridge-process'
import { type OpenedPage, openApp } from './support/browser'

/**
 * A page on another 127.0.0.1 port is another origin but the same site: the browser sends the
 * bridge's SameSite=Strict cookie along, and "simple" requests (text/plain fetch, form posts)
 * need no CORS preflight. Such a page, even one that knows the token, must not reach the
 * library: nothing it sends creates a draft.
 */
let dataDir: string
let bridge: BridgeProcess
let evil: Server
let evilOrigin: string
let opened: OpenedPage

/** The attacker's page: every way a page can send a POST without the bridge's blessing. */
function attackPage(bridgeOrigin: string, token: string): string {
  const api = `${bridgeOrigin}/api/drafts.create`
  return `<!doctype html><meta charset="utf-8"><title>evil</title>
<iframe name="sink"></iframe>
<form id="form" method="POST" action="${api}?token=${token}" enctype="text/plain" target="sink">
  <input name='{"title":"evil form","tags":["' value='"]}'>
</form>
<script>
  const api = ${JSON.stringify(api)}
  const token = ${JSON.stringify(token)}
  const body = (title) => JSON.stringify({ title })
  const settle = (p) => p.then((r) => 'sent ' + r.type, (e) => 'failed ' + e)
  window.attacks = Promise.all([
    // Token in the query, text/plain: a simple request, no preflight.
    settle(fetch(api + '?token=' + token, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: body('evil query') })),
    // The cookie alone (set when the app was opened), text/plain.
    settle(fetch(api, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: body('evil cookie') })),
    // JSON with the token header: preflighted; the bridge must not let it through either.
    settle(fetch(api, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-longhand-token': token }, body: body('evil json') })),
    // navigator.sendBeacon: a POST with the cookie, no preflight.
    Promise.resolve(navigator.sendBeacon(api + '?token=' + token, new Blob([body('evil beacon')], { type: 'text/plain' })) ? 'queued' : 'refused'),
  ]).then((results) => {
    document.getElementById('form').submit()
    return results
  })
</script>`
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'longhand-origin-'))
  bridge = await startBridgeProcess(dataDir)
  evil = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(attackPage(bridge.origin, bridge.token))
  })
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve))
  evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`
})
afterAll(async () => {
  await opened?.close()
  await bridge?.stop()
  await new Promise<void>((resolve) => (evil ? evil.close(() => resolve()) : resolve()))
  rmSync(dataDir, { recursive: true, force: true })
})

function draftTitles(): string[] {
  const db = new Database(join(dataDir, 'longhand.sqlite'), { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT title FROM drafts ORDER BY id').pluck().all() as string[]
  } finally {
    db.close()
  }
}

describe('the bridge and other pages on 127.0.0.1', () => {
  it('a page from another loopback port, with the token and the cookie, creates no draft', async () => {
    // The author has the app open: the browser holds the bridge's cookie.
    opened = await openApp(bridge.url)
    await opened.page.locator('.ProseMirror').first().waitFor()
    const before = draftTitles()

    const attacker = await opened.context.newPage()
    await attacker.goto(evilOrigin)
    const results = await attacker.evaluate(() => (window as unknown as { attacks: Promise<string[]> }).attacks)
    expect(results).toHaveLength(4)
    // Give the form post and the beacon time to arrive.
    await attacker.waitForTimeout(1500)

    const after = draftTitles()
    expect(after.filter((title) => title.startsWith('evil'))).toEqual([])
    expect(after).toEqual(before)

    // Control: the app itself, same origin, still works.
    const created = await opened.page.evaluate(async () => {
      const response = await fetch('/api/drafts.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-longhand-token': sessionStorage.getItem('longhand.bridgeToken') ?? '' },
        body: JSON.stringify({ title: 'own' }),
      })
      return (await response.json()) as { ok: boolean }
    })
    expect(created.ok).toBe(true)
    expect(draftTitles()).toContain('own')
  })
})

/** A raw request: fetch() would re-encode a malformed target before sending it. */
function rawPost(origin: string, path: string, token: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'POST', headers: { 'content-type': 'application/json', 'x-longhand-token': token } }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end('{}')
  })
}

describe('the built bridge (what npm run web runs)', () => {
  // The bundler once dropped the unused decodeURIComponent() of the check as "pure", so the
  // source passed its unit test while the built bridge still answered 500.
  it.each(['/api/%', '/api/drafts.list?x=%'])('answers malformed percent-encoding (%s) with a typed 400', async (path) => {
    const answer = await rawPost(bridge.origin, path, bridge.token)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
  })
})
