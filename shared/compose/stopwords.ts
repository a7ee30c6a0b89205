import type { Language } from '../domain/draft'
import { STOPWORDS_ISO_DE, STOPWORDS_ISO_EN } from './stopwords-iso'

/**
 * Words that never make a hashtag: the maintained stopwords-iso lists (vendored in
 * stopwords-iso.ts), plus the few function words and empty nouns they lack that the composer
 * met in real posts. Keep this supplement short: the lists are the source of truth.
 */
const SUPPLEMENT: Readonly<Record<Language, string>> = {
  de: `
bevor bitte bloß demnach dennoch desto ebenfalls eher eigentlich einfach einzig falls fast genau
gerne guten infolge irgendwie klar könnten lassen lässt leider meist meisten mittlerweile müsste
obwohl per sobald sodass sogar solch somit soviel sowohl stets trotz unserem unseren usw weder
wobei wodurch wären geben sagen sehen stehen bringen halten nehmen finden bleiben liegen zeigen
heißt heißen neuer neues mehrere dinge ding weise art beitrag beiträge artikel blog
`,
  en: `lot lots post posts blog article`,
}

const toSet = (...lists: string[]) => new Set(lists.join(' ').split(/\s+/u).filter((w) => w !== ''))

export const STOPWORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  de: toSet(STOPWORDS_ISO_DE, SUPPLEMENT.de),
  en: toSet(STOPWORDS_ISO_EN, SUPPLEMENT.en),
}

/**
 * Without a language, a word is a stopword in either: drafts mix languages, and a German
 * post filed as English must still not get #Nicht or #Sich.
 */
export function isStopword(word: string, language?: Language): boolean {
  const lower = word.toLowerCase()
  if (language) return STOPWORDS[language].has(lower)
  return STOPWORDS.de.has(lower) || STOPWORDS.en.has(lower)
}

/** Both lists in one set: one look-up per word on the hot path. */
const STOPWORDS_EITHER: ReadonlySet<string> = new Set([...STOPWORDS.de, ...STOPWORDS.en])

/** isStopword in either language for a word already lowercased (the hot path of the hashtag scan). */
export function isStopwordLower(lower: string): boolean {
  return STOPWORDS_EITHER.has(lower)
}

/**
 * The language a text is written in, by which stopword list its words hit more often; the
 * draft's own setting wins a tie or a text too short to tell. Cheap: short words only.
 */
export function detectLanguage(text: string, fallback: Language): Language {
  let de = 0
  let en = 0
  // The opening is enough to tell, and keeps this cheap on long passages.
  for (const match of text.slice(0, DETECT_WINDOW).matchAll(LETTERS)) {
    const word = match[0]
    if (word.length > 5) continue
    const lower = word.toLowerCase()
    if (STOPWORDS.de.has(lower)) de++
    if (STOPWORDS.en.has(lower)) en++
  }
  if (Math.abs(de - en) < 3) return fallback
  return de > en ? 'de' : 'en'
}

const DETECT_WINDOW = 600
const LETTERS = /\p{L}+/gu
