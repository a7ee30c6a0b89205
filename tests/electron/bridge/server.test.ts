import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridge, type RunningBridge } from '../../../electron/bridge/server'
import { createDispatcher } from '../../../electron/main/ipc/dispatch'
import { createHandlers } from '../../../electron/main/ipc/handlers'
import { tempDir, tempLibrary } from '../support/temp-library'

let bridge: RunningBridge | null = null
afterEach(async () => {
  await bridge?.close()
  bridge = null
})

async function start() {
  const services = await tempLibrary()
  const staticDir = tempDir('longhand-static-')
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Longhand</title>')
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(staticDir, '..', 'secret.txt'), 'outside')
  bridge = await startBridge({ dispatch: createDispatcher(createHandlers(services)), staticDir })
  return { services, bridge }
}

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP so tests control the Host header and unnormalized paths exactly. */
function raw(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...init.headers } }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 only and prints a tokenized URL', async () => {
    const { bridge } = await start()
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/)
  })

  it('refuses every request without the right token', async () => {
    const { bridge } = await start()
    expect((await raw(bridge.port, '/')).status).toBe(401)
    expect((await raw(bridge.port, '/?token=wrong')).status).toBe(401)
    const api = await raw(bridge.port, '/api/drafts.list', { method: 'POST', body: '{}', headers: { 'x-longhand-token': 'x'.repeat(32) } })
    expect(api.status).toBe(401)
  })

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const { bridge } = await start()
    const res = await raw(bridge.port, `/?token=${bridge.token}`, { headers: { host: 'evil.example:80' } })
    expect(res.status).toBe(421)
  })

  it('serves the app with the token in the URL, then by cookie, with the CSP header', async () => {
    const { bridge } = await start()
    const first = await raw(bridge.port, `/?token=${bridge.token}`)
    expect(first.status).toBe(200)
    expect(first.body).toContain('<title>Longhand</title>')
    expect(String(first.headers['content-security-policy'])).toContain("script-src 'self'")
    const cookie = String(first.headers['set-cookie']).split(';')[0]!
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    const asset = await raw(bridge.port, '/assets/app.js', { headers: { cookie } })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toMatch(/text\/javascript/)
  })

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets%5c..%5c..%5csecret.txt', '/index.html%00.js'])(
    'never serves files outside the app folder: %s',
    async (path) => {
      const { bridge } = await start()
      const res = await raw(bridge.port, path, { headers: { 'x-longhand-token': bridge.token } })
      expect(res.body).not.toContain('outside')
      expect([400, 403, 404]).toContain(res.status)
    },
  )

  it('answers API calls with envelopes: ok, typed errors, bad JSON, wrong method', async () => {
    const { bridge } = await start()
    const headers = { 'x-longhand-token': bridge.token, 'content-type': 'application/json' }
    const created = await raw(bridge.port, '/api/drafts.create', { method: 'POST', headers, body: JSON.stringify({ title: 'Über' }) })
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'Über' } })
    const invalid = await raw(bridge.port, '/api/drafts.get', { method: 'POST', headers, body: JSON.stringify({ id: 'eins' }) })
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    const badJson = await raw(bridge.port, '/api/drafts.list', { method: 'POST', headers, body: '{oops' })
    expect(badJson.status).toBe(400)
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    expect((await raw(bridge.port, '/api/drafts.list', { headers })).status).toBe(405)
    expect((await raw(bridge.port, '/index.html', { method: 'PUT', headers })).status).toBe(405)
  })
})
