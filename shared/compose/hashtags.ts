import twitterText from 'twitter-text'
import type { Language } from '../domain/draft'
import { countGraphemes, extractHashtags } from '../platforms/counting'
import { ENGLISH_NOT_TOPICS, ENGLISH_RARELY_NOUNS } from './english-not-topics'
import { blankIdioms } from './idioms'
import { detectLanguage, isStopwordLower } from './stopwords'
import { spellingKey, tagKey } from './tag-key'

/**
 * How often terms occur across the author's library, so a draft's tags can be the words that
 * set it apart rather than the ones every post uses. Terms are lowercased single words, or two
 * or three words joined by one space ("social media", "social media manager"), or hyphenated
 * compounds. The caller backs this with its search index.
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
  /** `language` was already detected from this text: use it as it is. */
  languageDetected?: boolean
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
  // Latin letters (umlauts and ß included) and digits, starting with a letter: valid for
  // twitter-text without running its regexes. Anything else is checked by twitter-text.
  if (LATIN_HASHTAG_BODY.test(body)) return tag
  return twitterText.isValidHashtag(tag) ? tag : null
}

const LATIN_HASHTAG_BODY = /^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ_]*$/u

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
 * nouns mid-sentence), recurring terms of two or three words (and German ones from the title),
 * hyphenated compounds; never stopwords of either language, never a word only as part of a term
 * (#Manager for "Social Media Manager"), never people's names. Ranked by how specific they are
 * to this draft. Deterministic; one tag per word whatever its case, spelling or number (tagKey),
 * also against hashtags already in the text and excluded words.
 */
export function rankHashtags(text: string, options: SuggestHashtagsOptions = {}): HashtagTerm[] {
  const max = options.max ?? DEFAULT_MAX
  if (max <= 0) return []
  const title = options.title ?? ''
  const language = options.languageDetected && options.language ? options.language : detectLanguage(text === '' ? title : text, options.language ?? 'en')
  const picker = new TagPicker(max, language)
  for (const hashtag of extractHashtags(`${title}\n${text}`)) picker.take(`#${hashtag}`)
  const tags = options.tags ?? []
  // Excluded words, unless the draft's own tags ask for them.
  if (options.exclude !== undefined && options.exclude.length > 0) {
    const ownTags = tags.map((tag) => wordForm(`#${splitWords(tag).join('')}`, language))
    for (const word of options.exclude) {
      const excluded = wordForm(`#${word}`, language)
      if (!ownTags.some((own) => isFormOf(own, excluded))) picker.exclude(excluded)
    }
  }

  const lowerText = `${title}\n${text}`.toLowerCase()
  const used: OwnTag[] = []
  const unused: OwnTag[] = []
  for (const tag of tags) {
    const words = splitWords(tag.toLowerCase())
    if (words.length > 0 && lowerText.includes(words.join(' '))) used.push({ tag, words })
    else unused.push({ tag, words })
  }
  for (const t of used) picker.offer(t.tag, t.words, true)

  const keywords = rankKeywords(text, title, language, options.libraryTermStats)
  let k = 0
  let u = 0
  // A longer term made of a chosen one (#SocialMediaManager after #SocialMedia) repeats words:
  // it waits until a tag with new words was chosen after it came up.
  const waiting: Entry[] = []
  let freshSinceWaiting = false
  // Alternate: the passage's best word, then one of the draft's other tags.
  while (picker.out.length < max && (k < keywords.length || u < unused.length || waiting.length > 0)) {
    const before = picker.out.length
    while ((k < keywords.length || waiting.length > 0) && picker.out.length === before) {
      if (waiting.length > 0 && (freshSinceWaiting || k >= keywords.length)) {
        const extension = waiting.shift()!
        picker.offer(extension.form, extension.words, false)
        continue
      }
      const candidate = keywords[k++]!
      if (picker.wouldExtend(candidate.words)) {
        waiting.push(candidate)
        freshSinceWaiting = false
        continue
      }
      picker.offer(candidate.form, candidate.words, false)
      if (picker.out.length > before) freshSinceWaiting = true
    }
    if (picker.out.length < max && u < unused.length) {
      const t = unused[u++]!
      picker.offer(t.tag, t.words, true)
    }
  }
  return picker.out
}

interface OwnTag {
  tag: string
  words: string[]
}

/** The ranked tags so far, and what they rule out. */
class TagPicker {
  readonly out: HashtagTerm[] = []
  /** The keys (tagKey) of the tags already taken: chosen or in the text. */
  private readonly taken = new Set<string>()
  /** The excluded words by their key (tagKey): each rules out itself and its plural (isFormOf). */
  private readonly excluded = new Map<string, WordForm[]>()
  /** The keys (tagKey) of the words inside a chosen tag or phrase. */
  private readonly chosenWords = new Set<string>()
  private readonly wordKeys = new Map<string, string>()
  /** The chosen terms of several words ("social media"), as words, and whether a longer term already extends each. */
  private readonly chosenTerms: Array<{ words: readonly string[]; extended: boolean }> = []

  constructor(
    private readonly max: number,
    private readonly language: Language,
  ) {}

  offer(phrase: string, words: readonly string[], fromTags: boolean): void {
    if (this.out.length >= this.max) return
    // A word already inside a chosen tag or phrase adds nothing: no #Social or #MediaManager
    // after #SocialMedia. A longer term made of a chosen one is more specific, not the same:
    // #SocialMediaManager after #SocialMedia.
    // In any of its forms: no #Call after #DiscoveryCalls.
    if (!fromTags && words.some((w) => this.isChosen(w)) && !this.extendsChosen(words, true)) return
    // Made only for candidates still in the running: validating a hashtag may run
    // twitter-text's regexes, the costliest step here.
    const tag = toHashtag(phrase, this.language)
    if (tag === null) return
    // #Client after #Clients, #Pause after #Pausen says the same thing twice.
    const key = tagKey(tag, this.language)
    if (this.taken.has(key) || this.excluded.get(key)?.some((word) => isFormOf({ key, spelling: spellingKey(tag, this.language) }, word))) return
    this.taken.add(key)
    this.out.push({ tag, phrase, fromTags })
    for (const w of words) this.chosenWords.add(this.wordKey(w))
    if (words.length > 1) this.chosenTerms.push({ words, extended: false })
  }

  /** Rules out `tag` and its other forms (see tagKey). */
  take(tag: string): void {
    this.taken.add(tagKey(tag, this.language))
  }

  /** Rules out `word` and its plural, whatever their case or umlauts (see isFormOf). */
  exclude(word: WordForm): void {
    const same = this.excluded.get(word.key)
    if (same) same.push(word)
    else this.excluded.set(word.key, [word])
  }

  /**
   * True if every chosen word among `words` comes from a chosen term of several words that
   * `words` holds whole, and that term was not extended before: one #SocialMediaManager after
   * #SocialMedia, not #SocialMediaMarketing and #SocialMediaTechniker as well. Marks them extended.
   */
  private extendsChosen(words: readonly string[], mark: boolean): boolean {
    if (words.length < 3) return false
    const extended = this.chosenTerms.filter((term) => !term.extended && term.words.length < words.length && containsRun(words, term.words))
    const covered = new Set(extended.flatMap((term) => term.words))
    if (!words.every((w) => !this.isChosen(w) || covered.has(w))) return false
    if (mark) for (const term of extended) term.extended = true
    return true
  }

  /** True if `words` would be taken only as a longer term made of a chosen one (see extendsChosen). */
  wouldExtend(words: readonly string[]): boolean {
    return words.some((w) => this.isChosen(w)) && this.extendsChosen(words, false)
  }

  private isChosen(word: string): boolean {
    return this.chosenWords.size > 0 && this.chosenWords.has(this.wordKey(word))
  }

  private wordKey(word: string): string {
    let key = this.wordKeys.get(word)
    if (key === undefined) {
      key = tagKey(word, this.language)
      this.wordKeys.set(word, key)
    }
    return key
  }
}

/** A tag's two comparison keys: with its number merged (tagKey) and as spelt (spellingKey). */
interface WordForm {
  key: string
  spelling: string
}

function wordForm(tag: string, language: Language): WordForm {
  return { key: tagKey(tag, language), spelling: spellingKey(tag, language) }
}

/**
 * True if `tag` is `word` or its plural, whatever the case or umlauts: "Coach" excluded rules
 * out #Coaches, but "Threads" (the platform) does not rule out #Thread — a word's key (tagKey)
 * merges both numbers, and a name given in the plural is no plural of another word.
 */
function isFormOf(tag: WordForm, word: WordForm): boolean {
  return tag.key === word.key && tag.spelling.startsWith(word.spelling)
}

/** True if `run` occurs in `words` as consecutive items. */
function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++) {
    if (run.every((w, i) => words[start + i] === w)) return true
  }
  return false
}

function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}_]+/u).filter((w) => w !== '')
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

/**
 * Legal forms after a company's name: the author tags #RatziFatzi, not #RatziFatziGmbH, and
 * never #GmbH. The abbreviations of the legal forms of Germany, Austria, Switzerland, the UK and
 * the US in the ISO 20275 Entity Legal Forms code list (GLEIF) that make a word of their own
 * here (two letters or more; "e.V." splits into letters the scan skips anyway).
 */
const LEGAL_FORMS = new Set(['GmbH', 'gGmbH', 'mbH', 'AG', 'KG', 'KGaA', 'OHG', 'OG', 'GbR', 'UG', 'SE', 'eG', 'PartG', 'mbB', 'Ltd', 'PLC', 'LLP', 'LLC', 'Inc', 'Corp'])

/** Cheap checks first: this runs for every word of the passage. `lower` is word.toLowerCase(). */
function isKeyword(word: string, lower: string, language: Language): boolean {
  if (word.length < MIN_KEYWORD_LENGTH && !(word.length >= 2 && lower !== word && word === word.toUpperCase())) return false
  if (LEGAL_FORMS.has(word)) return false
  if (isStopwordLower(lower) || timeUnits(language).has(lower)) return false
  const first = word.charCodeAt(0)
  // Starts with a digit (ASCII, the common case) or holds no letter at all.
  if ((first >= 48 && first <= 57) || !HAS_LETTER.test(word)) return false
  // English has no capitals to find nouns by: at least leave out adverbs and past forms.
  if (language === 'en' && lower === word && (word.endsWith('ly') || word.endsWith('ed'))) return false
  return true
}

const HAS_LETTER = /\p{L}/u

let notTopics: { never: ReadonlySet<string>; rarely: ReadonlySet<string> } | null = null
/** ENGLISH_NOT_TOPICS and ENGLISH_RARELY_NOUNS as sets, made on the first English passage (~0.6 ms). */
function englishNotTopics(): { never: ReadonlySet<string>; rarely: ReadonlySet<string> } {
  const toSet = (list: string) => new Set(list.split(/\s+/u).filter((w) => w !== ''))
  notTopics ??= { never: toSet(ENGLISH_NOT_TOPICS), rarely: toSet(ENGLISH_RARELY_NOUNS) }
  return notTopics
}

/** `word` and the verbs it could be the third person of, to look up in the lists of base forms. */
function englishForms(word: string): string[] {
  return [word, ...thirdPersonBases(word)]
}

/** A word WordNet never knows as a noun, in any of its forms ("grows", "understood", "rude"). */
function isNeverNoun(lower: string): boolean {
  const { never } = englishNotTopics()
  return englishForms(lower).some((form) => never.has(form))
}

/**
 * The verbs a word in -s could be the third person of ("grows" → grow, "watches" → watch,
 * "tries" → try), for the lists of words that are no topics, which hold base forms only. Not
 * for -ics ("analytics", "economics"): nouns of their own, though "analytic" is no topic.
 */
function thirdPersonBases(word: string): string[] {
  if (!word.endsWith('s') || word.endsWith('ss') || word.endsWith('ics')) return []
  if (word.endsWith('ies')) return [`${word.slice(0, -3)}y`]
  return word.endsWith('es') ? [word.slice(0, -1), word.slice(0, -2)] : [word.slice(0, -1)]
}

/**
 * After a word: the end of a noun phrase, a punctuation mark or a word that follows one ("the
 * launch is", "my offer for", "a fine."), not a word it could still be modifying ("a clear next step").
 */
const NOUN_PHRASE_END = /[ \t]*(?:[^\p{L}\p{N}\s]|\n|$|(?:of|for|with|to|in|on|at|from|about|is|was|are|were|and|or|that|will|can)(?![\p{L}\p{N}]))/uy

function endsNounPhrase(text: string, at: number): boolean {
  NOUN_PHRASE_END.lastIndex = at
  return NOUN_PHRASE_END.test(text)
}

const TIME_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const
const timeUnitWords = new Map<Language, ReadonlySet<string>>()
/**
 * The names of time units, singular and plural, from the platform's CLDR data ("weeks",
 * "Stunden"): "for two weeks", "end of the month" say how long, never what a text is about.
 */
function timeUnits(language: Language): ReadonlySet<string> {
  let words = timeUnitWords.get(language)
  if (words === undefined) {
    const found = new Set<string>()
    for (const unit of TIME_UNITS) {
      const format = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' })
      for (const count of [1, 2]) for (const part of format.formatToParts(count)) if (part.type === 'unit') found.add(part.value.toLowerCase())
    }
    words = found
    timeUnitWords.set(language, words)
  }
  return words
}
/**
 * English words that open an adverbial with a bare noun after them: "at night", "at home",
 * "every week". Without an article the noun says when or where, not what the text is about.
 */
const ADVERBIAL_LEADS = new Set(['at', 'every'])
/**
 * English words that open a noun phrase: a word right after one is used as a noun ("the call",
 * "a method", "our sessions"). ("that" is left out: it is as often a conjunction.)
 */
const DETERMINERS = new Set(['the', 'a', 'an', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'this', 'these', 'those'])
const STARTS_UPPER = /^\p{Lu}/u

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
  /** English: seen as a whole noun phrase's noun, right after a determiner and at its end ("the launch is"). */
  nounInPlace: boolean
  /** How often it stood right before another keyword, as the modifier of a pair ("potential clients"). */
  modifying: number
  words: string[]
  /** Salience, times specificity against the library when known. */
  rank: number
}

/**
 * The terms whose library frequencies the ranking would ask for (`LibraryTermStats.documentFrequency`),
 * so a caller can fetch them in one go before composing. Strongest first, at most `max`.
 */
export function libraryTermCandidates(text: string, title: string, language: Language, max = 200): string[] {
  return rankKeywords(text, title, language, undefined)
    .slice(0, max)
    .map((entry) => entry.key)
}

function rankKeywords(text: string, title: string, language: Language, stats: LibraryTermStats | undefined): Entry[] {
  const terms = new TermTable()
  // Idioms' nouns are imagery ("wird ein Schuh daraus"), not topics.
  scanWords(terms, blankIdioms(title, language), TITLE_WEIGHT, -title.length - 1, language)
  scanWords(terms, blankIdioms(text, language), 1, 0, language)
  return rankTerms(terms, language, stats)
}

/**
 * The candidate terms of one text, counted. Small functions and classes rather than closures:
 * this runs once per passage, so the JIT optimises it late, and small pieces are cheap to
 * optimise.
 */
class TermTable {
  readonly byKey = new Map<string, Entry>()
  readonly people = new PersonNames()

  /** `words` null: the term is the single word `key`. */
  add(key: string, form: string, weight: number, at: number, noun: boolean, named: boolean, capital: boolean, words: string[] | null): void {
    const entry = this.byKey.get(key)
    if (entry !== undefined) {
      entry.score += weight
      entry.occurrences += 1
      entry.noun ||= noun
      entry.named ||= named
      entry.capitalOnly &&= capital
      return
    }
    this.byKey.set(key, { form, key, score: weight, occurrences: 1, firstSeen: at, noun, named, capitalOnly: capital, nounInPlace: false, modifying: 0, words: words ?? [key], rank: 0 })
  }
}

/** Titles before a name ("Herr Meier", "Dr. Müller", "Ms Whitfield"): the capitalised word after one is a name. */
const HONORIFICS = new Set(['Herr', 'Herrn', 'Frau', 'Dr', 'Prof', 'Mr', 'Mrs', 'Ms', 'Miss', 'Sir'])
/** Between an honorific and the name: a space, after an abbreviation's full stop perhaps. */
const HONORIFIC_GAP = /^\.?[ \u00A0]$/u
/** Nouns take these; first names do not ("die Community", but "Uwe lernt"). Lowercase. */
const ARTICLES = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'im', 'am', 'zum', 'zur', 'vom', 'beim', 'ins',
  'the', 'a', 'an',
])
/**
 * A first name stands alone at least this often, and more often than the full name is written:
 * people are introduced once and then called by their first name ("Uwe lernt …"), while a
 * product keeps its full name ("Google Analytics" as often as "Google").
 */
const MIN_FIRST_NAME_ALONE = 2

/**
 * The people a text names, so their names make no hashtags (#Unsozial from "Uwe Unsozial"): a
 * capitalised word after an honorific; and first name and surname, a capitalised word always
 * right after the same first name: a capitalised word that elsewhere stands alone ("Uwe lernt"),
 * never takes an article (names don't: "die Community" is a noun), is not always the second
 * word of a pair itself ("Media" in "Social Media"), and is introduced by the full name: a
 * person is named in full first and then by the first name, while a maker that comes up alone
 * first ("Google zeigt …", later "Google Analytics") is no first name.
 */
class PersonNames {
  /** Lowercased names found (see namesAny). */
  private readonly names = new Set<string>()
  /** Capitalised word → the capitalised word always right before it (null: not always the same). */
  private readonly precededBy = new Map<string, { word: string | null; count: number }>()
  /** Capitalised words seen not followed by another capitalised word, and how often. */
  private readonly standsAlone = new Map<string, number>()
  /** Capitalised words seen right after an article. */
  private readonly withArticle = new Set<string>()
  /** Capitalised words first seen right before another (true) or alone (false). */
  private readonly firstSeenInPair = new Map<string, boolean>()
  private previous = ''
  private previousEnd = -1
  private previousCapitalized = false
  private finished = false

  /** Before each text: words do not run on from the one before. */
  startText(): void {
    if (this.previousCapitalized) this.countAlone(this.previous)
    this.previous = ''
    this.previousEnd = -1
    this.previousCapitalized = false
  }

  see(text: string, token: string, lower: string, index: number, capitalized: boolean): void {
    // One space between: the two words belong together (no slice made: this runs for every word).
    const adjacent = this.previous !== '' && index === this.previousEnd + 1 && text.charCodeAt(this.previousEnd) === 32
    if (this.previousCapitalized && !(adjacent && capitalized)) this.countAlone(this.previous)
    else if (this.previousCapitalized && !this.firstSeenInPair.has(this.previous)) this.firstSeenInPair.set(this.previous, true)
    if (capitalized) {
      if (this.previousCapitalized && HONORIFICS.has(this.previous) && !HONORIFICS.has(token) && HONORIFIC_GAP.test(text.slice(this.previousEnd, index))) {
        this.names.add(lower)
      }
      if (adjacent && ARTICLES.has(this.previous.toLowerCase())) this.withArticle.add(token)
      const before = adjacent && this.previousCapitalized ? this.previous : null
      const seen = this.precededBy.get(token)
      if (seen === undefined) this.precededBy.set(token, { word: before, count: 1 })
      else {
        if (seen.word !== before) seen.word = null
        seen.count += 1
      }
    }
    this.previous = token
    this.previousEnd = index + token.length
    this.previousCapitalized = capitalized
  }

  private countAlone(word: string): void {
    if (!this.firstSeenInPair.has(word)) this.firstSeenInPair.set(word, false)
    this.standsAlone.set(word, (this.standsAlone.get(word) ?? 0) + 1)
  }

  /** True if any of `words` (lowercased) names a person in the texts seen. */
  namesAny(words: readonly string[]): boolean {
    if (!this.finished) this.finish()
    if (this.names.size === 0) return false
    for (const word of words) if (this.names.has(word)) return true
    return false
  }

  private finish(): void {
    this.startText()
    for (const [word, { word: first, count }] of this.precededBy) {
      if (first === null || HONORIFICS.has(first)) continue
      // A first name opens the name: it is not itself always the second word of a pair ("Social Media").
      const firstPrecededBy = this.precededBy.get(first)?.word ?? null
      const alone = this.standsAlone.get(first) ?? 0
      if (alone >= MIN_FIRST_NAME_ALONE && alone > count && !this.withArticle.has(first) && firstPrecededBy === null && this.firstSeenInPair.get(first) === true) {
        this.names.add(word.toLowerCase())
        this.names.add(first.toLowerCase())
      }
    }
    this.finished = true
  }
}

/**
 * One pass over the words of `text`; only keywords are looked at closely, and a phrase is two
 * or three keywords with nothing but a single space between each ("Social Media Manager").
 */
function scanWords(terms: TermTable, text: string, weight: number, offset: number, language: Language): void {
  terms.people.startText()
  // The word before, if it was a keyword (index -1: none), and where a phrase ending with it started (-1: none).
  let previousIndex = -1
  let previousWord = ''
  let previousLower = ''
  let previousCapitalized = false
  let phraseStart = -1
  // Where the last number ended: "15 Minuten", "2.999,99 Euro" are amounts, not topics.
  let numberEnd = -2
  // Where the last English "at"/"every" ended: "at night", "every week" say when, not what.
  let adverbialEnd = -2
  // Where the last English determiner ended: "the call", "a method" are nouns.
  let determinerEnd = -2
  WORD.lastIndex = 0
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const token = match[0]
    const index = match.index
    const lower = token.toLowerCase()
    const capitalized = lower !== token && STARTS_UPPER.test(token)
    terms.people.see(text, token, lower, index, capitalized)
    if (token.includes('-')) {
      scanCompound(terms, text, token, lower, index, weight, offset, language)
      previousIndex = -1
      continue
    }
    const first = token.charCodeAt(0)
    if (first >= 48 && first <= 57) numberEnd = index + token.length
    const adverbial = language === 'en' && adverbialEnd === index - 1 && lower === token
    if (language === 'en' && ADVERBIAL_LEADS.has(lower)) adverbialEnd = index + token.length
    const afterDeterminer = language === 'en' && determinerEnd === index - 1
    if (language === 'en' && DETERMINERS.has(lower)) determinerEnd = index + token.length
    // German only: its nouns are capitalised, so a unit after a number is easy to tell; an
    // English "100 discovery calls" names the topic.
    if (!isKeyword(token, lower, language) || (language === 'de' && capitalized && numberEnd === index - 1) || adverbial) {
      // "office hours": a time unit is no keyword, but the word before it is its modifier all the same.
      if (language === 'en' && previousIndex >= 0 && lower === token && previousIndex + previousWord.length + 1 === index && timeUnits(language).has(lower)) {
        terms.byKey.get(previousLower)!.modifying += 1
      }
      previousIndex = -1
      continue
    }
    const atStart = capitalized && startsSentence(text, index)
    const named = lower !== token && (isNamed(token) || (language === 'en' && capitalized && !atStart))
    const pairsWithPrevious = previousIndex >= 0 && previousIndex + previousWord.length + 1 === index && text.charCodeAt(index - 1) === 32
    // English spelling shows a noun only by its place: after a determiner ("the call") or heading a pair ("voice messages").
    const noun = (capitalized && !atStart) || (language === 'en' && (afterDeterminer || pairsWithPrevious))
    terms.add(lower, token, weight, offset + index, noun, named, capitalized, null)
    if (afterDeterminer && endsNounPhrase(text, index + token.length)) terms.byKey.get(lower)!.nounInPlace = true
    // German phrases are noun pairs ("Social Media"); adjectives before nouns make poor tags.
    // "the thread grows": a word that is never a noun makes no pair, and the one before modifies nothing.
    if (pairsWithPrevious && (language !== 'de' || (capitalized && previousCapitalized)) && !(language === 'en' && lower === token && isNeverNoun(lower))) {
      terms.byKey.get(previousLower)!.modifying += 1
      terms.add(`${previousLower} ${lower}`, `${previousWord} ${token}`, weight * PHRASE_WEIGHT, offset + previousIndex, true, false, true, [
        previousLower,
        lower,
      ])
      if (phraseStart >= 0) {
        // Three words: the pair before this one, and this word.
        const form = text.slice(phraseStart, index + token.length)
        terms.add(form.toLowerCase(), form, weight * PHRASE_WEIGHT, offset + phraseStart, true, false, true, form.toLowerCase().split(' '))
      }
      phraseStart = previousIndex
    } else phraseStart = -1
    previousIndex = index
    previousWord = token
    previousLower = lower
    previousCapitalized = capitalized
  }
}

/** A compound ("Social-Media-Report"): its parts count on their own, and the whole is a candidate too. */
function scanCompound(terms: TermTable, text: string, token: string, lower: string, index: number, weight: number, offset: number, language: Language): void {
  const capitalized = lower !== token && STARTS_UPPER.test(token)
  const noun = capitalized && !startsSentence(text, index)
  const parts = token.split('-')
  const lowerParts = lower.split('-')
  let keywordCount = 0
  const keywords: boolean[] = []
  for (let i = 0; i < parts.length; i++) {
    const keyword = isKeyword(parts[i]!, lowerParts[i]!, language)
    keywords.push(keyword)
    if (keyword) keywordCount++
  }
  if (keywordCount >= 2 || (parts.length === 2 && keywords[1])) {
    terms.add(lower, token, weight, offset + index, noun, false, capitalized, lowerParts)
  }
  let at = index
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (keywords[i]) {
      const capital = lowerParts[i] !== part && STARTS_UPPER.test(part)
      // Parts after the first are inside the word: capitalised there, they are nouns.
      terms.add(lowerParts[i]!, part, weight, offset + at, capital && (i > 0 || noun), isNamed(part), capital, null)
    }
    at += part.length + 1
  }
}

function rankTerms(terms: TermTable, language: Language, stats: LibraryTermStats | undefined): Entry[] {
  const useStats = stats !== undefined && stats.documentCount > 0
  // Terms of several words that count: those that recur, and in German those the title uses
  // (a title's capitalised pair is deliberate; English titles capitalise every word).
  const phrases = new Set<Entry>()
  for (const entry of terms.byKey.values()) {
    if (entry.words.length < 2 || entry.key.includes('-')) continue
    if (entry.occurrences >= MIN_PHRASE_COUNT || (language === 'de' && entry.score >= TITLE_WEIGHT * PHRASE_WEIGHT)) phrases.add(entry)
  }
  // How often each word occurs inside such a term (the most frequent one: the pair and the
  // triple it is part of overlap).
  const insideTerms = new Map<string, number>()
  for (const phrase of phrases) {
    for (const word of phrase.words) insideTerms.set(word, Math.max(insideTerms.get(word) ?? 0, phrase.occurrences))
  }
  const ranked: Entry[] = []
  for (const entry of terms.byKey.values()) {
    const compound = entry.key.includes('-')
    const phrase = entry.words.length > 1 && !compound
    // A phrase must recur (or stand in a German title); a compound seen once is weaker than a word that recurs.
    if (phrase && !phrases.has(entry)) continue
    if (compound && entry.occurrences < 2 && entry.score < TITLE_WEIGHT) continue
    // German capitalises nouns: lowercase words are verbs and adjectives, poor hashtags. A
    // word only ever seen opening a sentence may be either; it has to recur to count.
    if (language === 'de' && !entry.noun && !entry.named && !(entry.capitalOnly && entry.occurrences >= 2)) continue
    if (entry.form.length > MAX_SUGGESTED_TAG_LENGTH) continue
    // A word counts only where it stands alone: inside a term ("Manager" in "Social Media
    // Manager") the term is what is meant, and a generic head noun that only ever stands in one
    // is no tag at all.
    const alone = phrase || compound ? 1 : 1 - Math.min(insideTerms.get(entry.key) ?? 0, entry.occurrences) / entry.occurrences
    if (alone <= 0) continue
    // English heads its noun phrases last: a lowercase word only ever seen right before another
    // keyword modifies it ("potential clients", "soft skills") and is no topic on its own; the
    // pair, if it recurs, or its head is.
    if (language === 'en' && !phrase && !compound && !entry.named && entry.modifying >= entry.occurrences) continue
    // English has no capitals to find nouns by: words mostly used as verbs, adjectives or
    // adverbs ("rude", "fine", "kindest", "bring") are no topics unless written as a name.
    // Those that are nouns too count where the text uses them as one ("the launch is", not "to launch").
    if (language === 'en' && !phrase && !compound && !entry.named) {
      const lists = englishNotTopics()
      const forms = englishForms(entry.key)
      if (forms.some((form) => lists.never.has(form)) || (forms.some((form) => lists.rarely.has(form)) && !entry.nounInPlace)) continue
    }
    // People's names are no topics: no #Unsozial for "Uwe Unsozial", no #Meier for "Herr Meier".
    if (terms.people.namesAny(entry.words)) continue
    let rank = entry.score * alone * (entry.noun ? NOUN_WEIGHT : 1) * (entry.named ? NAMED_WEIGHT : 1)
    if (useStats) rank *= Math.log((stats.documentCount + 1) / (Math.max(0, stats.documentFrequency(entry.key)) + 1)) + 1
    entry.rank = rank
    ranked.push(entry)
  }
  return ranked.sort((a, b) => b.rank - a.rank || a.firstSeen - b.firstSeen)
}
