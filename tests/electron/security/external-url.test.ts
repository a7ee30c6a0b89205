import { describe, expect, it } from 'vitest'
import { checkExternalUrl } from '../../../electron/main/security/external-url'

function href(raw: unknown): string | null {
  const verdict = checkExternalUrl(raw)
  return verdict.allowed ? verdict.href : null
}

describe('checkExternalUrl', () => {
  it('allows ordinary web and mail links, normalised', () => {
    expect(href('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d')
    expect(href('http://example.com')).toBe('http://example.com/')
    expect(href('HTTPS://Example.COM/Path')).toBe('https://example.com/Path')
    expect(href('mailto:someone@example.com?subject=Hi')).toBe('mailto:someone@example.com?subject=Hi')
  })

  it('returns IDN hosts in punycode so a look-alike cannot hide', () => {
    expect(href('https://bücher.example/')).toBe('https://xn--bcher-kva.example/')
    // Cyrillic "а" in "pаypal" becomes visible as xn--.
    expect(href('https://pаypal.com/login')).toMatch(/^https:\/\/xn--/)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    'javascript&colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'FILE:///C:/Windows/System32/calc.exe',
    'file://server/share/x.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'app://longhand/index.html',
    'chrome://settings',
    'about:blank',
    'blob:https://example.com/uuid',
    'ftp://example.com/file',
    '//example.com/no-scheme',
    '/relative/path',
    'example.com',
    'https://',
    'https://user:pass@example.com/',
    'https://paypal.com@evil.example/',
    'mailto:',
    '',
  ])('refuses %j', (raw) => {
    expect(checkExternalUrl(raw).allowed).toBe(false)
  })

  it('refuses non-strings and absurdly long URLs', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.com'], new URL('https://example.com')]) {
      expect(checkExternalUrl(value).allowed).toBe(false)
    }
    expect(checkExternalUrl(`https://example.com/${'a'.repeat(3000)}`).allowed).toBe(false)
  })
})
