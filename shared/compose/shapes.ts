import type { PlatformId } from '../platforms/ids'
import { PLATFORMS } from '../platforms/profiles'

/**
 * How each platform's feed shows a post, as far as the composer shapes text for it. The
 * numbers are where feeds fold long text behind "… more" (approximate, they vary by device).
 */
export interface PostShape {
  /** The hook sentence must end within this many characters, or it is moved to the front. */
  hookBefore?: number
  /** A passage opening with a sentence this short already has its hook line. */
  shortOpening: number
  /** Break paragraphs into short ones of about this many characters (LinkedIn's line breaks). */
  airy?: number
  /** Question and teaser from the hook alone: the shortest strong post (X, Bluesky). */
  short: boolean
}

const SHAPES: Readonly<Record<PlatformId, PostShape>> = {
  x: { short: true, shortOpening: 0 },
  bluesky: { short: true, shortOpening: 0 },
  mastodon: { short: false, shortOpening: 0 },
  threads: { short: false, shortOpening: 0 },
  // LinkedIn shows about three lines (~210 characters) before "…mehr": a short hook line, then air.
  linkedin: { hookBefore: 210, shortOpening: 110, airy: 220, short: false },
  // Facebook: the key sentence must stand before "See more", whatever the opening is like.
  facebook: { hookBefore: PLATFORMS.facebook.seeMoreAt ?? 480, shortOpening: 0, short: false },
  // Instagram captions fold after about 125 characters.
  instagram: { hookBefore: 125, shortOpening: 110, airy: 300, short: false },
  tiktok: { hookBefore: 100, shortOpening: 90, short: false },
  xing: { hookBefore: 240, shortOpening: 120, short: false },
  // YouTube community posts fold at about 288 characters.
  youtube: { hookBefore: 288, shortOpening: 140, short: false },
}

export function shapeOf(platform: PlatformId): PostShape {
  return SHAPES[platform]
}
