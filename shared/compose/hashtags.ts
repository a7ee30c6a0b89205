import twitterText from 'twitter-text'
import type { Language } from '../domain/draft'
import { countGraphemes, extractHashtags } from '../platforms/counting'
import { detectLanguage, isStopword } from './stopwords'

/**
 * How often terms occur across the author's library, so a draft's tags can be the words that
 * set it apart rather than the ones every post uses. Terms are lowercased single words or two
 * words joined by one space ("social media"). The caller backs this with its search index.
 */
export interface LibraryTermStats {
  /** How many drafts the library holds. */
  documentCount: number
  /** In how many of them `term` occurs (0 if never). */
  documentFrequency: (term: string) => number
}

export interface SuggestHashtagsOptions {
  /** The draft's own tags: the ones the passage uses come first, the others take turns with the passage's words. */
  tags?: readonly string[]
  /** Words from the title weigh more than words from the body. */
  title?: string
  /** The draft's language; the text's own language wins when it is clearly another. */
  language?: Language
  /** At most this many suggestions (default 5). */
  max?: number
  /** Rank by specificity to this draft against the library; without it, by salience within the draft. */
  libraryTermStats?: LibraryTermStats
  /** Words never to tag, compared case-insensitively (e.g. a platform's own name). */
  exclude?: readonly string[]
}

/** One ranked suggestion: the tag and the words it was made from ("Social Media"). */
export interface HashtagTerm {
  tag: string
  phrase: string
  /** True if it came from the draft's tags rather than the passage. */
  fromTags: boolean
}

/** Bluesky's tag limit (64 graphemes) is the tightest of the platforms that link hashtags. */
const MAX_HASHTAG_GRAPHEMES = 64
/** Longer tags are hard to read in a feed; compounds past this are left out. */
const MAX_SUGGESTED_TAG_LENGTH = 30
const MIN_KEYWORD_LENGTH = 4
const DEFAULT_MAX = 5
const TITLE_WEIGHT = 3
/** A two-word phrase must recur to count as a phrase rather than chance. */
const MIN_PHRASE_COUNT = 2
const PHRASE_WEIGHT = 1.5
/** Nouns and named things ("RatziFatzi", "SEO") make the tags people search for. */
const NOUN_WEIGHT = 1.5
const NAMED_WEIGHT = 1.3

/**
 * A hashtag from one or more words: each word's first letter capitalised (CamelCase, easier to
 * read and for screen readers), the rest kept as written, so umlauts and ß stay intact
 * (#Gespräch, #Straße) and mixed-case words (iPhone) are left alone. Null if nothing valid remains.
 */
export function toHashtag(phrase: string, language: Language = 'de'): string | null {
  const words = phrase.split(/[^\p{L}\p{M}\p{N}_]+/u).filter((w) => w !== '')
  if (words.length === 0) return null
  const body =
    words.length === 1 && /\p{Lu}/u.test(words[0]!.slice(1)) ? words[0]! : words.map((w) => capitalize(w, language)).join('')
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

/** Hashtags for a text, best first (see rankHashtags). */
export function suggestHashtags(text: string, options: SuggestHashtagsOptions = {}): string[] {
  return rankHashtags(text, options).map((term) => term.tag)
}

/**
 * Hashtags for a text: the draft's tags the text uses, then the text's own keywords taking
 * turns with the draft's other tags. Keywords are nouns and named things (German capitalises
 * nouns mid-sentence), recurring two-word phrases and hyphenated compounds, never stopwords of
 * either language, ranked by how specific they are to this draft. Deterministic; deduplicated
 * case-insensitively, also against hashtags already in the text.
 */
export function rankHashtags(text: string, options: SuggestHashtagsOptions = {}): HashtagTerm[] {
  const max = options.max ?? DEFAULT_MAX
  if (max <= 0) return []
  const title = options.title ?? ''
  const language = detectLanguage(`${title}\n${text}`, options.language ?? 'en')
  const taken = new Set(extractHashtags(`${title}\n${text}`).map((h) => foldCase(`#${h}`)))
  for (const word of options.exclude ?? []) taken.add(foldCase(`#${word}`))
  const out: HashtagTerm[] = []
  const chosenWords = new Set<string>()
  const push = (tag: string | null, phrase: string, words: readonly string[], fromTags: boolean) => {
    if (tag === null || out.length >= max) return
    // A word already inside a chosen tag or phrase adds nothing: no #Social or #MediaManager
    // after #SocialMedia.
    if (!fromTags && words.some((w) => chosenWords.has(w))) return
    const key = foldCase(tag)
    if (taken.has(key)) return
    taken.add(key)
    out.push({ tag, phrase, fromTags })
    for (const w of words) chosenWords.add(w)
  }

  const lowerText = `${title}\n${text}`.toLowerCase()
  const ownTags = (options.tags ?? []).map((tag) => ({ tag, words: splitWords(tag.toLowerCase()) }))
  const used = ownTags.filter((t) => t.words.length > 0 && lowerText.includes(t.words.join(' ')))
  const unused = ownTags.filter((t) => !used.includes(t))
  for (const t of used) push(toHashtag(t.tag, language), t.tag, t.words, true)

  const keywords = rankKeywords(text, title, language, options.libraryTermStats)
  let k = 0
  let u = 0
  // Alternate: the passage's best word, then one of the draft's other tags.
  while (out.length < max && (k < keywords.length || u < unused.length)) {
    const before = out.length
    while (k < keywords.length && out.length === before) {
      const candidate = keywords[k++]!
      push(candidate.tag, candidate.form, candidate.words, false)
    }
    if (out.length < max && u < unused.length) {
      const t = unused[u++]!
      push(toHashtag(t.tag, language), t.tag, t.words, true)
    }
  }
  return out
}

function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}_]+/u).filter((w) => w !== '')
}

/** Case-insensitive key: upper-casing first folds ß into SS, so #Straße and #STRASSE are one tag. */
function foldCase(tag: string): string {
  return tag.toUpperCase().toLowerCase()
}

/**
 * Hashtags can only hold letters, marks, digits and "_", so a word for our purpose is a run of
 * exactly those, optionally joined by hyphens into a compound ("Social-Media-Report"). (A regex
 * rather than Intl.Segmenter's word mode, which costs ~8 µs per word in V8.)
 */
const WORD = /[\p{L}\p{M}\p{N}_]+(?:-[\p{L}\p{M}\p{N}_]+)*/gu
/** A sentence ended just before: end punctuation or a line break, then closing quotes, spaces, openers, bullets. */
const AFTER_SENTENCE_END = /[.!?…:\n]["'“”»«)\]]?[\s"'“”„»«(\[•*–—-]*$/u
const ONLY_OPENERS = /^[\s"'“”„»«(\[•*–—-]*$/u
const CONTEXT = 12

function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - CONTEXT), index)
  return AFTER_SENTENCE_END.test(before) || (index <= CONTEXT && ONLY_OPENERS.test(before))
}

/** Acronyms and names with inner capitals ("SEO", "KI", "RatziFatzi", "LinkedIn"): named things. */
function isNamed(word: string): boolean {
  return /^\p{Lu}{2,6}s?$/u.test(word) || /^\p{Lu}?\p{Ll}+\p{Lu}/u.test(word)
}

function isKeyword(word: string, language: Language): boolean {
  if (!/\p{L}/u.test(word) || /^\p{N}/u.test(word)) return false
  if (word.length < MIN_KEYWORD_LENGTH && !/^\p{Lu}{2,3}$/u.test(word)) return false
  if (isStopword(word)) return false
  // English has no capitals to find nouns by: at least leave out adverbs and past forms.
  if (language === 'en' && /^\p{Ll}/u.test(word) && /(?:ly|ed)$/u.test(word)) return false
  return true
}

interface Entry {
  /** As first written; hashtags keep inner capitals (RatziFatzi) and capitalise the first letter. */
  form: string
  key: string
  score: number
  occurrences: number
  firstSeen: number
  noun: boolean
  named: boolean
  /** Never seen in lowercase. */
  capitalOnly: boolean
  words: string[]
}

interface Keyword {
  readonly tag: string | null
  form: string
  words: string[]
}

function rankKeywords(text: string, title: string, language: Language, stats: LibraryTermStats | undefined): Keyword[] {
  const byKey = new Map<string, Entry>()
  const add = (key: string, form: string, weight: number, at: number, noun: boolean, named: boolean, words: () => string[]) => {
    const entry = byKey.get(key)
    if (entry) {
      entry.score += weight
      entry.occurrences += 1
      entry.noun ||= noun
      entry.named ||= named
      entry.capitalOnly &&= /^\p{Lu}/u.test(form)
      return
    }
    byKey.set(key, { form, key, score: weight, occurrences: 1, firstSeen: at, noun, named, capitalOnly: /^\p{Lu}/u.test(form), words: words() })
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
      const token = match[0]
      const index = match.index
      const capitalized = /^\p{Lu}/u.test(token)
      const atStart = capitalized && startsSentence(source.text, index)
      if (token.includes('-')) {
        // A compound: its parts count on their own, and the whole is a candidate too.
        const parts = token.split('-')
        const lower = token.toLowerCase()
        if (parts.filter((p) => isKeyword(p, language)).length >= 2 || (parts.length === 2 && isKeyword(parts[1]!, language))) {
          add(lower, token, source.weight, source.offset + index, capitalized && !atStart, false, () =>
            parts.map((p) => p.toLowerCase()),
          )
        }
        let at = index
        for (const part of parts) {
          if (isKeyword(part, language)) {
            const capital = /^\p{Lu}/u.test(part)
            add(part.toLowerCase(), part, source.weight, source.offset + at, capital && !atStart, isNamed(part), () => [part.toLowerCase()])
          }
          at += part.length + 1
        }
        previous = null
        continue
      }
      if (!isKeyword(token, language)) {
        previous = null
        continue
      }
      const lower = token.toLowerCase()
      const named = isNamed(token) || (language === 'en' && capitalized && !atStart)
      add(lower, token, source.weight, source.offset + index, capitalized && !atStart, named, () => [lower])
      const before = previous
      // German phrases are noun pairs ("Social Media"); adjectives before nouns make poor tags.
      if (
        before &&
        source.text.slice(before.index + before.word.length, index) === ' ' &&
        (language !== 'de' || (capitalized && /^\p{Lu}/u.test(before.word)))
      ) {
        add(`${before.lower} ${lower}`, `${before.word} ${token}`, source.weight * PHRASE_WEIGHT, source.offset + before.index, true, false, () => [
          before.lower,
          lower,
        ])
      }
      previous = { word: token, lower, index }
    }
  }

  const specificity = (entry: Entry) => {
    if (!stats || stats.documentCount <= 0) return 1
    const df = Math.max(0, stats.documentFrequency(entry.key))
    return Math.log((stats.documentCount + 1) / (df + 1)) + 1
  }
  const ranked = [...byKey.values()]
    .filter((entry) => entry.words.length === 1 || entry.occurrences >= MIN_PHRASE_COUNT || entry.key.includes('-'))
    // German capitalises nouns: lowercase words are verbs and adjectives, poor hashtags. A
    // word only ever seen opening a sentence may be either; it has to recur to count.
    .filter((entry) => language !== 'de' || entry.noun || entry.named || (entry.capitalOnly && entry.occurrences >= 2))
    .filter((entry) => entry.form.length <= MAX_SUGGESTED_TAG_LENGTH)
    .map((entry) => ({
      entry,
      rank: entry.score * (entry.noun ? NOUN_WEIGHT : 1) * (entry.named ? NAMED_WEIGHT : 1) * specificity(entry),
    }))
    // A compound seen once is a weaker tag than a word that recurs.
    .filter(({ entry }) => !entry.key.includes('-') || entry.occurrences >= 2 || entry.score >= TITLE_WEIGHT)
    .sort((a, b) => b.rank - a.rank || a.entry.firstSeen - b.entry.firstSeen)
  return ranked.map(({ entry }) => ({
    // Lazily: validating a hashtag is a regex run, and only the first few are ever used.
    get tag() {
      return toHashtag(entry.form, language)
    },
    form: entry.form,
    words: entry.words,
  }))
}
