import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, contentSecurityPolicy } from '../../../electron/main/security/csp'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/)
      return [name as string, sources]
    }),
  )
}

describe('content security policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY)

  it('denies by default and allows scripts only from our own origin', () => {
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'")
  })

  it('has the lock-down directives', () => {
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('font-src')).toEqual(["'self'"])
    // The proofreading worker: a script of the app itself, never a blob: or remote one.
    expect(csp.get('worker-src')).toEqual(["'self'"])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
  })

  it('names no remote origin and no wildcard anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/)
  })

  it('is sent with every renderer response', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff')
  })

  it('relaxes only for a loopback dev server, and only what Vite needs', () => {
    const dev = directives(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }))
    expect(dev.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173'])
    expect(dev.get('script-src')).not.toContain("'unsafe-eval'")
    expect(dev.get('default-src')).toEqual(["'none'"])
    expect(() => contentSecurityPolicy({ devServerOrigin: 'https://cdn.example.com' })).toThrow(/loopback/)
    expect(() => contentSecurityPolicy({ devServerOrigin: 'http://192.168.1.5:5173' })).toThrow(/loopback/)
  })
})
