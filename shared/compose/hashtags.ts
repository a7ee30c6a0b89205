import twitterText from 'twitter-text'
import type { Language } from '../domain/draft'
import { countGraphemes, extractHashtags } from '../platforms/counting'
import { isStopword } from './stopwords'

export interface SuggestHashtagsOptions {
  /** The draft's own tags: they come first, in their order. */
  tags?: readonly string[]
  /** Words from the title weigh more than words from the body. */
  title?: string
  language?: Language
  /** At most this many suggestions (default 5). */
  max?: number
}

/** Bluesky's tag limit (64 graphemes) is the tightest of the platforms that link hashtags. */
const MAX_HASHTAG_GRAPHEMES = 64
const MIN_KEYWORD_LENGTH = 4
const DEFAULT_MAX = 5
const TITLE_WEIGHT = 3
/** A two-word phrase must recur to count as a phrase rather than chance. */
const MIN_PHRASE_COUNT = 2
const PHRASE_WEIGHT = 1.5

/**
 * A hashtag from one or more words: each word's first letter capitalised (CamelCase, easier to
 * read and for screen readers), the rest kept as written, so umlauts and ß stay intact
 * (#Gespräch, #Straße) and mixed-case words (iPhone) are left alone. Null if nothing valid remains.
 */
export function toHashtag(phrase: string, language: Language = 'de'): string | null {
  const words = phrase
    .split(/[^\p{L}\p{M}\p{N}_]+/u)
    .filter((w) => w !== '')
  if (words.length === 0) return null
  const body = words.length === 1 && /\p{Lu}/u.test(words[0]!.slice(1)) ? words[0]! : words.map((w) => capitalize(w, language)).join('')
  const tag = `#${body}`
  if (countGraphemes(body) > MAX_HASHTAG_GRAPHEMES) return null
  return twitterText.isValidHashtag(tag) ? tag : null
}

function capitalize(word: string, language: Language): string {
  const first = String.fromCodePoint(word.codePointAt(0)!)
  if (/\p{Lu}/u.test(word.slice(first.length))) return word
  const upper = first.toLocaleUpperCase(language)
  // "ß" upper-cases to "SS": keep the letter rather than change the word.
  return (upper.length === first.length ? upper : first) + word.slice(first.length)
}

interface Candidate {
  readonly tag: string | null
  score: number
  firstSeen: number
  /** Lowercased words the candidate is made of, to drop single words a chosen phrase contains. */
  words: string[]
}

/**
 * Hashtags for a text: the draft's tags first, then keywords from its own words (stopwords
 * removed; German nouns preferred), recurring two-word phrases as CamelCase. Deterministic;
 * deduplicated case-insensitively, also against hashtags already in the text.
 */
export function suggestHashtags(text: string, options: SuggestHashtagsOptions = {}): string[] {
  const max = options.max ?? DEFAULT_MAX
  if (max <= 0) return []
  const language = options.language ?? 'en'
  const taken = new Set(extractHashtags(`${options.title ?? ''}\n${text}`).map((h) => foldCase(`#${h}`)))
  const out: string[] = []
  const push = (tag: string | null) => {
    if (tag === null || out.length >= max) return
    const key = foldCase(tag)
    if (taken.has(key)) return
    taken.add(key)
    out.push(tag)
  }

  const chosenWords = new Set<string>()
  for (const tag of options.tags ?? []) {
    push(toHashtag(tag, language))
    for (const word of tag.toLowerCase().split(/[^\p{L}\p{M}\p{N}_]+/u)) if (word !== '') chosenWords.add(word)
  }
  if (out.length >= max) return out

  for (const candidate of rankKeywords(text, options.title ?? '', language)) {
    if (out.length >= max) break
    // A word already inside a chosen tag or phrase adds nothing: no #Social or #MediaManager
    // after #SocialMedia.
    if (candidate.words.some((w) => chosenWords.has(w))) continue
    const before = out.length
    push(candidate.tag)
    if (out.length > before) for (const w of candidate.words) chosenWords.add(w)
  }
  return out
}

/** Case-insensitive key: upper-casing first folds ß into SS, so #Straße and #STRASSE are one tag. */
function foldCase(tag: string): string {
  return tag.toUpperCase().toLowerCase()
}

/**
 * Hashtags can only hold letters, marks, digits and "_", so a word for our purpose is a run of
 * exactly those. (A regex rather than Intl.Segmenter's word mode, which costs ~8 µs per word
 * in V8 and would blow the composer's time budget on its own.)
 */
const WORD = /[\p{L}\p{M}\p{N}_]+/gu
/** A sentence ended just before: end punctuation or a line break, then closing quotes, spaces, openers, bullets. */
const AFTER_SENTENCE_END = /[.!?…:\n]["'“”»«)\]]?[\s"'“”„»«(\[•*–—-]*$/u
const ONLY_OPENERS = /^[\s"'“”„»«(\[•*–—-]*$/u
const CONTEXT = 12

function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - CONTEXT), index)
  return AFTER_SENTENCE_END.test(before) || (index <= CONTEXT && ONLY_OPENERS.test(before))
}

function isKeyword(word: string, language: Language): boolean {
  if (word.length < MIN_KEYWORD_LENGTH) return false
  if (!/\p{L}/u.test(word) || /^\p{N}/u.test(word)) return false
  return !isStopword(word, language)
}

interface Entry {
  /** As first written; hashtags keep inner capitals (RatziFatzi) and capitalise the first letter. */
  form: string
  score: number
  occurrences: number
  firstSeen: number
  noun: boolean
  words: string[]
}

function rankKeywords(text: string, title: string, language: Language): Candidate[] {
  const byKey = new Map<string, Entry>()
  const add = (key: string, form: string, weight: number, at: number, noun: boolean, words: () => string[]) => {
    const entry = byKey.get(key)
    if (entry) {
      entry.score += weight
      entry.occurrences += 1
      entry.noun ||= noun
      return
    }
    byKey.set(key, { form, score: weight, occurrences: 1, firstSeen: at, noun, words: words() })
  }

  const sources = [
    { text: title, weight: TITLE_WEIGHT, offset: -title.length - 1 },
    { text, weight: 1, offset: 0 },
  ]
  for (const source of sources) {
    // One pass over the words; only keywords are looked at closely, and a phrase is two
    // keywords with nothing but a single space between them.
    let previous: { word: string; lower: string; index: number } | null = null
    for (const match of source.text.matchAll(WORD)) {
      const word = match[0]
      const index = match.index
      if (!isKeyword(word, language)) {
        previous = null
        continue
      }
      const lower = word.toLowerCase()
      const capitalized = /^\p{Lu}/u.test(word)
      const noun = capitalized && !startsSentence(source.text, index)
      add(lower, word, source.weight, source.offset + index, noun, () => [lower])
      const before = previous
      // German phrases are noun pairs ("Social Media"); adjectives before nouns make poor tags.
      if (
        before &&
        source.text.slice(before.index + before.word.length, index) === ' ' &&
        (language !== 'de' || (capitalized && /^\p{Lu}/u.test(before.word)))
      ) {
        add(`${before.lower} ${lower}`, `${before.word} ${word}`, source.weight * PHRASE_WEIGHT, source.offset + before.index, true, () => [
          before.lower,
          lower,
        ])
      }
      previous = { word, lower, index }
    }
  }

  const ranked = [...byKey.values()]
    .filter((entry) => entry.words.length === 1 || entry.occurrences >= MIN_PHRASE_COUNT)
    // German capitalises nouns: lowercase words are verbs and adjectives, poor hashtags.
    .filter((entry) => language !== 'de' || entry.noun)
    .sort((a, b) => b.score - a.score || a.firstSeen - b.firstSeen)
  return ranked.map((entry) => ({
    // Lazily: validating a hashtag is a regex run, and only the first few are ever used.
    get tag() {
      return toHashtag(entry.form, language)
    },
    score: entry.score,
    firstSeen: entry.firstSeen,
    words: entry.words,
  }))
}
