import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { composeUrl, isAllowedComposeUrl, PLATFORM_IDS } from '@shared/platforms'
import { assertProperty } from '../../support/property'

const TEXT = 'Grüße & Fragen: #Gespräch 👋\nhttps://example.com/a?b=c'

describe('composeUrl', () => {
  test('opens each platform’s own compose page with the text, percent-encoded', () => {
    const encoded = encodeURIComponent(TEXT)
    expect(composeUrl('x', TEXT)).toBe(`https://x.com/intent/tweet?text=${encoded}`)
    expect(composeUrl('bluesky', TEXT)).toBe(`https://bsky.app/intent/compose?text=${encoded}`)
    expect(composeUrl('threads', TEXT)).toBe(`https://www.threads.com/intent/post?text=${encoded}`)
    expect(composeUrl('linkedin', TEXT)).toBe(`https://www.linkedin.com/feed/?shareActive=true&text=${encoded}`)
    expect(composeUrl('mastodon', TEXT)).toBe(`https://mastodon.social/share?text=${encoded}`)
    expect(composeUrl('mastodon', TEXT, { mastodon: { server: 'chaos.social' } })).toBe(`https://chaos.social/share?text=${encoded}`)
  })

  test('is null where the platform has no prefill URL', () => {
    for (const id of ['facebook', 'instagram', 'tiktok', 'xing', 'youtube'] as const) expect(composeUrl(id, TEXT)).toBeNull()
  })

  test('refuses to build a URL for a Mastodon server that is not a host name', () => {
    expect(() => composeUrl('mastodon', 'hi', { mastodon: { server: 'evil.com/x?' } })).toThrow(/not a host name/)
  })

  test('carries any text through unchanged, and every URL it builds passes its own check', () => {
    let built = 0
    assertProperty(
      fc.property(fc.constantFrom(...PLATFORM_IDS), fc.string({ unit: 'grapheme', maxLength: 300 }), (platform, text) => {
        const url = composeUrl(platform, text)
        if (url === null) return
        built++
        expect(new URL(url).searchParams.get('text')).toBe(text)
        expect(isAllowedComposeUrl(platform, url)).toBe(true)
      }),
      { numRuns: 300 },
    )
    // Platforms without a compose URL return early: the checks must still run often.
    expect(built).toBeGreaterThan(75)
  })
})

describe('isAllowedComposeUrl', () => {
  test.each([
    ['x', 'javascript:alert(1)//https://x.com/intent/tweet?text=a'],
    ['x', 'http://x.com/intent/tweet?text=a'],
    ['x', 'https://evil.com/intent/tweet?text=a'],
    ['x', 'https://x.com@evil.com/intent/tweet?text=a'],
    ['x', 'https://evil.com@x.com/intent/tweet?text=a'],
    ['x', 'https://x.com.evil.com/intent/tweet?text=a'],
    ['x', 'https://evil.com/x.com/intent/tweet?text=a'],
    ['x', 'https://x.com:8443/intent/tweet?text=a'],
    ['x', 'https://x.com:443/intent/tweet?text=a'],
    // Cyrillic "х" in place of the Latin x: the parser turns it into punycode, another host.
    ['x', 'https://\u0445.com/intent/tweet?text=a'],
    ['x', 'https://xn--j1a.com/intent/tweet?text=a'],
    ['x', 'https://X.COM/intent/tweet?text=a'],
    ['x', 'https://x.com/logout'],
    ['x', 'https://x.com/intent/tweet/../../logout?text=a'],
    ['x', 'https:\\\\x.com\\intent\\tweet?text=a'],
    ['x', ' https://x.com/intent/tweet?text=a'],
    ['x', 'https://x.com/intent/tweet?text=a\n'],
    ['x', 'https://x.com/intent/tweet?text=a&url=https://evil.com'],
    ['x', 'https://x.com/intent/tweet?text=a#fragment'],
    ['linkedin', 'https://www.linkedin.com/feed/?shareActive=false&text=a'],
    ['mastodon', 'https://evil.social/share?text=a'],
    ['facebook', 'https://www.facebook.com/sharer.php?u=https://example.com'],
    ['instagram', 'https://www.instagram.com/'],
    ['bluesky', 'data:text/html,<script>alert(1)</script>'],
    ['bluesky', 'not a url'],
  ] as const)('%s refuses %j', (platform, url) => {
    expect(isAllowedComposeUrl(platform, url)).toBe(false)
  })

  test('accepts the platform’s own compose URL, for Mastodon only on the user’s server', () => {
    expect(isAllowedComposeUrl('x', 'https://x.com/intent/tweet?text=Hallo%20Welt')).toBe(true)
    expect(isAllowedComposeUrl('linkedin', 'https://www.linkedin.com/feed/?shareActive=true&text=Hallo')).toBe(true)
    const settings = { mastodon: { server: 'chaos.social' } }
    expect(isAllowedComposeUrl('mastodon', 'https://chaos.social/share?text=Hallo', settings)).toBe(true)
    expect(isAllowedComposeUrl('mastodon', 'https://mastodon.social/share?text=Hallo', settings)).toBe(false)
    expect(isAllowedComposeUrl('mastodon', 'https://chaos.social/share?text=Hallo', { mastodon: { server: 'evil/' } })).toBe(false)
  })
})
