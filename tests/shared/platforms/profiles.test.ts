import { describe, expect, test } from 'vitest'
import { PLATFORM_IDS, PLATFORMS, isPlatformId, profileOf } from '@shared/platforms'

describe('the platform table', () => {
  test('has exactly one profile per platform id, keyed by its own id', () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual([...PLATFORM_IDS].sort())
    for (const id of PLATFORM_IDS) expect(PLATFORMS[id].id).toBe(id)
  })

  test('states the documented limits', () => {
    const limits = Object.fromEntries(PLATFORM_IDS.map((id) => [id, PLATFORMS[id].limit]))
    expect(limits).toEqual({
      x: 280,
      bluesky: 300,
      mastodon: 500,
      threads: 500,
      linkedin: 3000,
      facebook: 63_206,
      instagram: 2200,
      tiktok: 2200,
      xing: 1000,
      youtube: 1000,
    })
    expect(PLATFORMS.x.premiumLimit).toBe(25_000)
    expect(PLATFORMS.bluesky.byteLimit).toBe(3000)
    expect(PLATFORMS.threads.linkLimit).toBe(5)
    expect(PLATFORMS.instagram.hashtags.cap).toBe(5)
    expect(PLATFORMS.facebook.seeMoreAt).toBe(480)
  })

  test('marks the limits nobody documents as conservative defaults, and only those', () => {
    const conservative = PLATFORM_IDS.filter((id) => PLATFORMS[id].limitBasis === 'conservative-default')
    expect(conservative).toEqual(['xing', 'youtube'])
  })

  test('knows which platforms have threads and where links are dead text', () => {
    expect(PLATFORM_IDS.filter((id) => PLATFORMS[id].threads)).toEqual(['x', 'bluesky', 'mastodon', 'threads'])
    expect(PLATFORM_IDS.filter((id) => !PLATFORMS[id].linksClickable)).toEqual(['instagram', 'tiktok'])
  })

  test('cites a source for every profile and explains every missing compose URL', () => {
    for (const id of PLATFORM_IDS) {
      const profile = PLATFORMS[id]
      expect(profile.sources.length, id).toBeGreaterThan(0)
      if (profile.compose.kind === 'none') expect(profile.compose.reason.length, id).toBeGreaterThan(10)
      if (profile.compose.kind === 'intent') expect(profile.compose.host, id).toMatch(/^[a-z0-9.-]+$/)
    }
    expect(PLATFORM_IDS.filter((id) => PLATFORMS[id].compose.kind === 'none')).toEqual([
      'facebook',
      'instagram',
      'tiktok',
      'xing',
      'youtube',
    ])
  })

  test('suggests no more hashtags than a platform allows, and few on LinkedIn and Facebook', () => {
    for (const id of PLATFORM_IDS) {
      const { cap, suggested } = PLATFORMS[id].hashtags
      if (cap !== undefined) expect(suggested, id).toBeLessThanOrEqual(cap)
    }
    expect(PLATFORMS.linkedin.hashtags.suggested).toBeLessThanOrEqual(3)
    expect(PLATFORMS.facebook.hashtags.suggested).toBeLessThanOrEqual(3)
  })

  test('refuses unknown platform ids clearly', () => {
    expect(isPlatformId('x')).toBe(true)
    expect(isPlatformId('twitter')).toBe(false)
    expect(() => profileOf('myspace' as never)).toThrow(/Unknown platform: myspace/)
  })
})
