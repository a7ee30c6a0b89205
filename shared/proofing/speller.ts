import type { Language } from '../domain/draft'
import { hyphenParts, isAcronym, wordTokens } from './tokens'
import type { Finding } from './types'

/** What a Hunspell-compatible checker offers (nspell's API). */
export interface Dictionary {
  correct(word: string): boolean
  suggest(word: string): string[]
}

export interface SpellerOptions {
  language: Language
  /** The main dictionary of the text's language. */
  primary: Dictionary
  /**
   * German text is full of English words ("Social-Media-Manager", "Content", "Feedback"); a word
   * the English dictionary knows is not marked in German text.
   */
  secondary?: Dictionary
}

/** Shortest part a German compound may be split into ("Amt", "Tag", "Zeit"). */
const MIN_PART = 3
/** Shortest last part ("-zeit", "-platz"): three-letter tails let too many typos through. */
const MIN_TAIL = 4
/** Shorter words are never split: a typo in a short word must not pass as "two words". */
const MIN_COMPOUND = 7
/** Linking elements (Fugenelemente) between the parts of a German compound. */
const LINKS = ['', 's', 'es', 'n', 'en', 'er', 'e']
const CACHE_LIMIT = 50_000

/**
 * Spelling on top of a Hunspell dictionary: the user's own words, words to ignore, hyphenated
 * compounds checked part by part, and German closed compounds the dictionary cannot build itself.
 *
 * Why the compound fallback: the German Hunspell dictionary (igerman98) forms compounds with
 * COMPOUNDBEGIN/MIDDLE/END flags, which nspell does not implement, so "Selbstvermarktung" and
 * "Datenschutzgrundverordnung" would be marked. We accept a word that splits into known parts
 * (with a linking s/es/n/en/er/e), which is what those flags allow anyway.
 */
export class Speller {
  private readonly cache = new Map<string, boolean>()
  private readonly compoundCache = new Map<string, boolean>()
  private personal = new Set<string>()

  constructor(private readonly options: SpellerOptions) {}

  get language(): Language {
    return this.options.language
  }

  /** The user's dictionary; words are matched as written and in lower case. */
  setPersonalWords(words: Iterable<string>): void {
    this.personal = new Set([...words].map((w) => normalize(w)))
    this.cache.clear()
  }

  /** Misspelled words of `text`, skipping `ignored` (words to ignore in this draft). */
  check(text: string, ignored: ReadonlySet<string> = EMPTY): Finding[] {
    const findings: Finding[] = []
    for (const token of wordTokens(text)) {
      if (ignored.has(normalize(token.text))) continue
      if (this.isCorrect(token.text)) continue
      if (!/[-\u00ad]/u.test(token.text)) {
        findings.push({ from: token.from, to: token.to, kind: 'spelling', message: 'spelling' })
        continue
      }
      // A hyphenated compound is fine when every part is: mark only the parts that are not.
      for (const part of hyphenParts(token)) {
        if (part.text.length < 2 || isAcronym(part.text) || ignored.has(normalize(part.text))) continue
        if (!this.isCorrect(part.text)) findings.push({ from: part.from, to: part.to, kind: 'spelling', message: 'spelling' })
      }
    }
    return findings
  }

  isCorrect(word: string): boolean {
    const normalized = normalize(word)
    const cached = this.cache.get(normalized)
    if (cached !== undefined) return cached
    const result = this.lookUp(normalized)
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear()
    this.cache.set(normalized, result)
    return result
  }

  /** Suggestions for a misspelled word, best first (slow for German: call on demand only). */
  suggest(word: string, limit = 6): string[] {
    const normalized = normalize(word)
    const { primary, language } = this.options
    const found = new Set(primary.suggest(normalized))
    if (language === 'de' && found.size < limit) for (const s of this.compoundSuggestions(normalized)) found.add(s)
    return [...found].slice(0, limit)
  }

  private lookUp(word: string): boolean {
    if (this.isPersonal(word)) return true
    const { primary, secondary, language } = this.options
    if (primary.correct(word)) return true
    if (language === 'de') {
      // "geht's", "gibt's": the dictionary knows the verb, not the elided "es".
      const elided = /^(.+)'s$/u.exec(word)
      if (elided && primary.correct(elided[1]!)) return true
      if (this.isCompound(word)) return true
    }
    // Short English words ("mus", "ist") would hide German typos; loanwords are longer.
    return word.length >= 4 && (secondary?.correct(word) ?? false)
  }

  private isPersonal(word: string): boolean {
    return this.personal.has(word) || this.personal.has(word.toLowerCase())
  }

  private known(part: string): boolean {
    const { primary } = this.options
    return primary.correct(part) || primary.correct(capitalize(part)) || this.isPersonal(part)
  }

  /** A first part: a word, or a verb stem ("Schreib-tisch" from "schreiben"). */
  private knownHead(head: string): boolean {
    return this.known(head) || this.options.primary.correct(`${head.toLowerCase()}en`)
  }

  /**
   * A last part; in a noun compound it is checked capitalised ("Selbst" + "Vermarktung"). This
   * lets "Gewerkshaften" pass as "Gewerk" + "s" + "Haften" (a nominalised verb): the price of
   * accepting compounds the dictionary does not list.
   */
  private knownTail(rest: string, nounCompound: boolean): boolean {
    const part = nounCompound ? capitalize(rest) : rest
    return this.known(part) || (part.length >= MIN_COMPOUND && this.isCompound(part))
  }

  private isCompound(word: string): boolean {
    if (word.length < MIN_COMPOUND || !/^\p{L}+$/u.test(word)) return false
    const cached = this.compoundCache.get(word)
    if (cached !== undefined) return cached
    const result = this.splits(word).length > 0
    if (this.compoundCache.size >= CACHE_LIMIT) this.compoundCache.clear()
    this.compoundCache.set(word, result)
    return result
  }

  /** Ways to read `word` as head + link + a known (or itself compound) tail; the first found is enough. */
  private splits(word: string): Array<[string, string]> {
    const nounCompound = /^\p{Lu}/u.test(word)
    for (let i = word.length - MIN_TAIL; i >= MIN_PART; i--) {
      const rest = word.slice(i)
      if (!this.knownTail(rest, nounCompound)) continue
      const front = word.slice(0, i)
      for (const link of LINKS) {
        if (!front.endsWith(link)) continue
        const head = front.slice(0, front.length - link.length)
        if (head.length < MIN_PART) continue
        if (this.knownHead(head) || (head.length >= MIN_COMPOUND && this.isCompound(head))) return [[front, rest]]
      }
    }
    return []
  }

  /** "Schreibfeher" → "Schreibfehler": the longest known head with the tail's suggestions (one suggest call). */
  private compoundSuggestions(word: string): string[] {
    for (let i = word.length - 4; i >= MIN_PART; i--) {
      const head = word.slice(0, i)
      if (!this.knownHead(head)) continue
      const rest = capitalize(word.slice(i))
      return this.options.primary.suggest(rest).slice(0, 3).map((s) => head + s.toLowerCase())
    }
    return []
  }
}

const EMPTY: ReadonlySet<string> = new Set()

/** Typographic apostrophes and soft hyphens are spelling-neutral. */
export function normalize(word: string): string {
  return word.replace(/’/gu, "'").replace(/\u00ad/gu, '')
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
