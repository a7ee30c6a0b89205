import { z } from 'zod'

/** Every platform Longhand writes posts for, in the order the UI lists them. */
export const PLATFORM_IDS = ['x', 'bluesky', 'mastodon', 'threads', 'linkedin', 'facebook', 'instagram', 'tiktok', 'xing', 'youtube'] as const

export const platformIdSchema = z.enum(PLATFORM_IDS)
export type PlatformId = z.infer<typeof platformIdSchema>

export function isPlatformId(value: unknown): value is PlatformId {
  return platformIdSchema.safeParse(value).success
}
