import type { PlatformId } from './ids'

/**
 * How a platform turns text into the number it checks against its limit.
 * - `x-weighted`: the official twitter-text `parseTweet` weighted length (NFC, URLs 23, emoji 2, CJK 2).
 * - `graphemes`: user-perceived characters (Intl.Segmenter grapheme clusters).
 * - `mastodon`: graphemes after every URL becomes 23 characters and `@user@domain` becomes `@user`.
 * - `threads`: graphemes, except that an emoji counts as many characters as its UTF-8 bytes.
 * - `utf16`: UTF-16 code units (JavaScript string length). Used where a platform does not document
 *   its unit: it is never smaller than the grapheme or code-point count, so a post we call
 *   "within the limit" is within it however the platform counts.
 */
export type CountingRule = 'x-weighted' | 'graphemes' | 'mastodon' | 'threads' | 'utf16'

export interface HashtagHabit {
  /** A cap the platform enforces: more hashtags and the post is refused. Absent: no known cap. */
  cap?: number
  /** How many hashtags the composer adds by default (the platform's habit, not a rule). */
  suggested: number
  /** Never suggested here: the platform's own name and its family's (#Facebook on Instagram says nothing). */
  ownNames: readonly string[]
}

/** Where the platform's own compose page can be opened with the text filled in. */
export type ComposeTarget =
  | {
      kind: 'intent'
      host: string
      path: string
      textParam: string
      /** Fixed query parameters that come before the text, in this order. */
      fixedParams?: Readonly<Record<string, string>>
    }
  /** Mastodon: the same share page on whichever server the user is on (host from settings). */
  | { kind: 'user-server'; path: string; textParam: string }
  | { kind: 'none'; reason: string }

export interface PlatformProfile {
  id: PlatformId
  name: string
  /** Default limit in the platform's own unit (see `counting`). Users can override it in settings. */
  limit: number
  /** `conservative-default`: the platform documents no limit; we picked a safe one, users may raise it. */
  limitBasis: 'documented' | 'conservative-default'
  /** X only: the limit for accounts with longer posts (Premium), switched on in settings. */
  premiumLimit?: number
  counting: CountingRule
  /** Bluesky: a second, byte-based cap on the UTF-8 encoded text. */
  byteLimit?: number
  /** Threads: at most this many distinct links per post. */
  linkLimit?: number
  /** False where links in the text are shown as plain text (Instagram captions, TikTok captions). */
  linksClickable: boolean
  /** Whether a long text can be posted as a thread of replies. */
  threads: boolean
  hashtags: HashtagHabit
  /** Where the feed folds long text behind "See more" (approximate, varies by device). */
  seeMoreAt?: number
  compose: ComposeTarget
  /** Where each rule above comes from. */
  sources: readonly string[]
}

/**
 * THE platform table: every limit, counting rule and habit the composer and every counter in
 * the UI use. Derive from it; never copy a number out of it.
 */
export const PLATFORMS: Readonly<Record<PlatformId, PlatformProfile>> = {
  x: {
    id: 'x',
    name: 'X',
    // 280 weighted characters; X Premium "longer posts" allow 25,000.
    limit: 280,
    limitBasis: 'documented',
    premiumLimit: 25_000,
    counting: 'x-weighted',
    linksClickable: true,
    threads: true,
    hashtags: { suggested: 2, ownNames: ['X', 'Twitter'] },
    compose: { kind: 'intent', host: 'x.com', path: '/intent/tweet', textParam: 'text' },
    sources: [
      'https://docs.x.com/fundamentals/counting-characters (weights, URLs = 23, NFC, use twitter-text)',
      'https://github.com/twitter/twitter-text config v3 (emojiParsingEnabled, ranges)',
      'https://docs.x.com/x-for-websites/post-button/guides/web-intent (https://x.com/intent/tweet?text=)',
      'X Premium longer posts: 25,000 characters (publer.com docs, "Twitter/X Long-Form Posts")',
    ],
  },
  bluesky: {
    id: 'bluesky',
    name: 'Bluesky',
    limit: 300,
    limitBasis: 'documented',
    counting: 'graphemes',
    byteLimit: 3_000,
    linksClickable: true,
    threads: true,
    hashtags: { suggested: 2, ownNames: ['Bluesky', 'Bsky'] },
    compose: { kind: 'intent', host: 'bsky.app', path: '/intent/compose', textParam: 'text' },
    sources: [
      'app.bsky.feed.post lexicon: text maxGraphemes 300, maxLength 3000 (bytes) — @atcute/bluesky limits.ts',
      'https://docs.bsky.app/docs/advanced-guides/intent-links (https://bsky.app/intent/compose?text=, 300 grapheme clusters)',
    ],
  },
  mastodon: {
    id: 'mastodon',
    name: 'Mastodon',
    // 500 is Mastodon's default; servers may raise it (instance configuration.statuses.max_characters).
    limit: 500,
    limitBasis: 'documented',
    counting: 'mastodon',
    linksClickable: true,
    threads: true,
    hashtags: { suggested: 3, ownNames: ['Mastodon'] },
    compose: { kind: 'user-server', path: '/share', textParam: 'text' },
    sources: [
      'mastodon/mastodon app/validators/status_length_validator.rb: grapheme clusters, URLs as 23 x, mentions counted as @user',
      'mastodon/mastodon app/javascript/mastodon/features/compose/util/counter.ts (countableText)',
      'https://docs.joinmastodon.org/entities/Instance/ configuration.statuses.max_characters, characters_reserved_per_url',
      'mastodon/mastodon app/controllers/shares_controller.rb: GET /share opens the standalone composer, prefilled from ?text=',
    ],
  },
  threads: {
    id: 'threads',
    name: 'Threads',
    limit: 500,
    limitBasis: 'documented',
    counting: 'threads',
    linkLimit: 5,
    linksClickable: true,
    threads: true,
    // Threads turns only one hashtag per post into a topic tag; further ones stay plain text.
    hashtags: { suggested: 1, ownNames: ['Facebook', 'Instagram', 'Threads', 'Meta'] },
    compose: { kind: 'intent', host: 'www.threads.com', path: '/intent/post', textParam: 'text' },
    sources: [
      'https://developers.facebook.com/documentation/threads/posts ("Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8 bytes.")',
      'https://developers.facebook.com/documentation/threads/create-posts/text-attachments (5 links max from 2025-12-22, unique URLs counted)',
      'https://developers.facebook.com/documentation/threads/threads-web-intents (https://www.threads.com/intent/post?text=)',
    ],
  },
  linkedin: {
    id: 'linkedin',
    name: 'LinkedIn',
    limit: 3_000,
    limitBasis: 'documented',
    counting: 'utf16',
    linksClickable: true,
    threads: false,
    hashtags: { suggested: 3, ownNames: ['LinkedIn'] },
    // The documented share-offsite URL takes only a link; this composer prefill is undocumented
    // but long-standing. If LinkedIn drops it, the user still lands in the composer.
    compose: {
      kind: 'intent',
      host: 'www.linkedin.com',
      path: '/feed/',
      textParam: 'text',
      fixedParams: { shareActive: 'true' },
    },
    sources: [
      'LinkedIn post commentary: 3,000 characters (ayrshare.com LinkedIn API docs)',
      'https://www.linkedin.com/feed/?shareActive=true&text= (undocumented composer prefill, widely used)',
    ],
  },
  facebook: {
    id: 'facebook',
    name: 'Facebook',
    limit: 63_206,
    limitBasis: 'documented',
    counting: 'utf16',
    linksClickable: true,
    threads: false,
    hashtags: { suggested: 2, ownNames: ['Facebook', 'Instagram', 'Threads', 'Meta'] },
    // Desktop feeds fold at roughly 477–480 characters; mobile earlier.
    seeMoreAt: 480,
    compose: {
      kind: 'none',
      reason: 'sharer.php accepts only a link (u=); Facebook does not let other apps prefill post text',
    },
    sources: [
      '63,206 characters: Facebook status limit since 2011 (Mashable, via posthell.com and typecount.com counters)',
      '"See more" fold at ~477 characters on desktop (posthell.com, socialk.it, typecount.com)',
    ],
  },
  instagram: {
    id: 'instagram',
    name: 'Instagram',
    limit: 2_200,
    limitBasis: 'documented',
    counting: 'utf16',
    linksClickable: false,
    threads: false,
    hashtags: { cap: 5, suggested: 5, ownNames: ['Facebook', 'Instagram', 'Threads', 'Meta'] },
    compose: { kind: 'none', reason: 'Instagram has no web page that opens the composer with a caption' },
    sources: [
      'Caption 2,200 characters (Instagram help; aitoearn.ai, charcounter.online guides)',
      'Hashtags capped at 5 per post/reel, announced December 2025 (socialsamosa.com 2025-12-19, zeenews 2025-12-20)',
      'Links in captions are not clickable; "link in bio" is the convention',
    ],
  },
  tiktok: {
    id: 'tiktok',
    name: 'TikTok',
    limit: 2_200,
    limitBasis: 'documented',
    // TikTok's Content Posting API measures the caption in UTF-16 runes.
    counting: 'utf16',
    linksClickable: false,
    threads: false,
    hashtags: { suggested: 3, ownNames: ['TikTok'] },
    compose: { kind: 'none', reason: 'TikTok posts need a video or photos; there is no text-only compose URL' },
    sources: [
      'https://developers.tiktok.com/doc/content-posting-api-reference-direct-post (post_info.title: caption, max 2200 UTF-16 runes)',
      'Video caption 2,200 characters (upload-post.com, blotato.com docs)',
    ],
  },
  xing: {
    id: 'xing',
    name: 'XING',
    // No documented limit found: a conservative default that users can raise in settings.
    limit: 1_000,
    limitBasis: 'conservative-default',
    counting: 'utf16',
    linksClickable: true,
    threads: false,
    hashtags: { suggested: 2, ownNames: ['XING'] },
    compose: { kind: 'none', reason: 'XING share links (spi/shares/new?url=) take only a link, no text' },
    sources: ['No official post length limit published by XING; 1,000 is our conservative default'],
  },
  youtube: {
    id: 'youtube',
    name: 'YouTube',
    // Community posts: no official limit documented (third parties report ~7,700). Conservative default.
    limit: 1_000,
    limitBasis: 'conservative-default',
    counting: 'utf16',
    linksClickable: true,
    threads: false,
    hashtags: { suggested: 3, ownNames: ['YouTube'] },
    compose: { kind: 'none', reason: 'YouTube community posts can only be written in YouTube Studio or the app' },
    sources: [
      'No official community post limit published by YouTube; lettercounter.org reports ~7,700 with a fold at ~288',
    ],
  },
}

export function profileOf(platform: PlatformId): PlatformProfile {
  const profile = PLATFORMS[platform]
  if (!profile) throw new RangeError(`Unknown platform: ${String(platform)}`)
  return profile
}
