import twitterText from 'twitter-text'
import {
  countWith,
  extractHashtagsWithIndices,
  extractUrlsWithIndices,
  MASTODON_REMOTE_MENTION,
  MASTODON_URL_LENGTH,
  SINGLE_GRAPHEME_TEXT,
  utf8ByteLength,
} from './counting'
import type { PlatformId } from './ids'
import { profileOf, type CountingRule } from './profiles'
import { effectiveLimit, type PlatformSettingsInput } from './settings'

/**
 * What any slice of one text costs on a platform, priced fast, for the thread splitter and the
 * composer: they try many candidate posts, and running `measure` (twitter-text's parser, URL
 * extraction) on each costs tens of microseconds. The model is built once per text; after that
 * any slice [start, end) is priced in O(log n) from a few sorted corrections.
 *
 * For slices that start and end at whitespace it prices what `measure` counts: twitter-text's
 * own weight table per character, URLs and remote mentions as the platform counts them, bytes,
 * links and hashtags found once in the whole text. Callers still verify the posts they keep
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
      ranges.push({ start: indices[0], end: indices[1], cost: X_CONFIG.transformedURLLength })
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

/**
 * In SINGLE_GRAPHEME_TEXT every character is one UTF-16 unit and almost every one counts 1;
 * the model stores only the exceptions ("sparse"): a URL's 23 in place of its length, a
 * character X weighs 2, an emoji Threads counts in bytes. Scanning for the exceptions with a
 * RegExp is far cheaper than pricing 2,000 characters one by one.
 */
class Corrections {
  private readonly positions: number[] = []
  private readonly sums: number[] = [0]

  /** Positions must come in increasing order. */
  add(position: number, delta: number): void {
    if (delta === 0) return
    this.positions.push(position)
    this.sums.push(this.sums[this.sums.length - 1]! + delta)
  }

  /** Sum of the corrections at positions in [start, end). */
  between(start: number, end: number): number {
    return this.sums[this.countBefore(end)]! - this.sums[this.countBefore(start)]!
  }

  private countBefore(index: number): number {
    let low = 0
    let high = this.positions.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.positions[mid]! < index) low = mid + 1
      else high = mid
    }
    return low
  }
}

/** Characters that count more than 1: X's weight 2 (outside its weight-1 ranges), Threads' emoji. */
const X_HEAVY = new RegExp(
  `[^${X_CONFIG.ranges
    .filter((range) => range.weight === X_CONFIG.scale)
    .map((range) => `\\u{${range.start.toString(16)}}-\\u{${range.end.toString(16)}}`)
    .join('')}]`,
  'gu',
)
const THREADS_HEAVY = /\p{Extended_Pictographic}/gu
const NON_ASCII = /[^\x00-\x7F]/g

function usedCorrections(counting: CountingRule, text: string): Corrections {
  const corrections = new Corrections()
  const overrides = overridesFor(counting, text)
  const heavy = counting === 'x-weighted' ? X_HEAVY : counting === 'threads' ? THREADS_HEAVY : null
  const heavyAt = heavy ? [...text.matchAll(heavy)].map((m) => m.index) : []
  let h = 0
  for (const range of overrides) {
    for (; h < heavyAt.length && heavyAt[h]! < range.start; h++) corrections.add(heavyAt[h]!, heavyDelta(counting, text, heavyAt[h]!))
    corrections.add(range.start, range.cost - (range.end - range.start))
    while (h < heavyAt.length && heavyAt[h]! < range.end) h++
  }
  for (; h < heavyAt.length; h++) corrections.add(heavyAt[h]!, heavyDelta(counting, text, heavyAt[h]!))
  return corrections
}

function heavyDelta(counting: CountingRule, text: string, index: number): number {
  const unit = text.charCodeAt(index)
  if (counting === 'x-weighted') return xWeight(unit) / X_CONFIG.scale - 1
  // Threads: a single-character emoji (©, ®, ‼, ⁉) counts its UTF-8 bytes.
  return (unit < 0x800 ? 2 : 3) - 1
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
  const corrections = usedCorrections(counting, text)
  const used = (start: number, end: number) => end - start + corrections.between(start, end)

  let bytes: ((start: number, end: number) => number) | null = null
  if (profile.byteLimit !== undefined) {
    const extra = new Corrections()
    for (const { index } of text.matchAll(NON_ASCII)) extra.add(index, text.charCodeAt(index) < 0x800 ? 1 : 2)
    bytes = (start, end) => end - start + extra.between(start, end)
  }
  const links =
    profile.linkLimit !== undefined ? extractUrlsWithIndices(text).map(({ url, indices: [start, end] }) => ({ url, start, end })) : null
  const hashtags =
    profile.hashtags.cap !== undefined ? extractHashtagsWithIndices(text).map(({ indices: [start] }) => start) : null

  return {
    used,
    fitsWith(reserved) {
      // The reserved text is priced exactly, once.
      const reservedUsed = reserved === '' ? 0 : countWith(counting, reserved)
      const reservedBytes = utf8ByteLength(reserved)
      return (start, end) => {
        if (used(start, end) + reservedUsed > limit) return false
        if (bytes && profile.byteLimit !== undefined && bytes(start, end) + reservedBytes > profile.byteLimit) return false
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
