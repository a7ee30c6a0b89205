import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { createServer, type Plugin } from 'vite'
import { describe, expect, it } from 'vitest'
import config from '../../../electron.vite.config'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/csp'
import { devServerCsp, devServerCspPlugin } from '../../../electron/main/security/dev-server-csp'

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/)
    return [name as string, sources]
  }))
}

/** Every source in a policy that names a place (not a keyword like 'self' or a scheme like data:). */
function places(policy: string): string[] {
  return [...directives(policy).values()].flat().filter((source) => !/^'[a-z-]+'$/.test(source) && !/^(data|blob):$/.test(source))
}

describe('CSP in development (the Vite dev server npm start loads)', () => {
  it('allows the dev server’s own origin and its HMR websocket, and nothing remote', () => {
    const policy = devServerCsp('localhost:5173')
    const csp = directives(policy)
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173'])
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'")
    expect(places(policy).every((place) => /^(https?|ws):\/\/localhost:5173$/.test(place))).toBe(true)
    expect(places(devServerCsp('127.0.0.1:49152'))).toEqual(expect.arrayContaining(['ws://127.0.0.1:49152']))
  })

  it('falls back to the strict production policy for a Host that is not loopback (DNS rebinding)', () => {
    expect(devServerCsp('evil.example:5173')).toBe(CONTENT_SECURITY_POLICY)
    expect(devServerCsp('192.168.1.5:5173')).toBe(CONTENT_SECURITY_POLICY)
    expect(devServerCsp(undefined)).toBe(CONTENT_SECURITY_POLICY)
  })

  it('is part of the renderer config electron-vite dev serves', () => {
    const renderer = (config as { renderer?: { plugins?: unknown[] } }).renderer
    const names = (renderer?.plugins ?? []).flat(Infinity as 1).map((plugin) => (plugin as Plugin | null)?.name)
    expect(names).toContain('longhand-dev-csp')
    expect(devServerCspPlugin().apply).toBe('serve') // the production build keeps app://'s header
  })

  it('is sent by a real Vite dev server with the page, for the port it actually listens on', async () => {
    const root = mkdtempSync(join(tmpdir(), 'longhand-vite-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/main.js"></script>')
    writeFileSync(join(root, 'main.js'), 'document.title = "ok"')
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [devServerCspPlugin()],
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
    })
    try {
      await server.listen()
      const { port } = server.httpServer!.address() as AddressInfo
      const response = await fetch(`http://127.0.0.1:${port}/`)
      expect(response.status).toBe(200)
      const policy = response.headers.get('content-security-policy')!
      expect(directives(policy).get('connect-src')).toEqual(["'self'", `http://127.0.0.1:${port}`, `ws://127.0.0.1:${port}`])
      expect(places(policy).every((place) => place.endsWith(`//127.0.0.1:${port}`))).toBe(true)
    } finally {
      await server.close()
      rmSync(root, { recursive: true, force: true })
    }
  })
})
