import { z } from 'zod'
import { DEFAULT_PLATFORM_SETTINGS, platformSettingsSchema } from '../platforms/settings'
import { languageSchema } from './draft'

export const themeSchema = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof themeSchema>

export const uiLanguageSchema = z.enum(['system', 'de', 'en'])
export type UiLanguage = z.infer<typeof uiLanguageSchema>

export const paneLayoutSchema = z.object({
  libraryWidth: z.number().int().min(180).max(600),
  postsWidth: z.number().int().min(280).max(720),
  libraryOpen: z.boolean(),
  postsOpen: z.boolean(),
})

/**
 * Settings live in SQLite as one JSON value per top-level key. Every key has a default, so
 * an older database (or a missing key) always reads as a complete, valid object.
 */
export const settingsSchema = z.object({
  uiLanguage: uiLanguageSchema,
  theme: themeSchema,
  /** Language for new drafts when the UI language is "system" and the OS locale is unknown. */
  defaultDraftLanguage: languageSchema,
  panes: paneLayoutSchema,
  /** Set once the welcome draft was created, so deleting it is final. */
  welcomed: z.boolean(),
  /** The posts panel: which platforms, their limits, the Mastodon server, thread numbering. */
  posts: platformSettingsSchema,
})
export type Settings = z.infer<typeof settingsSchema>

export const DEFAULT_SETTINGS: Settings = {
  uiLanguage: 'system',
  theme: 'system',
  defaultDraftLanguage: 'en',
  panes: { libraryWidth: 260, postsWidth: 380, libraryOpen: true, postsOpen: false },
  welcomed: false,
  posts: DEFAULT_PLATFORM_SETTINGS,
}

export const settingsPatchSchema = settingsSchema
  .extend({
    panes: paneLayoutSchema.partial(),
    posts: platformSettingsSchema
      .extend({ mastodon: platformSettingsSchema.shape.mastodon.partial().strict() })
      .partial()
      .strict(),
  })
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

/**
 * The settings after `patch`: the one merge the settings service stores and the renderer shows
 * at once. The objects a patch may give in part (panes, posts, posts.mastodon) are merged;
 * every other value, `posts.limits` and `posts.enabled` included, is replaced as a whole (so
 * a limit override can be removed). Neither argument is changed.
 */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const { panes, posts, ...rest } = patch
  const { mastodon, ...postsRest } = posts ?? {}
  return {
    ...settings,
    ...rest,
    panes: { ...settings.panes, ...panes },
    posts: { ...settings.posts, ...postsRest, mastodon: { ...settings.posts.mastodon, ...mastodon } },
  }
}
