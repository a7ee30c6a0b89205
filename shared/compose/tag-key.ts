import type { Language } from '../domain/draft'

/**
 * The key two hashtags are compared by: equal keys mean the same tag, so only one of them is
 * suggested, and a tag already in the text or excluded by the caller rules out its other forms.
 * Only ever compared, never shown (#Straße stays #Straße).
 *
 * - Unicode NFC and the language's lower case: "Ä" typed as A + combining diaeresis is "ä".
 * - German letters as they are spelt without them: ä → ae, ö → oe, ü → ue, ß → ss. Tags are
 *   written with the letters (toHashtag keeps them), authors also write #Gespraech or #STRASSE;
 *   one-way, so no word written with "ae" is mistaken for another.
 * - The plural of the last word, by rules that only merge forms of one word: English -s, -es
 *   after ch/sh/x/ss/zz, -ies; German -n after -e, -el, -er (Pause/Pausen, Regel/Regeln), -nen after -in
 *   (Kollegin/Kolleginnen), -en after the feminine suffixes that always take it
 *   (Beratung/Beratungen), -s after a stem of four letters or more (Team/Teams, not Kur/Kurs).
 *   German -e and umlaut plurals (Fall/Fälle, Rat/Rate) are left apart: they would merge
 *   different words, and a wrong merge drops a good tag.
 */
export function tagKey(tag: string, language: Language): string {
  const body = spellingKey(tag, language).slice(1)
  return `#${language === 'en' ? englishSingular(body) : germanSingular(body)}`
}

/**
 * tagKey without the plural: the key of a name, which has no other number ("Threads", the
 * platform, is not the plural of a #Thread).
 */
export function spellingKey(tag: string, language: Language): string {
  const lower = tag.normalize('NFC').toLocaleLowerCase(language)
  const spelt = GERMAN_LETTERS.test(lower) ? lower.replace(GERMAN_LETTERS_ALL, (letter) => SPELT_OUT[letter]!) : lower
  return spelt.startsWith('#') ? spelt : `#${spelt}`
}

const GERMAN_LETTERS = /[äöüß]/u
const GERMAN_LETTERS_ALL = /[äöüß]/gu
const SPELT_OUT: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' }

/**
 * "discoverycalls" → "discoverycall", "stories" → "story", "coaches" → "coach"; words ending in
 * "ss"/"us"/"is" ("business", "focus", "analysis") stay. A singular ending in ch/sh/x/z + "e"
 * ("niche", "cache") loses its "e" so that its plural meets it: "niches" → "nich" ← "niche".
 */
function englishSingular(key: string): string {
  let word = key
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 5 && /(?:ch|sh|x|ss|zz)es$/u.test(word)) word = word.slice(0, -2)
  else if (word.length > 4 && word.endsWith('s') && !/(?:ss|us|is)$/u.test(word)) word = word.slice(0, -1)
  if (/(?:ch|sh|x|z)e$/u.test(word)) word = word.slice(0, -1)
  return word
}

/** Suffixes whose German plural is always -en: Beratung/Beratungen, Freiheit/Freiheiten, Mission/Missionen. */
const GERMAN_EN_PLURAL = /(?:ung|heit|keit|schaft|ion|taet)en$/u

function germanSingular(key: string): string {
  if (key.length > 6 && key.endsWith('innen')) return key.slice(0, -3)
  if (key.length > 5 && GERMAN_EN_PLURAL.test(key)) return key.slice(0, -2)
  if (key.length > 3 && key.endsWith('en')) return key.slice(0, -1)
  // -n after -el/-er: Regel/Regeln, Mauer/Mauern.
  if (key.length > 4 && /[^e]e[lr]n$/u.test(key)) return key.slice(0, -1)
  // English loans keep their -s plural in German: Teams, Coachs, Blogs.
  if (key.length > 4 && key.endsWith('s') && !/(?:ss|us|is|ns|rs)$/u.test(key)) return key.slice(0, -1)
  return key
}
