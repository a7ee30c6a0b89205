import twitterText from 'twitter-text'
import { countWith, extractUrlsWithIndices, isEmojiCodePoint, MASTODON_URL_LENGTH, SINGLE_GRAPHEME_TEXT, utf8ByteLength } from './counting'
import type { PlatformId } from './ids'
import { profileOf, type CountingRule } from './profiles'
import { effectiveLimit, type PlatformSettingsInput } from './settings'

/**
 * A fast, never-too-small estimate of what any slice of one text costs on a platform, for the
 * thread splitter: it tries many candidate parts, and running `measure` (twitter-text's parser,
 * URL extraction) on each costs tens of microseconds. The model is built once per text; after
 * that any slice [start, end) is priced in O(1) from prefix sums.
 *
 * For slices that start and end at whitespace it prices what `measure` counts: twitter-text's
 * own weight table per character, URLs and remote mentions as the platform counts them, bytes,
 * links and hashtags found once in the whole text. Callers still verify the parts they keep
 * with `measure`, so a disagreement can cost speed, never correctness.
 */
export interface CostModel {
  /** What text.slice(start, end) counts, in the platform's unit. */
  used(start: number, end: number): number
  /** A check for slices that must also leave room for `reserved` (e.g. thread numbering). */
  fitsWith(reserved: string): (start: number, end: number) => boolean
}

interface TwitterConfig {
  scale: number
  defaultWeight: number
  transformedURLLength: number
  ranges: Array<{ start: number; end: number; weight: number }>
}

// twitter-text's own weight table (the default, v3), read at runtime rather than copied.
const X_CONFIG = (twitterText as unknown as { configs: { defaults: TwitterConfig } }).configs.defaults

function xWeight(codePoint: number): number {
  for (const range of X_CONFIG.ranges) {
    if (codePoint >= range.start && codePoint <= range.end) return range.weight
  }
  return X_CONFIG.defaultWeight
}

const MASTODON_REMOTE_MENTION = /(^|[^/\w])@([a-z0-9_]+)(@[a-z0-9.-]+[a-z0-9]+)/gi

interface Override {
  start: number
  end: number
  /** What the whole range counts, in place of its characters. */
  cost: number
}

/** Ranges counted as a whole: URLs (X, Mastodon) and the domain of remote mentions (Mastodon). */
function overridesFor(counting: CountingRule, text: string): Override[] {
  const ranges: Override[] = []
  if (counting === 'x-weighted') {
    for (const { indices } of extractUrlsWithIndices(text)) {
      ranges.push({ start: indices[0], end: indices[1], cost: X_CONFIG.transformedURLLength * X_CONFIG.scale })
    }
  } else if (counting === 'mastodon') {
    for (const { url, indices } of extractUrlsWithIndices(text)) {
      // As in mastodonCountableText: 23, or the literal length of a long URL without a scheme.
      const cost = /^https?:\/\//i.test(url) ? MASTODON_URL_LENGTH : Math.max(MASTODON_URL_LENGTH, url.length)
      ranges.push({ start: indices[0], end: indices[1], cost })
    }
    for (const match of text.matchAll(MASTODON_REMOTE_MENTION)) {
      const start = match.index + match[1]!.length + 1 + match[2]!.length
      ranges.push({ start, end: start + match[3]!.length, cost: 0 })
    }
  }
  ranges.sort((a, b) => a.start - b.start)
  const disjoint: Override[] = []
  for (const range of ranges) if (range.start >= (disjoint[disjoint.length - 1]?.end ?? 0)) disjoint.push(range)
  return disjoint
}

/** Cost of one character of SINGLE_GRAPHEME_TEXT (BMP, one unit each), in the model's unit. */
function characterCost(counting: CountingRule, unit: number): number {
  switch (counting) {
    case 'x-weighted':
      return xWeight(unit)
    case 'threads':
      // A single-character emoji (©, ®, ‼, ⁉) counts its UTF-8 bytes.
      return unit >= 0xa9 && isEmojiCodePoint(unit) ? (unit < 0x800 ? 2 : 3) : 1
    case 'graphemes':
    case 'mastodon':
    case 'utf16':
      return 1
  }
}

/**
 * The model covers text whose characters are each their own grapheme (SINGLE_GRAPHEME_TEXT:
 * most prose); there it prices exactly what `measure` counts. For other text (emoji, combining
 * marks) it returns null and callers use `measure` itself.
 */
export function buildCostModel(platform: PlatformId, text: string, settings?: PlatformSettingsInput): CostModel | null {
  if (!SINGLE_GRAPHEME_TEXT.test(text)) return null
  const profile = profileOf(platform)
  const limit = effectiveLimit(platform, settings)
  const counting = profile.counting
  const scale = counting === 'x-weighted' ? X_CONFIG.scale : 1
  const length = text.length

  // Prefix sums: used[i] is what text.slice(0, i) counts (times `scale`).
  const used = new Float64Array(length + 1)
  const overrides = overridesFor(counting, text)
  let next = 0
  let sum = 0
  for (let i = 0; i < length; i++) {
    const range = overrides[next]
    if (range !== undefined && i >= range.start) {
      if (i === range.start) sum += range.cost
      if (i + 1 >= range.end) next++
    } else {
      sum += characterCost(counting, text.charCodeAt(i))
    }
    used[i + 1] = sum
  }

  let bytes: Float64Array | null = null
  if (profile.byteLimit !== undefined) {
    bytes = new Float64Array(length + 1)
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i)
      bytes[i + 1] = bytes[i]! + (unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3)
    }
  }
  const links =
    profile.linkLimit !== undefined ? extractUrlsWithIndices(text).map(({ url, indices: [start, end] }) => ({ url, start, end })) : null
  const hashtags =
    profile.hashtags.cap !== undefined ? twitterText.extractHashtagsWithIndices(text).map(({ indices: [start] }) => start) : null

  return {
    used: (start, end) => (used[end]! - used[start]!) / scale,
    fitsWith(reserved) {
      // The reserved text is priced exactly, once.
      const reservedUsed = reserved === '' ? 0 : countWith(counting, reserved)
      const reservedBytes = utf8ByteLength(reserved)
      return (start, end) => {
        if ((used[end]! - used[start]!) / scale + reservedUsed > limit) return false
        if (bytes && profile.byteLimit !== undefined && bytes[end]! - bytes[start]! + reservedBytes > profile.byteLimit) return false
        if (links && profile.linkLimit !== undefined) {
          const inside = new Set(links.filter((l) => l.start >= start && l.end <= end).map((l) => l.url))
          if (inside.size > profile.linkLimit) return false
        }
        if (hashtags && profile.hashtags.cap !== undefined) {
          if (hashtags.filter((at) => at >= start && at < end).length > profile.hashtags.cap) return false
        }
        return true
      }
    },
  }
}
