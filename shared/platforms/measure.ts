import { countWith, extractHashtags, extractLinks, hasXInvalidCharacters, utf8ByteLength } from './counting'
import type { PlatformId } from './ids'
import { profileOf } from './profiles'
import { effectiveLimit, type PlatformSettingsInput } from './settings'

/**
 * Why a post needs attention. Codes and numbers only: the UI words them in the user's language.
 * Those marked "blocks" make `over` true: the platform would refuse the post as it stands.
 */
export type MeasureWarning =
  /** blocks: longer than the limit, by `by` units. */
  | { code: 'over-limit'; by: number }
  /** blocks (Bluesky): the UTF-8 text is longer than the byte cap. */
  | { code: 'byte-limit'; bytes: number; limit: number }
  /** blocks (Threads): more distinct links than allowed. */
  | { code: 'link-limit'; links: number; limit: number }
  /** blocks (Instagram): more hashtags than allowed. */
  | { code: 'hashtag-cap'; hashtags: number; cap: number }
  /** blocks (X): characters X refuses (U+FFFE, U+FEFF, U+FFFF). */
  | { code: 'invalid-characters' }
  /** advice: links are shown as plain text here; point readers to the link in the bio instead. */
  | { code: 'links-not-clickable'; links: number }
  /** advice: the feed folds the text behind "See more" after about `at` characters. */
  | { code: 'see-more-fold'; at: number }

export type MeasureWarningCode = MeasureWarning['code']

export interface Measurement {
  /** Length in the platform's own unit (see the profile's `counting`). */
  used: number
  limit: number
  /** May be negative. */
  remaining: number
  /** True if the platform would refuse the post: any blocking warning is present. */
  over: boolean
  warnings: MeasureWarning[]
}

const BLOCKING: ReadonlySet<MeasureWarningCode> = new Set([
  'over-limit',
  'byte-limit',
  'link-limit',
  'hashtag-cap',
  'invalid-characters',
])

export function isBlocking(warning: MeasureWarning): boolean {
  return BLOCKING.has(warning.code)
}

/**
 * The one measure behind every counter in the UI and every check in the composer.
 * Pure and synchronous; `settings` may be any subset of the platform settings.
 */
export function measure(platform: PlatformId, text: string, settings?: PlatformSettingsInput): Measurement {
  const profile = profileOf(platform)
  const limit = effectiveLimit(platform, settings)
  const used = countWith(profile.counting, text)
  const warnings: MeasureWarning[] = []

  if (used > limit) warnings.push({ code: 'over-limit', by: used - limit })

  if (profile.byteLimit !== undefined) {
    const bytes = utf8ByteLength(text)
    if (bytes > profile.byteLimit) warnings.push({ code: 'byte-limit', bytes, limit: profile.byteLimit })
  }

  if (platform === 'x' && hasXInvalidCharacters(text)) warnings.push({ code: 'invalid-characters' })

  // Link and hashtag extraction are regex-heavy: run them only where a rule needs them.
  if (profile.linkLimit !== undefined || !profile.linksClickable) {
    const links = extractLinks(text)
    if (profile.linkLimit !== undefined) {
      const distinct = new Set(links).size
      if (distinct > profile.linkLimit) warnings.push({ code: 'link-limit', links: distinct, limit: profile.linkLimit })
    }
    if (!profile.linksClickable && links.length > 0) warnings.push({ code: 'links-not-clickable', links: links.length })
  }

  if (profile.hashtags.cap !== undefined) {
    const hashtags = extractHashtags(text).length
    if (hashtags > profile.hashtags.cap) warnings.push({ code: 'hashtag-cap', hashtags, cap: profile.hashtags.cap })
  }

  if (profile.seeMoreAt !== undefined && used > profile.seeMoreAt) {
    warnings.push({ code: 'see-more-fold', at: profile.seeMoreAt })
  }

  return { used, limit, remaining: limit - used, over: warnings.some(isBlocking), warnings }
}

/** Shorthand for the composer: would the platform accept this text as one post? */
export function fits(platform: PlatformId, text: string, settings?: PlatformSettingsInput): boolean {
  return !measure(platform, text, settings).over
}
