import { describe, expect, test } from 'vitest'
import {
  DEFAULT_PLATFORM_SETTINGS,
  effectiveLimit,
  enabledPlatforms,
  normalizeServerHost,
  platformSettingsSchema,
  resolvePlatformSettings,
} from '@shared/platforms'

describe('platform settings', () => {
  test('the defaults are valid: a handful of platforms, mastodon.social at 500, numbering 1/4', () => {
    expect(platformSettingsSchema.parse(DEFAULT_PLATFORM_SETTINGS)).toEqual(DEFAULT_PLATFORM_SETTINGS)
    expect(DEFAULT_PLATFORM_SETTINGS).toMatchObject({
      mastodon: { server: 'mastodon.social', maxCharacters: 500 },
      xPremium: false,
      threadNumbering: '1/4',
      limits: {},
    })
    expect(enabledPlatforms()).toEqual(['x', 'bluesky', 'mastodon', 'linkedin', 'facebook', 'instagram'])
  })

  test('rejects what the settings store must never hold', () => {
    const bad = [
      { ...DEFAULT_PLATFORM_SETTINGS, enabled: ['x', 'x'] },
      { ...DEFAULT_PLATFORM_SETTINGS, enabled: ['myspace'] },
      { ...DEFAULT_PLATFORM_SETTINGS, limits: { x: 10 } },
      { ...DEFAULT_PLATFORM_SETTINGS, limits: { x: 280.5 } },
      // Mastodon's limit belongs to the server entry, not to the overrides.
      { ...DEFAULT_PLATFORM_SETTINGS, limits: { mastodon: 1000 } },
      { ...DEFAULT_PLATFORM_SETTINGS, mastodon: { server: 'https://mastodon.social', maxCharacters: 500 } },
      { ...DEFAULT_PLATFORM_SETTINGS, mastodon: { server: 'mastodon.social/@me', maxCharacters: 500 } },
      { ...DEFAULT_PLATFORM_SETTINGS, mastodon: { server: 'evil.com@mastodon.social', maxCharacters: 500 } },
      { ...DEFAULT_PLATFORM_SETTINGS, threadNumbering: '1 of 4' },
    ]
    for (const value of bad) expect(platformSettingsSchema.safeParse(value).success, JSON.stringify(value)).toBe(false)
    expect(
      platformSettingsSchema.safeParse({ ...DEFAULT_PLATFORM_SETTINGS, limits: { x: 4000, xing: 3000 }, xPremium: true }).success,
    ).toBe(true)
  })

  test('normalises what users paste as their server, and refuses what is not a host', () => {
    expect(normalizeServerHost('  https://Mastodon.Social/@anna ')).toBe('mastodon.social')
    expect(normalizeServerHost('chaos.social')).toBe('chaos.social')
    expect(normalizeServerHost('troet.cafe/')).toBe('troet.cafe')
    expect(normalizeServerHost('mästodon.de')).toBe('xn--mstodon-5wa.de')
    expect(normalizeServerHost('mastodon.social:8443')).toBeNull()
    expect(normalizeServerHost('anna:secret@mastodon.social')).toBeNull()
    expect(normalizeServerHost('javascript:alert(1)')).toBeNull()
    expect(normalizeServerHost('ftp://mastodon.social')).toBeNull()
    expect(normalizeServerHost('localhost')).toBeNull()
    expect(normalizeServerHost('')).toBeNull()
  })

  test('the limit in force: override, else Premium on X, else the profile; Mastodon from its server entry', () => {
    expect(effectiveLimit('x')).toBe(280)
    expect(effectiveLimit('x', { xPremium: true })).toBe(25_000)
    expect(effectiveLimit('x', { xPremium: true, limits: { x: 1000 } })).toBe(1000)
    expect(effectiveLimit('linkedin', { limits: { x: 1000 } })).toBe(3000)
    expect(effectiveLimit('mastodon')).toBe(500)
    expect(effectiveLimit('mastodon', { mastodon: { maxCharacters: 11_000 } })).toBe(11_000)
  })

  test('a partial settings object is completed from the defaults', () => {
    expect(resolvePlatformSettings({ mastodon: { server: 'chaos.social' } })).toEqual({
      ...DEFAULT_PLATFORM_SETTINGS,
      mastodon: { server: 'chaos.social', maxCharacters: 500 },
    })
    expect(enabledPlatforms({ enabled: ['youtube', 'x'] })).toEqual(['x', 'youtube'])
  })
})
