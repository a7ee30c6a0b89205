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
  writeFileSync(join(staticDir, 'assets', 'index-D79ZuemL.js'), 'console.log(2)')
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

  it('lets the browser keep the build\'s hashed files (and V8 their compiled code, like app:// in Electron); never the page or the API', async () => {
    const { bridge } = await start()
    const headers = { 'x-longhand-token': bridge.token }
    const hashed = await raw(bridge.port, '/assets/index-D79ZuemL.js', { headers })
    expect(hashed.status).toBe(200)
    expect(hashed.headers['cache-control']).toBe('private, max-age=31536000, immutable')
    for (const path of ['/', '/index.html', '/assets/app.js', '/assets/missing-D79ZuemL.js']) {
      expect((await raw(bridge.port, path, { headers })).headers['cache-control'], path).toBe('no-store')
    }
    const api = await raw(bridge.port, '/api/settings.get', { method: 'POST', body: '{}', headers: { ...headers, 'content-type': 'application/json' } })
    expect(api.headers['cache-control']).toBe('no-store')
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

  describe('requests from other pages on this machine', () => {
    const create = (port: number, token: string, headers: Record<string, string>) =>
      raw(port, '/api/drafts.create', { method: 'POST', headers: { 'x-longhand-token': token, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ title: 'Fremd' }) })

    it('refuses an Origin other than its own, even with the token (another 127.0.0.1 port is another origin)', async () => {
      const { bridge, services } = await start()
      for (const origin of [`http://127.0.0.1:${bridge.port + 1}`, 'http://localhost:' + bridge.port, 'null', 'https://evil.example']) {
        const res = await create(bridge.port, bridge.token, { origin })
        expect(res.status, origin).toBe(403)
        expect(JSON.parse(res.body), origin).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
      expect(services.drafts.count()).toBe(0)
      const own = await create(bridge.port, bridge.token, { origin: `http://127.0.0.1:${bridge.port}` })
      expect(JSON.parse(own.body)).toMatchObject({ ok: true, value: { title: 'Fremd' } })
    })

    it('refuses Sec-Fetch-Site cross-site and same-site; allows same-origin, none and non-browser clients', async () => {
      const { bridge, services } = await start()
      for (const site of ['cross-site', 'same-site']) {
        expect((await create(bridge.port, bridge.token, { 'sec-fetch-site': site })).status, site).toBe(403)
        // Not even the page itself, with the token in the URL: a link from another site cannot open it.
        expect((await raw(bridge.port, `/?token=${bridge.token}`, { headers: { 'sec-fetch-site': site } })).status, site).toBe(403)
      }
      expect(services.drafts.count()).toBe(0)
      for (const site of ['same-origin', 'none']) expect((await create(bridge.port, bridge.token, { 'sec-fetch-site': site })).status, site).toBe(200)
      expect((await create(bridge.port, bridge.token, {})).status).toBe(200)
      expect(services.drafts.count()).toBe(3)
    })

    it('takes API calls only as application/json (no form posts, no text/plain "simple requests")', async () => {
      const { bridge, services } = await start()
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', '']) {
        const res = await create(bridge.port, bridge.token, { 'content-type': type })
        expect(res.status, type).toBe(415)
        expect(JSON.parse(res.body), type).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
      }
      expect(services.drafts.count()).toBe(0)
      expect((await create(bridge.port, bridge.token, { 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(200)
    })
  })

  it.each(['/api/%', '/api/drafts.list%', '/api/%E0%A4%A', '/api/drafts.list?x=%', '/api/drafts.list?token=%zz', '/api/%ED%A0%80'])(
    'answers malformed percent-encoding with a typed 400, never a 500: %s',
    async (path) => {
      const { bridge } = await start()
      const res = await raw(bridge.port, path, { method: 'POST', headers: { 'x-longhand-token': bridge.token, 'content-type': 'application/json' }, body: '{}' })
      expect(res.status).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/json/)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/percent/i) } })
    },
  )

  it('answers malformed percent-encoding outside the API with a plain 400', async () => {
    const { bridge } = await start()
    expect((await raw(bridge.port, '/%', { headers: { 'x-longhand-token': bridge.token } })).status).toBe(400)
    expect((await raw(bridge.port, '/?q=%', { headers: { 'x-longhand-token': bridge.token } })).status).toBe(400)
  })

  it('never stores a title altered: a lone surrogate (JSON-escaped or as raw bytes) is refused, a real one round-trips', async () => {
    const { bridge, services } = await start()
    const post = (body: string | Buffer) =>
      new Promise<RawResponse>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: bridge.port, path: '/api/drafts.create', method: 'POST', headers: { host: `127.0.0.1:${bridge.port}`, 'x-longhand-token': bridge.token, 'content-type': 'application/json' } },
          (res) => {
            let text = ''
            res.on('data', (c: Buffer) => (text += c.toString()))
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
          },
        )
        req.on('error', reject)
        req.end(body)
      })
    // JSON.stringify writes a lone surrogate as the escape \ud800; JSON.parse brings it back.
    expect(JSON.stringify({ title: 'a\uD800b' })).toContain('\\ud800')
    const escaped = await post(JSON.stringify({ title: 'a\uD800b' }))
    expect(JSON.parse(escaped.body)).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    // The same surrogate as raw (invalid UTF-8) bytes would be decoded to U+FFFD: refused instead.
    const bytes = Buffer.concat([Buffer.from('{"title":"a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('b"}')])
    const rawBytes = await post(bytes)
    expect(rawBytes.status).toBe(400)
    expect(JSON.parse(rawBytes.body)).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/UTF-8/) } })
    expect(services.drafts.count()).toBe(0)
    const fine = await post(JSON.stringify({ title: 'a\u{1F600}b' }))
    const id = (JSON.parse(fine.body) as { value: { id: number } }).value.id
    expect(services.drafts.get(id).title).toBe('a\u{1F600}b')
  })
})
