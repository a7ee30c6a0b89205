import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveAppRequest } from '../../../electron/main/security/app-request'
import { assertProperty } from '../../support/property'

const root = resolve('/srv/longhand/out/renderer')

function ok(url: string) {
  const result = resolveAppRequest('GET', url, root)
  if (result.status !== 200) throw new Error(`expected 200 for ${url}, got ${result.status} (${result.reason})`)
  return result
}

describe('resolveAppRequest', () => {
  it('serves the entry page for the bare origin and for /', () => {
    expect(ok('app://longhand').filePath).toBe(join(root, 'index.html'))
    expect(ok('app://longhand/').filePath).toBe(join(root, 'index.html'))
    expect(ok('app://longhand/index.html').mime).toBe('text/html; charset=utf-8')
  })

  it('maps nested assets with their MIME type and ignores query and hash', () => {
    const result = ok('app://longhand/assets/index-Bx12.js?v=3#top')
    expect(result.filePath).toBe(join(root, 'assets', 'index-Bx12.js'))
    expect(result.mime).toBe('text/javascript; charset=utf-8')
    expect(ok('app://longhand/assets/Font.WOFF2').mime).toBe('font/woff2')
    expect(ok('app://LONGHAND/assets/a.css').mime).toBe('text/css; charset=utf-8')
    // The proofreading worker fetches its Hunspell word list from the app itself.
    expect(ok('app://longhand/assets/index-lis--7Zr.dic').mime).toBe('text/plain; charset=utf-8')
  })

  it('decodes percent-encoded names once', () => {
    expect(ok('app://longhand/assets/my%20file.png').filePath).toBe(join(root, 'assets', 'my file.png'))
    // Double encoding is refused, never decoded a second time.
    expect(resolveAppRequest('GET', 'app://longhand/a%2525b.js', root).status).toBe(400)
  })

  it('allows GET only, in any case', () => {
    expect(resolveAppRequest('get', 'app://longhand/index.html', root).status).toBe(200)
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', '']) {
      expect(resolveAppRequest(method, 'app://longhand/index.html', root).status).toBe(405)
    }
  })

  it('refuses other hosts, schemes and garbage', () => {
    expect(resolveAppRequest('GET', 'app://evil/index.html', root).status).toBe(404)
    expect(resolveAppRequest('GET', 'app://longhand.evil/index.html', root).status).toBe(404)
    expect(resolveAppRequest('GET', 'app://longhand:8080/index.html', root).status).toBe(404)
    expect(resolveAppRequest('GET', 'file:///etc/passwd', root).status).toBe(400)
    expect(resolveAppRequest('GET', 'https://longhand/index.html', root).status).toBe(400)
    expect(resolveAppRequest('GET', 'not a url', root).status).toBe(400)
    expect(resolveAppRequest('GET', 'app://user:pw@longhand/index.html', root).status).toBe(400)
    expect(resolveAppRequest('GET', `app://longhand/${'a'.repeat(5000)}.js`, root).status).toBe(400)
  })

  it.each([
    'app://longhand/../../etc/passwd',
    'app://longhand/assets/../../../etc/passwd',
    'app://longhand/%2e%2e/%2e%2e/etc/passwd',
    'app://longhand/%2E%2E/secret.js',
    'app://longhand/.%2e/secret.js',
    'app://longhand/%252e%252e/secret.js',
    'app://longhand/..%2fsecret.js',
    'app://longhand/..%2Fsecret.js',
    'app://longhand/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://longhand/..%5csecret.js',
    'app://longhand/..%5Csecret.js',
    'app://longhand/..\\secret.js',
    'app://longhand/assets\\..\\..\\secret.js',
    'app://longhand/index.html%00.png',
    'app://longhand/C:%5cWindows%5cwin.ini',
    'app://longhand/C:/Windows/win.ini',
    'app://longhand//etc/passwd.js',
    'app://longhand/%2fetc%2fpasswd.js',
    'app://longhand/a%0a.js',
  ])('refuses the hostile path %s', (url) => {
    expect([400, 403]).toContain(resolveAppRequest('GET', url, root).status)
  })

  it('refuses unknown file types', () => {
    expect(resolveAppRequest('GET', 'app://longhand/assets/x.exe', root).status).toBe(404)
    expect(resolveAppRequest('GET', 'app://longhand/assets/noext', root).status).toBe(404)
  })

  it('keeps every resolved path inside the root for arbitrary input (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%5c', '%2f', '%00', 'assets', 'index.html', 'a.js', '\\', ':'),
      fc.string({ maxLength: 8 }),
    )
    let served = 0
    assertProperty(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.constantFrom('GET', 'get', 'POST'), (segments, method) => {
        const url = `app://longhand/${segments.join('/')}`
        const result = resolveAppRequest(method, url, root)
        if (result.status === 200) {
          served++
          expect(result.filePath.startsWith(join(root, '/'))).toBe(true)
          expect(result.filePath.split(/[\\/]/)).not.toContain('..')
        }
      }),
      { numRuns: 2000 },
    )
    // The checks above only run for served paths: the inputs must reach them often.
    expect(served).toBeGreaterThan(100)
  })
})
