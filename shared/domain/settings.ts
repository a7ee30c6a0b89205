import { z } from 'zod'
import { DEFAULT_PLATFORM_SETTINGS, platformSettingsSchema } from '../platforms/settings'
import { DEFAULT_BLOG_SETTINGS, blogSettingsSchema } from '../blog/blog-url'
import { languageSchema } from './draft'

export const themeSchema = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof themeSchema>

export const uiLanguageSchema = z.enum(['system', 'de', 'en'])
export type UiLanguage = z.infer<typeof uiLanguageSchema>

/**
 * Proofreading. Kept in settings (part of every library backup) rather than in a table: the
 * user's dictionary and the per-draft choices are small, and they need no migration. Per-draft
 * entries are keyed by the draft id as a string.
 */
export const proofingSettingsSchema = z.object({
  /** Proofreading as a whole (spelling and style marks). */
  enabled: z.boolean(),
  /** "Add to my dictionary": accepted in every draft and language. */
  words: z.array(z.string().min(1).max(100)).max(20_000),
  /** Sentences with more words are marked as long. */
  maxSentenceWords: z.number().int().min(5).max(200),
  /** Drafts whose style checks the author switched off (spelling stays on). */
  styleOffDrafts: z.array(z.string().max(20)).max(100_000),
  /** "Ignore in this draft": words per draft id. */
  ignoredByDraft: z.record(z.string().max(20), z.array(z.string().min(1).max(100)).max(5_000)),
})
export type ProofingSettings = z.infer<typeof proofingSettingsSchema>

export const DEFAULT_PROOFING_SETTINGS: ProofingSettings = { enabled: true, words: [], maxSentenceWords: 25, styleOffDrafts: [], ignoredByDraft: {} }

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
  /** Settings → Posts: the blog's address pattern, for drafts without their own blog link. */
  blog: blogSettingsSchema,
  proofing: proofingSettingsSchema,
})
export type Settings = z.infer<typeof settingsSchema>

export const DEFAULT_SETTINGS: Settings = {
  uiLanguage: 'system',
  theme: 'system',
  defaultDraftLanguage: 'en',
  panes: { libraryWidth: 260, postsWidth: 380, libraryOpen: true, postsOpen: false },
  welcomed: false,
  posts: DEFAULT_PLATFORM_SETTINGS,
  blog: DEFAULT_BLOG_SETTINGS,
  proofing: DEFAULT_PROOFING_SETTINGS,
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
