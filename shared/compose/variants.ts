import type { Language } from '../domain/draft'
import { buildCostModel, type CostModel } from '../platforms/cost-model'
import { graphemes } from '../platforms/counting'
import { PLATFORM_IDS, type PlatformId } from '../platforms/ids'
import { fits } from '../platforms/measure'
import { PLATFORMS, profileOf } from '../platforms/profiles'
import type { PlatformSettingsInput } from '../platforms/settings'
import { cleanPassage } from './clean'
import { suggestHashtags } from './hashtags'
import { splitSentences } from './sentences'
import { splitThread, stripNumbering } from './split-thread'
import { WORDING, type Wording } from './wording'

export const VARIANT_STYLES = ['quote', 'question', 'teaser'] as const
export type VariantStyle = (typeof VARIANT_STYLES)[number]

export interface ComposeInput {
  /** The selected passage, as plain text (paragraphs separated by blank lines). */
  excerpt: string
  title: string
  tags: string[]
  language: Language
  /** The published post; used only if it is an http(s) URL. */
  blogUrl?: string
  settings?: PlatformSettingsInput
}

/** One suggestion: a single post, or on platforms with threads possibly several parts. */
export interface Variant {
  style: VariantStyle
  parts: string[]
}

/**
 * Posts for `platform` from a passage, in three styles:
 * - quote: the author's own sentences (a thread where the platform has threads, otherwise
 *   trimmed at a sentence boundary);
 * - question: a shorter passage and a question that invites replies;
 * - teaser: a hook and the link to the blog post (or "link in bio" where links don't work).
 * Deterministic, offline, and every part fits the platform as `measure` sees it.
 * Styles that cannot be made from the input (e.g. a quote from an empty passage) are left out.
 */
export function composeVariants(input: ComposeInput, platform: PlatformId): Variant[] {
  const analysis = analyse(input)
  const wording = WORDING[input.language]
  const context: Context = { platform, settings: input.settings, language: input.language, wording, analysis }
  const variants: Variant[] = []
  const quoteParts = quote(context)
  if (quoteParts) variants.push({ style: 'quote', parts: quoteParts })
  const questionPost = question(context)
  if (questionPost) variants.push({ style: 'question', parts: [questionPost] })
  const teaserPost = teaser(context, usableUrl(input.blogUrl))
  if (teaserPost) variants.push({ style: 'teaser', parts: [teaserPost] })
  return variants
}

interface Analysis {
  /** Trimmed, so prefixes of it start at index 0; manual thread breaks made paragraph breaks. */
  passage: string
  /** The passage with the author's manual thread breaks ("---" lines), for threads. */
  threadSource: string
  title: string
  /** Sentences of the passage; they partition it, whitespace included. */
  sentences: readonly string[]
  hashtags: string[]
  seed: number
  /** Cost models of the passage, per platform and settings (see passageModel). */
  models: Map<string, CostModel | null>
}

interface Context {
  platform: PlatformId
  settings: PlatformSettingsInput | undefined
  language: Language
  wording: Wording
  analysis: Analysis
}

const MANUAL_BREAK_LINE = /^[ \t]*-{3,}[ \t]*$/gmu
const MOST_HASHTAGS = Math.max(...PLATFORM_IDS.map((id) => PLATFORMS[id].hashtags.suggested))

// The panel composes the same passage for every platform in turn: keep the last analysis.
let lastAnalysis: { input: Pick<ComposeInput, 'excerpt' | 'title' | 'tags' | 'language'>; value: Analysis } | null = null

function sameDraft(a: Pick<ComposeInput, 'excerpt' | 'title' | 'tags' | 'language'>, b: ComposeInput): boolean {
  return (
    a.excerpt === b.excerpt &&
    a.title === b.title &&
    a.language === b.language &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  )
}

function analyse(input: ComposeInput): Analysis {
  if (lastAnalysis && sameDraft(lastAnalysis.input, input)) return lastAnalysis.value
  const threadSource = cleanPassage(input.excerpt).trim()
  // A single post has no use for "---": the break becomes a blank line.
  const passage = threadSource.replace(MANUAL_BREAK_LINE, '').replace(/\n{3,}/gu, '\n\n').trim()
  const title = cleanPassage(input.title).replace(/\s+/gu, ' ').trim()
  const value: Analysis = {
    passage,
    threadSource,
    title,
    sentences: splitSentences(passage, input.language),
    hashtags: suggestHashtags(passage, { tags: input.tags, title, language: input.language, max: MOST_HASHTAGS }),
    seed: fnv1a(`${passage}\u0000${title}`),
    models: new Map(),
  }
  lastAnalysis = { input: { excerpt: input.excerpt, title: input.title, tags: [...input.tags], language: input.language }, value }
  return value
}

function hashtagsFor(context: Context): string[] {
  return context.analysis.hashtags.slice(0, profileOf(context.platform).hashtags.suggested)
}

function quote(context: Context): string[] | null {
  const { platform, settings, language, analysis } = context
  if (analysis.passage === '') return null
  const tags = hashtagsFor(context)
  if (profileOf(platform).threads) {
    const numbering = settings?.threadNumbering ?? '1/4'
    if (tags.length > 0) {
      const parts = splitThread(platform, `${analysis.threadSource}\n\n${tags.join(' ')}`, { settings, language })
      const last = stripNumbering(parts[parts.length - 1] ?? '', numbering)
      // Hashtags that would make a part of their own are not worth a post: leave them out.
      if (!/^(?:#\S+\s*)+$/u.test(last) || parts.length === 1) return parts
    }
    return splitThread(platform, analysis.threadSource, { settings, language })
  }
  const post = fitSingle(context, { frame: (passage) => passage, tags, passageRequired: true, truncate: true })
  return post === null ? null : [post]
}

function question(context: Context): string | null {
  const { analysis, wording, platform } = context
  if (analysis.passage === '') return null
  const questions = wording.questions
  const ask = questions[(analysis.seed + PLATFORM_IDS.indexOf(platform)) % questions.length]!
  return fitSingle(context, {
    frame: (passage) => `${passage}\n\n${ask}`,
    tags: hashtagsFor(context),
    passageRequired: true,
    truncate: true,
  })
}

function teaser(context: Context, blogUrl: string | null): string | null {
  const { analysis, wording, platform } = context
  const clickable = profileOf(platform).linksClickable
  const linkLines = [
    blogUrl && clickable ? `${wording.readMore} ${blogUrl}` : null,
    blogUrl && !clickable ? wording.linkInBio : null,
    wording.fullPostOnBlog,
  ].filter((line): line is string => line !== null)
  const tags = hashtagsFor(context)
  const join = (...lines: string[]) => lines.filter((line) => line !== '').join('\n\n')

  for (const linkLine of linkLines) {
    if (analysis.title !== '') {
      const hook = wording.teaserHook(analysis.title)
      // Title line, then the passage's first sentence as the hook if it fits.
      const full = fitSingle(context, {
        frame: (passage) => join(hook, passage, linkLine),
        tags,
        maxSentences: 1,
        passageRequired: false,
        truncate: false,
      })
      if (full) return full
      // A title too long for the platform: cut it at a word.
      const cut = fitSingle(context, {
        frame: (passage) => join(passage, linkLine),
        tags,
        sentences: [hook],
        passageRequired: true,
        truncate: true,
      })
      if (cut) return cut
    } else if (analysis.passage !== '') {
      const hooked = fitSingle(context, {
        frame: (passage) => join(passage, linkLine),
        tags,
        maxSentences: 1,
        passageRequired: true,
        truncate: true,
      })
      if (hooked) return hooked
    }
  }
  return null
}

interface FitOptions {
  /** Builds the post around a passage (the passage may be ''). */
  frame: (passage: string) => string
  /** Hashtags to append, most important first; dropped from the end while they don't fit. */
  tags: string[]
  /** Defaults to the analysed passage's sentences. */
  sentences?: readonly string[]
  maxSentences?: number
  passageRequired: boolean
  /** If not even one sentence fits, cut the first one at a word (or grapheme) and add "…". */
  truncate: boolean
}

/** The longest post the options allow that fits the platform, or null. */
function fitSingle(context: Context, options: FitOptions): string | null {
  const { platform, settings, wording, analysis } = context
  const sentences = options.sentences ?? analysis.sentences
  const source = options.sentences ? options.sentences.join('') : analysis.passage
  // A cost model of the passage prices any prefix in O(1); only the winner is measured for real.
  const model = options.sentences ? null : passageModel(context)
  const around = options.frame(FRAME_MARK).replace(FRAME_MARK, '')
  for (let count = options.tags.length; count >= 0; count--) {
    const suffix = count > 0 ? `\n\n${options.tags.slice(0, count).join(' ')}` : ''
    const accepts = (passage: string) => fits(platform, options.frame(passage) + suffix, settings)
    const estimate = model?.fitsWith(around + suffix) ?? null
    const passage = longestPassage(source, sentences, accepts, estimate, options, wording.ellipsis)
    if (passage !== null) return options.frame(passage) + suffix
  }
  return null
}

/** Stands in for the passage to find what a frame adds around it. */
const FRAME_MARK = '\uE000'

function passageModel(context: Context): CostModel | null {
  const { analysis, platform, settings } = context
  // Counting UTF-16 units is as cheap as the model itself.
  if (profileOf(platform).counting === 'utf16') return null
  const key = `${platform}\u0000${JSON.stringify(settings ?? null)}`
  if (!analysis.models.has(key)) analysis.models.set(key, buildCostModel(platform, analysis.passage, settings))
  return analysis.models.get(key) ?? null
}

/**
 * The most leading sentences (as they stand in the passage) that `accepts` takes; else the
 * first sentence cut short with "…" if `truncate`; else '' if the passage may be left out.
 * `estimate`, if given, prices prefixes of the analysed passage ([0, end)) without measuring.
 */
function longestPassage(
  text: string,
  sentences: readonly string[],
  accepts: (passage: string) => boolean,
  estimate: ((start: number, end: number) => boolean) | null,
  options: FitOptions,
  ellipsis: string,
): string | null {
  // Sentences partition `text`: a prefix of n sentences is text.slice(0, ends[n - 1]),
  // without its trailing whitespace. Offsets, not strings, until a candidate is measured.
  const count = Math.min(sentences.length, options.maxSentences ?? sentences.length)
  const ends: number[] = []
  let offset = 0
  for (let i = 0; i < count; i++) {
    offset += sentences[i]!.length
    let end = offset
    while (end > 0 && /\s/u.test(text[end - 1]!)) end--
    if (end > (ends[ends.length - 1] ?? 0)) ends.push(end)
  }
  const prefix = (i: number) => text.slice(0, ends[i])
  const plausible = (i: number) => estimate === null || estimate(0, ends[i]!)
  // Longest first is one measure when the whole passage fits (the common case on roomy
  // platforms); otherwise walk up from the shortest while the estimate allows.
  const last = ends.length - 1
  if (last >= 0 && plausible(last) && accepts(prefix(last))) return prefix(last)
  let furthest = -1
  while (furthest + 1 < ends.length && plausible(furthest + 1)) furthest++
  if (estimate === null) {
    for (let i = 0; i <= furthest; i++) if (!accepts(prefix(i))) return pick(i - 1)
    return pick(furthest)
  }
  for (let i = furthest; i >= 0; i--) if (accepts(prefix(i))) return prefix(i)
  return pick(-1)

  function pick(index: number): string | null {
    if (index >= 0) return prefix(index)
    if (options.truncate && ends.length > 0) {
      const cut = truncateToFit(prefix(0).trim(), accepts, ellipsis)
      if (cut !== null) return cut
    }
    if (!options.passageRequired && accepts('')) return ''
    return null
  }
}

/** The longest start of `text` (whole words, else graphemes) that, with "…", is accepted. */
function truncateToFit(text: string, accepts: (passage: string) => boolean, ellipsis: string): string | null {
  const withEllipsis = (pieces: string[]) => {
    const kept = pieces.join('').trimEnd().replace(/[\s,;:–—-]+$/u, '')
    return kept === '' ? null : kept + ellipsis
  }
  const words = text.split(/(?<=\s)(?=\S)/u)
  const byWords = longestAccepted(words.length, (n) => withEllipsis(words.slice(0, n)), accepts)
  if (byWords !== null) return byWords
  const chars = graphemes(text)
  return longestAccepted(chars.length, (n) => withEllipsis(chars.slice(0, n)), accepts)
}

/** Binary search for the largest n in 1..max whose build(n) is accepted; every returned value was tested. */
function longestAccepted(max: number, build: (n: number) => string | null, accepts: (s: string) => boolean): string | null {
  let low = 1
  let high = max
  let best: string | null = null
  while (low <= high) {
    const mid = (low + high) >> 1
    const candidate = build(mid)
    if (candidate !== null && accepts(candidate)) {
      best = candidate
      low = mid + 1
    } else high = mid - 1
  }
  return best
}

function usableUrl(url: string | undefined): string | null {
  if (url === undefined) return null
  const trimmed = url.trim()
  if (trimmed === '' || /\s/u.test(trimmed)) return null
  try {
    const parsed = new URL(trimmed)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? trimmed : null
  } catch {
    return null
  }
}

/** FNV-1a: a small stable hash, so the same passage always gets the same question. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
