import { describe, expect, it } from 'vitest'
import { applySettingsPatch, DEFAULT_SETTINGS, type SettingsPatch } from '@shared/domain'
import { tempLibrary } from '../electron/support/temp-library'

// The patches the UI sends; each one applied after the ones before it.
const PATCHES: SettingsPatch[] = [
  { theme: 'dark', panes: { libraryWidth: 320 } },
  { posts: { limits: { linkedin: 1300, x: 300 } } },
  // Removing an override: `limits` is one value, replaced as a whole.
  { posts: { limits: { x: 300 } } },
  { posts: { mastodon: { server: 'chaos.social' } } },
  { posts: { enabled: ['x', 'bluesky'] } },
  { panes: { postsOpen: true } },
]

describe('one merge for settings patches', () => {
  it('the renderer shows exactly what the settings service stores', async () => {
    const { settings } = await tempLibrary()
    let shown = DEFAULT_SETTINGS
    for (const patch of PATCHES) {
      shown = applySettingsPatch(shown, patch)
      expect(shown).toEqual(settings.update(patch))
    }
    expect(shown.posts.limits).toEqual({ x: 300 })
  })
})
