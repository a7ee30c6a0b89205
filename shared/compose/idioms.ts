import type { Language } from '../domain/draft'

/**
 * Idioms whose nouns are imagery, not topics: "andersherum wird ein Schuh daraus" is not about
 * shoes. Each entry is the idiom's fixed wording as listed in the German Wiktionary
 * (Redewendungen), with its entry as the source; the nouns inside a match make no hashtags.
 * Add idioms met in real posts, each with its dictionary entry.
 */
const IDIOMS: Readonly<Record<Language, readonly RegExp[]>> = {
  de: [
    // https://de.wiktionary.org/wiki/umgekehrt_wird_ein_Schuh_draus
    /\bwird ein Schuh d(?:a)?raus\b|\bein Schuh wird d(?:a)?raus\b/giu,
    // https://de.wiktionary.org/wiki/jemandem_den_Wind_aus_den_Segeln_nehmen
    /\bden Wind aus den Segeln\b/giu,
    // https://de.wiktionary.org/wiki/wissen,_wie_der_Hase_läuft
    /\bwie der Hase läuft\b/giu,
    // https://de.wiktionary.org/wiki/die_Klappe_halten
    /\bdie Klappe (?:zu )?halten\b/giu,
  ],
  en: [],
}

/**
 * The text with every idiom blanked out, same length so positions stay put. Cheap: a few
 * literal-led regexes over the passage, and the text itself when none matches.
 */
export function blankIdioms(text: string, language: Language): string {
  let out = text
  for (const idiom of IDIOMS[language]) {
    idiom.lastIndex = 0
    if (!idiom.test(out)) continue
    out = out.replace(idiom, (match) => ' '.repeat(match.length))
  }
  return out
}
