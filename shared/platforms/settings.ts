import { z } from 'zod'
import { PLATFORM_IDS, platformIdSchema, type PlatformId } from './ids'
import { PLATFORMS } from './profiles'

/** Smallest limit a user can set: room for a few words plus thread numbering like " (12/12)". */
export const MIN_PLATFORM_LIMIT = 50
/** Largest limit a user can set (above Facebook's 63,206). */
export const MAX_PLATFORM_LIMIT = 100_000

export const THREAD_NUMBERING_STYLES = ['1/4', '(1/4)', 'none'] as const
export const threadNumberingSchema = z.enum(THREAD_NUMBERING_STYLES)
export type ThreadNumbering = z.infer<typeof threadNumberingSchema>

/** Own question / call-to-action lines: enough for a rotation, short enough for any post. */
export const MAX_OWN_LINES = 50
export const MAX_OWN_LINE_LENGTH = 280

const limitSchema = z.number().int().min(MIN_PLATFORM_LIMIT).max(MAX_PLATFORM_LIMIT)

/**
 * A bare host name: lowercase labels of letters, digits and hyphens (IDNs in their punycode
 * form, as the URL parser produces them). No scheme, port, path or user info.
 */
const HOST_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/

export const serverHostSchema = z.string().regex(HOST_PATTERN, { message: 'expected a server name like mastodon.social' })

/** Mastodon's limit lives here, next to the server it belongs to, not in `limits`. */
const limitOverridablePlatformSchema = platformIdSchema.exclude(['mastodon'])

export const platformSettingsSchema = z.object({
  /** Platforms shown in the posts panel, in the order of PLATFORM_IDS. */
  enabled: z
    .array(platformIdSchema)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each platform may appear only once' }),
  /** User overrides of a platform's default limit (absent: the profile's limit applies). */
  limits: z.partialRecord(limitOverridablePlatformSchema, limitSchema),
  mastodon: z.object({
    server: serverHostSchema,
    /** The server's `configuration.statuses.max_characters`; 500 on a stock server. */
    maxCharacters: limitSchema,
  }),
  /** Longer posts on X (Premium). An explicit `limits.x` still wins. */
  xPremium: z.boolean(),
  threadNumbering: threadNumberingSchema,
  /** The author's own closing questions (Settings → Posts), used in turn instead of the composer's. */
  ownQuestions: z.array(z.string().max(MAX_OWN_LINE_LENGTH)).max(MAX_OWN_LINES),
  /** The author's own calls to action, used in turn. */
  ownCallsToAction: z.array(z.string().max(MAX_OWN_LINE_LENGTH)).max(MAX_OWN_LINES),
  /** How many times posts were made: picks the next own question and call to action, across sessions. */
  rotation: z.number().int().min(0),
})
export type PlatformSettings = z.infer<typeof platformSettingsSchema>

/** What `measure`, `splitThread` and the composer accept: any subset of the settings. */
export type PlatformSettingsInput = Partial<Omit<PlatformSettings, 'mastodon'>> & {
  mastodon?: Partial<PlatformSettings['mastodon']>
}

export const DEFAULT_PLATFORM_SETTINGS: PlatformSettings = {
  enabled: ['x', 'bluesky', 'mastodon', 'linkedin', 'facebook', 'instagram'],
  limits: {},
  mastodon: { server: 'mastodon.social', maxCharacters: PLATFORMS.mastodon.limit },
  xPremium: false,
  threadNumbering: '1/4',
  ownQuestions: [],
  ownCallsToAction: [],
  rotation: 0,
}

export function resolvePlatformSettings(input?: PlatformSettingsInput): PlatformSettings {
  if (!input) return DEFAULT_PLATFORM_SETTINGS
  return {
    enabled: input.enabled ?? DEFAULT_PLATFORM_SETTINGS.enabled,
    limits: input.limits ?? DEFAULT_PLATFORM_SETTINGS.limits,
    mastodon: { ...DEFAULT_PLATFORM_SETTINGS.mastodon, ...input.mastodon },
    xPremium: input.xPremium ?? DEFAULT_PLATFORM_SETTINGS.xPremium,
    threadNumbering: input.threadNumbering ?? DEFAULT_PLATFORM_SETTINGS.threadNumbering,
    ownQuestions: input.ownQuestions ?? DEFAULT_PLATFORM_SETTINGS.ownQuestions,
    ownCallsToAction: input.ownCallsToAction ?? DEFAULT_PLATFORM_SETTINGS.ownCallsToAction,
    rotation: input.rotation ?? DEFAULT_PLATFORM_SETTINGS.rotation,
  }
}

/** The limit in force for a platform: the user's override, else the profile's (X: Premium if on). */
export function effectiveLimit(platform: PlatformId, settings?: PlatformSettingsInput): number {
  if (platform === 'mastodon') return settings?.mastodon?.maxCharacters ?? DEFAULT_PLATFORM_SETTINGS.mastodon.maxCharacters
  const override = settings?.limits?.[platform]
  if (override !== undefined) return override
  const profile = PLATFORMS[platform]
  if (platform === 'x' && settings?.xPremium && profile.premiumLimit) return profile.premiumLimit
  return profile.limit
}

/**
 * Turns what a user types as their server ("https://Mastodon.Social/@me", "chaos.social")
 * into a bare host, or null if it is not one. IDNs come back in punycode.
 */
export function normalizeServerHost(input: string): string | null {
  const trimmed = input.trim()
  if (trimmed === '') return null
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (url.username !== '' || url.password !== '' || url.port !== '') return null
  const host = url.hostname.toLowerCase()
  return HOST_PATTERN.test(host) ? host : null
}

/** The enabled platforms in canonical order (for UIs that iterate them). */
export function enabledPlatforms(settings?: PlatformSettingsInput): PlatformId[] {
  const enabled = new Set(settings?.enabled ?? DEFAULT_PLATFORM_SETTINGS.enabled)
  return PLATFORM_IDS.filter((id) => enabled.has(id))
}
