import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain'
import { tempLibrary } from '../../support/temp-library'

describe('SettingsStore', () => {
  it('reads defaults from an empty library', async () => {
    const { settings } = await tempLibrary()
    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
  })

  it('stores patches, merging nested pane sizes', async () => {
    const { settings } = await tempLibrary()
    settings.update({ uiLanguage: 'de', theme: 'dark' })
    const next = settings.update({ panes: { libraryWidth: 300 } })
    expect(next).toMatchObject({ uiLanguage: 'de', theme: 'dark', panes: { ...DEFAULT_SETTINGS.panes, libraryWidth: 300 } })
    expect(settings.get()).toEqual(next)
  })

  it('reads a damaged or foreign value as the default instead of failing', async () => {
    const { settings, db } = await tempLibrary()
    settings.update({ theme: 'dark' })
    db.prepare("INSERT INTO settings (key, value) VALUES ('uiLanguage', '\"klingon\"'), ('panes', 'not json'), ('unknownKey', '1')").run()
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
  })

  it('stores posts settings from partial patches, merging the Mastodon server into the rest', async () => {
    const { settings } = await tempLibrary()
    settings.update({ posts: { xPremium: true, limits: { linkedin: 1300 } } })
    const next = settings.update({ posts: { mastodon: { server: 'chaos.social' } } })
    expect(next.posts).toEqual({
      ...DEFAULT_SETTINGS.posts,
      xPremium: true,
      limits: { linkedin: 1300 },
      mastodon: { ...DEFAULT_SETTINGS.posts.mastodon, server: 'chaos.social' },
    })
    expect(settings.get()).toEqual(next)
    expect(() => settings.update({ posts: { mastodon: { server: 'https://evil.example/@me' } } })).toThrow()
    expect(() => settings.update({ posts: { limits: { x: 10 } } })).toThrow()
    expect(settings.get()).toEqual(next)
  })

  it('fills posts settings an older version stored without newer keys', async () => {
    const { settings, db } = await tempLibrary()
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(
      'posts',
      '{"enabled":["x","mastodon"],"mastodon":{"server":"norden.social"},"__proto__":{"polluted":true}}',
    )
    expect(settings.get().posts).toEqual({
      ...DEFAULT_SETTINGS.posts,
      enabled: ['x', 'mastodon'],
      mastodon: { ...DEFAULT_SETTINGS.posts.mastodon, server: 'norden.social' },
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rejects invalid patches', async () => {
    const { settings } = await tempLibrary()
    expect(() => settings.update({ theme: 'neon' as never })).toThrow()
    expect(settings.get().theme).toBe('system')
  })

  it('keeps the proofreading dictionary and per-draft choices, and an older library reads the defaults', async () => {
    const { settings, db } = await tempLibrary()
    const proofing = { ...DEFAULT_SETTINGS.proofing, words: ['Longhandismus'], styleOffDrafts: ['7'], ignoredByDraft: { '3': ['Mangold'] } }
    settings.update({ proofing })
    expect(settings.get().proofing).toEqual(proofing)
    // A value written before a key existed gains it from the defaults (here: `enabled`).
    db.prepare("UPDATE settings SET value = ? WHERE key = 'proofing'").run(JSON.stringify({ words: ['alt'], maxSentenceWords: 30, styleOffDrafts: [], ignoredByDraft: {} }))
    expect(settings.get().proofing).toEqual({ ...DEFAULT_SETTINGS.proofing, words: ['alt'], maxSentenceWords: 30 })
    expect(() => settings.update({ proofing: { ...proofing, maxSentenceWords: 1 } })).toThrow()
  })
})
