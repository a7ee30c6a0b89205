import type { Language } from '../domain/draft'
import { buildCostModel, type CostModel } from '../platforms/cost-model'
import { graphemes } from '../platforms/counting'
import { PLATFORM_IDS, type PlatformId } from '../platforms/ids'
import { fits } from '../platforms/measure'
import { PLATFORMS, profileOf } from '../platforms/profiles'
import { effectiveLimit, type PlatformSettingsInput, type ThreadNumbering } from '../platforms/settings'
import { cleanPassage } from './clean'
import { libraryTermCandidates, rankHashtags, type HashtagTerm, type LibraryTermStats } from './hashtags'
import { tagKey } from './tag-key'
import { breakBeforeHeadings, dropDanglingEnd, dropImageCredits, isHeading, leansOnBefore, normalizeMarkup, pickHook } from './passage'
import { splitSentences } from './sentences'
import { detectLanguage } from './stopwords'
import { numberingSuffix, splitParagraphs, splitThread, stripNumbering } from './split-thread'
import { shapeOf } from './shapes'
import { questionsFor, WORDING, type Wording } from './wording'

export const VARIANT_STYLES = ['quote', 'question', 'teaser'] as const
export type VariantStyle = (typeof VARIANT_STYLES)[number]

export interface ComposeInput {
  /** The selected passage, as plain text (paragraphs separated by blank lines). */
  excerpt: string
  title: string
  tags: string[]
  /** The draft's language; the passage's own wins when it is clearly another. */
  language: Language
  /** The published post; used only if it is an http(s) URL. */
  blogUrl?: string
  settings?: PlatformSettingsInput
  /** The author's own questions (Settings → Posts): used in turn instead of the built-in ones. */
  ownQuestions?: readonly string[]
  /** The author's own calls to action: used in turn as the teaser's closing line. */
  ownCallsToAction?: readonly string[]
  /** Which of the author's lines comes next; the caller counts it up once per post made. */
  rotation?: number
  /** Term counts across the library, so hashtags are what sets this draft apart. */
  libraryTermStats?: LibraryTermStats
}

/** One suggestion: a single post, or on platforms with threads possibly several parts. */
export interface Variant {
  style: VariantStyle
  parts: string[]
}

/**
 * Posts for `platform` from a passage, in three styles:
 * - quote: the author's own sentences (a thread opened by a hook part where the platform has
 *   threads, otherwise trimmed at a sentence boundary);
 * - question: a shorter passage and a question that invites replies (none added when the
 *   passage already ends with one);
 * - teaser: the passage's strongest short sentence and the link to the article ("Link in Bio"
 *   where links don't work).
 * Shaped per platform (see shapes.ts). Deterministic, offline, and every part fits the
 * platform as `measure` sees it. Styles that cannot be made from the input are left out.
 */
export function composeVariants(input: ComposeInput, platform: PlatformId): Variant[] {
  return composeForPlatform(analyse(input), input, platform)
}

/**
 * composeVariants for several platforms at once, as the posts panel shows them: the passage is
 * analysed once (cleaning, sentences, hashtags, hook) and each platform's shaper reads that.
 * The same variants as composeVariants gives for each platform, in the order asked for.
 */
export function composeAllVariants(input: ComposeInput, platforms: readonly PlatformId[]): Map<PlatformId, Variant[]> {
  const analysis = analyse(input)
  const out = new Map<PlatformId, Variant[]>()
  for (const platform of platforms) out.set(platform, composeForPlatform(analysis, input, platform))
  return out
}

function composeForPlatform(analysis: Analysis, input: ComposeInput, platform: PlatformId): Variant[] {
  // Every field set here, none added later: one object shape for the JIT.
  const context: Context = {
    platform,
    settings: input.settings,
    wording: WORDING[analysis.language],
    analysis,
    input,
    tags: hashtagsFor(analysis, platform),
    shaped: null,
  }
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
  /** Trimmed, markup normalised, manual thread breaks made paragraph breaks. */
  passage: string
  /** The passage with the author's manual thread breaks ("---" lines) and one before each heading. */
  threadSource: string
  /** True if the author broke the thread by hand. */
  manualBreaks: boolean
  title: string
  language: Language
  /** Sentences of the passage; they partition it, whitespace included. */
  sentences: readonly string[]
  /** The strongest short sentence and where it stands in `sentences` (-1: none). */
  hook: string | null
  hookIndex: number
  /** The hook and the sentence after it when that one leans on it: what moves when the hook moves. */
  movedHook: string | null
  /** How many sentences movedHook spans (1 or 2). */
  movedSpan: number
  /** The passage's key term, for questions ("das Thema Social Media"). */
  topic: string | null
  hashtags: HashtagTerm[]
  seed: number
  /** The built-in questions for this passage's topic (see askFor). */
  questions: readonly string[]
  /** The author's own question and call to action whose turn it is (Settings → Posts), if any. */
  ownQuestion: string | null
  callToAction: string | null
  /** Which of the author's lines comes next (ComposeInput.rotation, made a whole number). */
  rotation: number
  /** Where the sentences up to the hook end, trailing whitespace left out (shapeSentences). */
  hookEnd: number
  /** The thread source once its hook has moved out (see withoutHook); made on first use. */
  unhooked: { lead: string; body: string } | false | null
  /** Cost models of the passage, per platform (see passageModel). */
  models: Map<PlatformId, CostModel | null>
}

interface Context {
  platform: PlatformId
  settings: PlatformSettingsInput | undefined
  wording: Wording
  analysis: Analysis
  input: ComposeInput
  tags: string[]
  /** shapedSentences and their text, once per platform (null: not yet shaped). */
  shaped: { sentences: readonly string[] | undefined; text: string } | null
}

const MANUAL_BREAK_LINE = /^[ \t]*-{3,}[ \t]*$/gmu
const MOST_OWN_NAMES = Math.max(...PLATFORM_IDS.map((id) => PLATFORMS[id].hashtags.ownNames.length))
const MOST_HASHTAGS = Math.max(...PLATFORM_IDS.map((id) => PLATFORMS[id].hashtags.suggested)) + MOST_OWN_NAMES
const PLATFORM_NAMES = [...new Set(PLATFORM_IDS.flatMap((id) => [PLATFORMS[id].name, ...PLATFORMS[id].hashtags.ownNames]))]
/** A sentence this short before the hook ("Einspruch!") moves to the front with it. */
const SHORT_LEAD = 25
/** The question style keeps the passage short: a few sentences, then the reader's turn. */
const QUESTION_PASSAGE_MAX = 600
/** A question mark at the end, perhaps inside closing quotes. */
const ENDS_WITH_QUESTION = /\?["'“”»«)\]]*$/u

/**
 * The passage's candidate hashtag terms, cleaned as composing cleans them: what to look up in the
 * library (LibraryTermStats) before calling composeVariants with the answers.
 */
export function libraryTermsFor(input: Pick<ComposeInput, 'excerpt' | 'title' | 'language'>, max?: number): string[] {
  const passage = dropDanglingEnd(normalizeMarkup(dropImageCredits(cleanPassage(input.excerpt))).trim()).replace(MANUAL_BREAK_LINE, '').trim()
  MANUAL_BREAK_LINE.lastIndex = 0
  const title = cleanPassage(input.title).replace(/\s+/gu, ' ').trim()
  const language = detectLanguage(passage === '' ? title : passage, input.language)
  return libraryTermCandidates(passage, title, language, max)
}

function analyse(input: ComposeInput): Analysis {
  const cleaned = dropDanglingEnd(normalizeMarkup(dropImageCredits(cleanPassage(input.excerpt))).trim())
  // A single post has no use for "---": the break becomes a blank line.
  const plain = cleaned.replace(MANUAL_BREAK_LINE, '').replace(/\n{3,}/gu, '\n\n').trim()
  const plainTitle = cleanPassage(input.title).replace(/\s+/gu, ' ').trim()
  const language = detectLanguage(plain === '' ? plainTitle : plain, input.language)
  // German posts quote „so“: a blog's straight quotes would be the first thing proofing marks.
  const typeset = language === 'de' ? germanQuotes : (text: string) => text
  const withBreaks = typeset(cleaned)
  const passage = typeset(plain)
  const title = typeset(plainTitle)
  // Paragraph by paragraph, as the thread splitter asks for them: it then finds them all in
  // splitSentences' memory instead of segmenting the passage a second time.
  // Not frozen (the type says readonly): the shaped copies are plain arrays, and code that
  // reads both should see one kind of array.
  const sentences: readonly string[] = splitParagraphs(passage).flatMap((paragraph) => splitSentences(paragraph, language))
  const hashtags = rankHashtags(passage, {
    tags: input.tags,
    title,
    language,
    languageDetected: true,
    max: MOST_HASHTAGS,
    // A passage naming platforms ("Facebook, YouTube, Xing") is not about them: no #YouTube.
    // The draft's own tags may still name one.
    exclude: PLATFORM_NAMES,
    libraryTermStats: input.libraryTermStats,
  })
  const fromPassage = hashtags.find((term) => !term.fromTags) ?? hashtags[0]
  const topic = fromPassage ? fromPassage.phrase.trim() : null
  const hook = pickHook(sentences, language, hashtags.slice(0, 3).flatMap((term) => term.phrase.toLowerCase()))
  const hookIndex = hook === null ? -1 : sentences.findIndex((s) => s.trim() === hook)
  const follower = hookIndex < 0 || /\n/u.test(sentences[hookIndex]!) ? undefined : sentences[hookIndex + 1]
  // Not one that leads into the lines below it ("Es soll unter anderem...\n• …"): the list would lose its lead.
  const takesFollower = follower !== undefined && leansOnBefore(follower, language) && !/\n/u.test(follower.replace(/\n[ \t]*\n\s*$/u, ''))
  const rotation = Math.max(0, Math.floor(input.rotation ?? 0))
  const topicOrNull = topic === '' ? null : topic
  const value: Analysis = {
    passage,
    threadSource: breakBeforeHeadings(withBreaks),
    manualBreaks: MANUAL_BREAK_LINE.test(withBreaks),
    title,
    language,
    sentences,
    hook,
    hookIndex,
    movedHook: hook === null ? null : takesFollower ? `${hook} ${follower!.trim()}` : hook,
    movedSpan: takesFollower ? 2 : 1,
    topic: topicOrNull,
    hashtags,
    seed: fnv1a(title, fnv1a(passage)),
    questions: questionsFor(WORDING[language], topicOrNull),
    ownQuestion: inTurn(input.ownQuestions, rotation),
    callToAction: inTurn(input.ownCallsToAction, rotation),
    rotation,
    hookEnd: hookIndex < 0 ? -1 : sentences.slice(0, hookIndex + 1).join('').trimEnd().length,
    unhooked: null,
    models: new Map(),
  }
  MANUAL_BREAK_LINE.lastIndex = 0
  return value
}

/** Straight double quotes as German ones: „ where a quotation opens (at a start, after a space or bracket), “ where it closes. */
function germanQuotes(text: string): string {
  if (!text.includes('"')) return text
  return text.replace(/"/gu, (_mark, at: number) => (at === 0 || /[\s([{\u2013\u2014/]/u.test(text[at - 1]!) ? '„' : '“'))
}

/** The platform's share of the ranked hashtags: its habit, its cap, never its own name. */
function hashtagsFor(analysis: Analysis, platform: PlatformId): string[] {
  const habit = profileOf(platform).hashtags
  const count = Math.min(habit.suggested, habit.cap ?? Number.POSITIVE_INFINITY)
  const tags: string[] = []
  for (const { tag } of analysis.hashtags) {
    if (tags.length >= count) break
    const key = tagKey(tag, analysis.language)
    if (!habit.ownNames.some((own) => tagKey(`#${own}`, analysis.language) === key)) tags.push(tag)
  }
  return tags
}

function quote(context: Context): string[] | null {
  const { platform, analysis } = context
  if (analysis.passage === '') return null
  if (profileOf(platform).threads) return thread(context)
  const sentences = shapedSentences(context)
  const post = fitSingle(context, { frame: (passage) => passage, tags: context.tags, sentences, text: context.shaped!.text, passageRequired: true, truncate: true })
  return post === null ? null : [post]
}

/**
 * A thread: one post if the passage fits (and the author set no breaks); otherwise a hook
 * part first, a new part at each heading, the hashtags after the last part's number.
 */
function thread(context: Context): string[] {
  const { platform, settings, analysis } = context
  const language = analysis.language
  const numbering: ThreadNumbering = settings?.threadNumbering ?? '1/4'
  // No platform counts fewer than one unit per three UTF-16 units of prose: longer passages
  // need a thread, and measuring them whole (twitter-text on X) is not worth it.
  if (!analysis.manualBreaks && analysis.passage.length <= effectiveLimit(platform, settings) * 3) {
    const whole = fitSingle(context, { frame: (passage) => passage, tags: context.tags, sentences: [analysis.passage], passageRequired: true, truncate: false, wholeOnly: true })
    if (whole !== null) return [whole]
  }
  const opener = threadOpener(context, numbering)
  // A hook from further down opens a part of its own (and is not said twice); a title alone
  // leads into the first sentences.
  const source =
    opener === null
      ? analysis.threadSource
      : opener.text === analysis.title
        ? `${opener.text}\n\n${analysis.threadSource}`
        : `${opener.text}\n---\n${opener.body}`
  const tagLine = context.tags.join(' ')
  if (tagLine !== '') {
    const parts = splitThread(platform, `${source}\n\n${tagLine}`, { settings, language })
    const moved = tagsAfterNumber(parts, numbering)
    if (moved) return moved
    // The tags took a part of their own: the parts before it are what the passage alone
    // packs into (the packer fills parts in order), renumbered; no second split needed.
    const last = parts[parts.length - 1]!
    const tagsOnly = /^(?:#\S+\s*)+$/u.test(parts.length > 1 ? stripNumbering(last, numbering) : last)
    const before = parts.slice(0, -1)
    if (tagsOnly && before.length > 1 && !before.some((part) => part.includes('#'))) {
      const bodies = numbering === 'none' ? before : before.map((part) => stripNumbering(part, numbering))
      return appendTags(context, bodies.map((part, i) => part + numberingSuffix(numbering, i + 1, bodies.length)))
    }
  }
  const parts = splitThread(platform, source, { settings, language })
  return appendTags(context, parts)
}

/**
 * What opens a thread: the title with the hook sentence, else either alone. Nothing when the
 * passage itself opens with its hook and there is no title: then it already starts strong.
 */
function threadOpener(context: Context, numbering: ThreadNumbering): { text: string; body: string } | null {
  const { analysis, platform, settings } = context
  const { title, movedHook: hook, hookIndex, threadSource } = analysis
  const candidates: { text: string; body: string }[] = []
  if (hook !== null && hookIndex !== 0) {
    analysis.unhooked ??= withoutHook(threadSource, hook)
    if (analysis.unhooked !== false) {
      const { lead, body } = analysis.unhooked
      const led = lead === '' ? hook : `${lead} ${hook}`
      if (title !== '') candidates.push({ text: `${title}\n\n${led}`, body })
      candidates.push({ text: led, body })
    }
  }
  if (title !== '') candidates.push({ text: title, body: threadSource })
  const widest = numberingSuffix(numbering, 99, 99)
  return candidates.find((candidate) => fits(platform, candidate.text + widest, settings)) ?? null
}

/**
 * The thread's text once its hook has opened it: the hook sentence leaves its place. A short
 * sentence that opened the hook's paragraph and would be left alone ("Einspruch!") goes to the
 * front with it; a paragraph left empty goes altogether.
 */
function withoutHook(source: string, hook: string): { lead: string; body: string } | false {
  const at = source.indexOf(hook)
  if (at < 0) return { lead: '', body: source }
  const start = source.lastIndexOf('\n', at - 1) + 1
  const newline = source.indexOf('\n', at + hook.length)
  const end = newline < 0 ? source.length : newline
  const before = source.slice(start, at).trim()
  const after = source.slice(at + hook.length, end).trim()
  const lead = after === '' && before !== '' && before.length < SHORT_LEAD && !before.includes('\n') ? before : ''
  const rest = [lead === '' ? before : '', after].filter((text) => text !== '').join(' ')
  const body = `${source.slice(0, start)}${rest}${source.slice(end)}`.replace(/\n{3,}/gu, '\n\n').trim()
  // A heading whose only paragraph was the hook would be left standing alone: false, the hook stays.
  if (rest === '' && loneHeadings(body) > loneHeadings(source)) return false
  return { lead, body }
}

/** How many stretches between thread breaks are a heading and nothing else. */
function loneHeadings(source: string): number {
  let count = 0
  let from = 0
  const lone = (chunk: string) => {
    const text = chunk.trim()
    if (text !== '' && !text.includes('\n') && isHeading(text)) count++
  }
  // matchAll, not split: splitting by a regex tries it at every position.
  for (const match of source.matchAll(MANUAL_BREAK_LINE)) {
    lone(source.slice(from, match.index))
    from = match.index + match[0].length
  }
  lone(source.slice(from))
  return count
}

/** "… 6/6\n\n#A #B" from "…\n\n#A #B 6/6": the number ends the text, never a hashtag. Null if the tags stand alone. */
function tagsAfterNumber(parts: string[], numbering: ThreadNumbering): string[] | null {
  if (parts.length === 0) return null
  const lastIndex = parts.length - 1
  const last = parts[lastIndex]!
  const stripped = parts.length > 1 ? stripNumbering(last, numbering) : last
  const match = /\n\n((?:#\S+ ?)+)$/u.exec(stripped)
  if (!match || match.index === 0) return null
  const body = stripped.slice(0, match.index)
  // A tag line torn across parts would leave tags elsewhere: only the last part may have them.
  // The cheap test first: most parts have no tag line to strip the numbering for.
  if (parts.slice(0, lastIndex).some((part) => /\n\n#/u.test(part) && /(?:^|\s)#[\p{L}\p{N}_]+(?:\s+\S+)?$/u.test(stripNumbering(part, numbering)))) return null
  const number = last.slice(stripped.length)
  return [...parts.slice(0, lastIndex), `${body}${number}\n\n${match[1]!.trim()}`]
}

/** The tags after the last part, as many as fit; none rather than a part of their own. */
function appendTags(context: Context, parts: string[]): string[] {
  const { platform, settings } = context
  if (parts.length === 0) return parts
  const last = parts[parts.length - 1]!
  for (let count = context.tags.length; count > 0; count--) {
    const candidate = `${last}\n\n${context.tags.slice(0, count).join(' ')}`
    if (fits(platform, candidate, settings)) return [...parts.slice(0, -1), candidate]
  }
  return parts
}

/**
 * The passage's sentences as this platform shows them best: on platforms that fold long text
 * (LinkedIn, Facebook, Instagram…) the hook comes first unless the passage already opens with
 * a short sentence or reaches its hook before the fold; LinkedIn and Instagram get short
 * paragraphs. Null: the passage as it stands (and its cost model can be used).
 */
function shapedSentences(context: Context): readonly string[] | undefined {
  if (context.shaped === null) {
    const sentences = shapeSentences(context)
    context.shaped = { sentences, text: sentences ? sentences.join('') : context.analysis.passage }
  }
  return context.shaped.sentences
}

function shapeSentences(context: Context): readonly string[] | undefined {
  const { analysis } = context
  const shape = shapeOf(context.platform)
  if (!shape.hookBefore && !shape.airy) return undefined
  let sentences = [...analysis.sentences]
  if (shape.hookBefore !== undefined && analysis.hook !== null && analysis.hookIndex > 0) {
    const first = sentences[0]!.trim()
    const hookEnd = analysis.hookEnd
    const opensShort = first.length <= shape.shortOpening && !first.includes('\n') && !ENDS_WITH_QUESTION.test(first)
    if (!opensShort && hookEnd > shape.hookBefore) {
      // Move the hook to the front; the whitespace after it goes to the sentence before, so
      // a paragraph break it closed stays a paragraph break.
      let i = analysis.hookIndex
      let hook = analysis.movedHook!
      const span = analysis.movedSpan
      // "Einspruch! <hook>": a short sentence opening the hook's paragraph goes along with it
      // rather than be left behind on its own.
      const lead = sentences[i - 1]!
      const leadStartsParagraph = i === 1 || /\n\s*$/u.test(sentences[i - 2]!)
      if (i > 1 && leadStartsParagraph && !/\n/u.test(lead) && lead.trim().length < SHORT_LEAD) {
        hook = `${lead.trim()} ${hook}`
        sentences.splice(i - 1, 1)
        i -= 1
      }
      const trailing = /\s*$/u.exec(sentences[i + span - 1]!)![0]
      sentences[i - 1] = sentences[i - 1]!.trimEnd() + (trailing.includes('\n') ? trailing : /\s*$/u.exec(sentences[i - 1]!)![0])
      sentences.splice(i, span)
      sentences = [`${hook}\n\n`, ...sentences]
    }
  }
  if (shape.airy) sentences = airy(sentences, shape.airy)
  return sentences
}

/** Paragraphs no longer than about `paragraphLength` characters: a line break at a sentence end. */
function airy(sentences: string[], paragraphLength: number): string[] {
  let run = 0
  return sentences.map((sentence) => {
    run += sentence.length
    if (/\n/u.test(sentence)) {
      run = 0
      return sentence
    }
    if (run > paragraphLength && /\s$/u.test(sentence)) {
      run = 0
      return `${sentence.trimEnd()}\n\n`
    }
    return sentence
  })
}

/** The built-in or the author's question for this passage; author's lines in turn. */
function askFor(context: Context): string {
  const { analysis, platform } = context
  if (analysis.ownQuestion !== null) return analysis.ownQuestion
  const questions = analysis.questions
  return questions[(analysis.seed + analysis.rotation + PLATFORM_IDS.indexOf(platform)) % questions.length]!
}

/** The author's line whose turn it is, blank ones left out; null if there is none. */
function inTurn(lines: readonly string[] | undefined, rotation: number): string | null {
  const own = (lines ?? []).map((line) => line.trim()).filter((line) => line !== '')
  return own.length > 0 ? own[rotation % own.length]! : null
}

function question(context: Context): string | null {
  const { analysis, platform } = context
  if (analysis.passage === '') return null
  const ask = askFor(context)
  const frame = (passage: string) => (ENDS_WITH_QUESTION.test(passage) ? passage : `${passage}\n\n${ask}`)
  if (shapeOf(platform).short && analysis.hook !== null) {
    // The shortest strong post: the hook, then the reader's turn.
    const post = fitSingle(context, { frame, tags: context.tags, sentences: [analysis.hook], passageRequired: true, truncate: true })
    if (post !== null) return post
  }
  const shaped = shapedSentences(context)
  const sentences = shaped ?? analysis.sentences
  let length = 0
  let count = 0
  while (count < sentences.length && (count === 0 || length + sentences[count]!.length <= QUESTION_PASSAGE_MAX)) length += sentences[count++]!.length
  // A few sentences are measured directly: cheaper than a cost model of the whole passage.
  return fitSingle(context, {
    frame,
    tags: context.tags,
    sentences: sentences.slice(0, count),
    after: sentences[count],
    text: (shaped ? context.shaped!.text : analysis.passage).slice(0, length),
    passageRequired: true,
    truncate: true,
  })
}

function teaser(context: Context, blogUrl: string | null): string | null {
  const { analysis } = context
  const title = analysis.title
  // With no passage the title is the hook, and the link line need not repeat it.
  const hook = analysis.hook !== null ? analysis.hook : analysis.passage !== '' ? analysis.sentences[0]!.trim() : title !== '' ? title : null
  if (hook === null) return null
  const hookSentences = [hook]
  const cta = analysis.callToAction
  // The closing lines to try, longest first: call to action and link line with the title, then
  // shorter ones. Shorter closing lines before a cut hook: the hook is the point of the post.
  const closings: string[] = []
  const titleInLink = analysis.passage !== '' && title !== ''
  for (const withTitle of titleInLink ? WITH_AND_WITHOUT_TITLE : WITHOUT_TITLE) {
    const link = linkLine(context, blogUrl, withTitle ? title : '')
    if (cta !== null) closings.push(joinLines(cta, link))
    closings.push(link ?? '')
  }
  for (let i = 0; i <= closings.length; i++) {
    // The last attempt: the shortest closing with the hook cut short.
    const truncate = i === closings.length
    const closing = closings[truncate ? i - 1 : i]!
    const post = fitSingle(context, {
      frame: (passage) => joinLines(passage, closing),
      tags: context.tags,
      sentences: hookSentences,
      passageRequired: true,
      truncate,
    })
    if (post !== null) return post
  }
  return null
}

const WITH_AND_WITHOUT_TITLE = [true, false] as const
const WITHOUT_TITLE = [false] as const

/** The line that leads to the article: its link, "Link in Bio" where links don't work, or null. */
function linkLine(context: Context, blogUrl: string | null, title: string): string | null {
  const { wording } = context
  if (!profileOf(context.platform).linksClickable) return wording.moreLinkInBio(title)
  return blogUrl ? wording.moreWithLink(title, blogUrl) : wording.moreWithoutLink(title)
}

/** Two blocks with a blank line between them; an empty or missing one is left out. */
function joinLines(first: string, second: string | null): string {
  if (second === null || second === '') return first
  return first === '' ? second : `${first}\n\n${second}`
}

interface FitOptions {
  /** Builds the post around a passage (the passage may be ''). */
  frame: (passage: string) => string
  /** Hashtags to append, most important first; dropped from the end while they don't fit. */
  tags: string[]
  /** Defaults to the analysed passage's sentences. */
  sentences?: readonly string[]
  /** `sentences` joined, where the caller has it at hand (saves joining them again). */
  text?: string
  maxSentences?: number
  /** The sentence after the last of `sentences` in the passage, if any: whether the last may end a post. */
  after?: string
  passageRequired: boolean
  /** If not even one sentence fits, cut the first one at a word (or grapheme) and add "…". */
  truncate: boolean
  /** All sentences or nothing (a thread that fits in one post). */
  wholeOnly?: boolean
}

/** The longest post the options allow that fits the platform, or null. */
function fitSingle(context: Context, options: FitOptions): string | null {
  const { platform, settings, wording, analysis } = context
  const sentences = options.sentences ?? analysis.sentences
  const source = options.sentences ? (options.text ?? options.sentences.join('')) : analysis.passage
  // A cost model of the passage prices any prefix in O(1); only the winner is measured for real.
  const model = options.sentences ? null : passageModel(context)
  const around = options.frame(FRAME_MARK).replace(FRAME_MARK, '')
  for (let count = options.tags.length; count >= 0; count--) {
    const suffix = count > 0 ? `\n\n${options.tags.slice(0, count).join(' ')}` : ''
    const accepts = (passage: string) => fits(platform, options.frame(passage) + suffix, settings)
    if (options.wholeOnly) {
      const whole = source.trim()
      if (accepts(whole)) return options.frame(whole) + suffix
      continue
    }
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
  // One analysis serves one input, so one settings object: the platform is the key.
  let model = analysis.models.get(platform)
  if (model === undefined) {
    model = buildCostModel(platform, analysis.passage, settings)
    analysis.models.set(platform, model)
  }
  return model
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
  const wellEnded = endingsOf(sentences, options.after)
  let ends: number[] = []
  // Where a post may end; if none may (rare), any sentence end will do.
  const goodEnds: number[] = []
  let offset = 0
  for (let i = 0; i < count; i++) {
    const sentence = sentences[i]!
    offset += sentence.length
    // From the sentence, not the text: indexing a joined (cons) string is slow in V8. A
    // sentence of whitespace alone adds no new end.
    const end = offset - (sentence.length - sentence.trimEnd().length)
    if (end > (ends[ends.length - 1] ?? 0)) {
      ends.push(end)
      if (wellEnded[i]) goodEnds.push(end)
    }
  }
  if (goodEnds.length > 0) ends = goodEnds
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

/**
 * endsWell for each sentence, remembered per sentence list: fitSingle asks again for every
 * number of hashtags it tries, and the lists live as long as one composition.
 */
const endings = new WeakMap<readonly string[], boolean[]>()
function endingsOf(sentences: readonly string[], after: string | undefined): boolean[] {
  let flags = endings.get(sentences)
  if (flags === undefined) {
    flags = sentences.map((sentence, i) => endsWell(sentence, nextSentence(sentences, i + 1, after)))
    endings.set(sentences, flags)
  }
  return flags
}

/** The first sentence from `index` on with any text in it, else `after`. */
function nextSentence(sentences: readonly string[], index: number, after: string | undefined): string | undefined {
  for (let i = index; i < sentences.length; i++) if (sentences[i]!.trim() !== '') return sentences[i]
  return after
}

const LIST_ITEM = /^(?:[•*+\-–—]|\d{1,2}[.)])\s/u

/**
 * Whether a post may end after `sentence` when `next` follows it in the passage: not on a
 * heading or a line that leads into what follows ("Oder in buddhistischen Worten:"), not
 * inside a list or between a list and the line that introduces it, not on a question the
 * paragraph goes on to answer ("Wie sich andere Leute fühlen? Keine Ahnung, …").
 */
function endsWell(sentence: string, next: string | undefined): boolean {
  if (next === undefined) return true
  const line = sentence.trim()
  if (line.endsWith(':')) return false
  const lineBreak = /\n\s*$/u.test(sentence)
  if (!lineBreak) return !ENDS_WITH_QUESTION.test(line)
  if (LIST_ITEM.test(next.trimStart()) && (LIST_ITEM.test(line) || !/\n[ \t]*\n\s*$/u.test(sentence))) return false
  return !isHeading(line)
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

/**
 * FNV-1a: a small stable hash, so the same passage always gets the same question. Chained
 * (`seed`) rather than hashing a concatenation: charCodeAt on a concatenated (cons) string
 * is many times slower in V8.
 */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
