import type { Language } from '../domain/draft'

/**
 * Sentence splitting: Intl.Segmenter (ICU) does the work; we repair the mistakes it makes on
 * German (and a few English) abbreviations, ordinals and ellipses, which ICU's segmenter
 * leaves to "suppressions" that Intl.Segmenter does not apply.
 */

const segmenters: Record<Language, Intl.Segmenter> = {
  de: new Intl.Segmenter('de', { granularity: 'sentence' }),
  en: new Intl.Segmenter('en', { granularity: 'sentence' }),
}

/** Abbreviations that never end a sentence: a break right after one is always wrong. */
const NEVER_FINAL = [
  // German
  'z. B.', 'z.B.', 'd. h.', 'd.h.', 'u. a.', 'u.a.', 'o. ä.', 'o.ä.', 's. o.', 's. u.', 'i. d. R.', 'u. U.',
  'ca.', 'bzw.', 'vgl.', 'Dr.', 'Prof.', 'Nr.', 'Hr.', 'Hrn.', 'Fr.', 'St.', 'Str.', 'Kap.', 'Abs.',
  'Bd.', 'Jh.', 'Mio.', 'Mrd.', 'Tel.', 'evtl.', 'ggf.', 'inkl.', 'exkl.', 'zzgl.', 'sog.', 'geb.', 'gest.',
  'lt.', 'max.', 'min.', 'insb.', 'Std.', 'Min.', 'Sek.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Sa.', 'So.',
  'Jan.', 'Feb.', 'Mär.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Okt.', 'Nov.', 'Dez.',
  // English
  'e.g.', 'i.e.', 'Mr.', 'Mrs.', 'Ms.', 'Mt.', 'vs.', 'approx.', 'cf.', 'Fig.', 'Jr.', 'Sr.',
]

/** Abbreviations that may end a sentence: a break after one stands unless a lowercase word or digit follows. */
const MAYBE_FINAL = ['usw.', 'etc.', 'u. Ä.', 'u.Ä.', 'u. v. m.', 'a.m.', 'p.m.', 'Inc.', 'Ltd.', 'Co.']

const MONTHS = [
  'Januar', 'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
  'Jan.', 'Feb.', 'Mär.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Okt.', 'Nov.', 'Dez.',
]

/** Words after which "3." is an ordinal ("am 3. Oktober", "der 2. Versuch", "im 19. Jahrhundert"). */
const ORDINAL_LEAD_WORDS = new Set([
  'am', 'vom', 'zum', 'bis', 'ab', 'seit', 'im', 'beim', 'zur', 'der', 'die', 'das', 'den', 'dem', 'des',
  'ein', 'eine', 'einer', 'einem', 'einen', 'jeder', 'jede', 'jedes', 'jeden', 'jedem', 'dieser', 'diese',
  'dieses', 'diesem', 'diesen', 'ihr', 'ihre', 'ihrem', 'ihren', 'sein', 'seine', 'seinem', 'seinen',
  'mein', 'meine', 'meinem', 'meinen', 'unser', 'unsere', 'unserem', 'unseren', 'zu', 'und', 'oder',
])

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s?')
const abbreviationPattern = (list: string[]) =>
  // Longest first, so "i. d. R." wins over "d." fragments; not preceded by a letter or digit.
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...list].sort((a, b) => b.length - a.length).map(escape).join('|')})$`, 'u')
const NEVER_FINAL_AT_END = abbreviationPattern(NEVER_FINAL)
const MAYBE_FINAL_AT_END = abbreviationPattern(MAYBE_FINAL)
/** "z." | "B. ...": ICU breaks inside two-part abbreviations; these are the first halves. */
const SPLIT_ABBREVIATION_HEADS = /(?<![\p{L}\p{N}])(?:z|d|u|o|s|i|e)\.$/u
const SPLIT_ABBREVIATION_TAILS = /^(?:B|h|a|ä|Ä|o|u|R|U|d|e|g)\./u
const ORDINAL_AT_END = /(?:^|[\s(])([\p{L}]+)?\s*\d{1,3}\.$/u
const MONTH_AT_START = new RegExp(`^(?:${MONTHS.map(escape).join('|')})(?![\\p{L}])`, 'u')
const ELLIPSIS_THEN_NEW_SENTENCE = /(?:…|\.\.\.)[»«"'“”„)\]]*\s+(?=[\p{Lu}„"“»«(])/gu

/**
 * Splits `text` into sentences. The pieces partition the text exactly (joined, they give it
 * back, whitespace included); each piece carries the whitespace that follows it.
 */
export function splitSentences(text: string, language: Language): readonly string[] {
  if (text === '') return []
  // The composer asks for the same passage's sentences once per platform: remember recent ones.
  const recent = recentSentences[language]
  const known = recent.get(text)
  if (known) return known
  const sentences = Object.freeze(segment(text, language))
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!)
  recent.set(text, sentences)
  return sentences
}

const RECENT_LIMIT = 64
const recentSentences: Record<Language, Map<string, readonly string[]>> = { de: new Map(), en: new Map() }

function segment(text: string, language: Language): string[] {
  const raw: string[] = []
  // Walking with containing() is several times faster in V8 than iterating the segments.
  const segments = segmenters[language].segment(text)
  for (let at = 0; at < text.length; ) {
    const { segment, index } = segments.containing(at)!
    raw.push(...splitAfterEllipses(segment))
    at = index + segment.length
  }
  const merged: string[] = []
  for (const segment of raw) {
    const previous = merged[merged.length - 1]
    if (previous !== undefined && wronglySplit(previous, segment)) merged[merged.length - 1] = previous + segment
    else merged.push(segment)
  }
  return merged
}

/** ICU breaks after "..." before a capital but not after "…"; treat both the same way. */
function splitAfterEllipses(segment: string): string[] {
  const pieces: string[] = []
  let cursor = 0
  for (const match of segment.matchAll(ELLIPSIS_THEN_NEW_SENTENCE)) {
    const end = match.index + match[0].length
    if (end >= segment.length) continue
    pieces.push(segment.slice(cursor, end))
    cursor = end
  }
  pieces.push(segment.slice(cursor))
  return pieces.filter((p) => p !== '')
}

/** Enough of a sentence's end to see an abbreviation or "am 3." (the patterns are anchored at the end). */
const TAIL_LENGTH = 48

function wronglySplit(before: string, after: string): boolean {
  // A break must fall after whitespace: never inside a word, URL or number ("foo.Bar!baz").
  if (!/\s$/u.test(before)) return true
  const head = before.trimEnd().slice(-TAIL_LENGTH)
  const next = after.trimStart().slice(0, TAIL_LENGTH)
  // Whitespace alone (a blank line) is not a sentence: it stays with the one before.
  if (next === '') return true
  // A line break is a real boundary (lists, headings), whatever precedes it.
  if (/\n\s*$/u.test(before)) return false
  // A quotation is one thought: "Jedes gute Gespräch … Liebe. Wenn wir … werden." stays whole,
  // so no post ends inside it with its closing quote left behind.
  if (before.length < QUOTE_SPAN && insideQuotation(before)) return true
  if (NEVER_FINAL_AT_END.test(head)) return true
  if (SPLIT_ABBREVIATION_HEADS.test(head) && SPLIT_ABBREVIATION_TAILS.test(next)) return true
  const startsLowerOrDigit = /^[\p{Ll}\p{N}]/u.test(next)
  if (MAYBE_FINAL_AT_END.test(head) && startsLowerOrDigit) return true
  const ordinal = ORDINAL_AT_END.exec(head)
  if (ordinal) {
    if (MONTH_AT_START.test(next) || startsLowerOrDigit) return true
    const lead = ordinal[1]?.toLowerCase()
    if (lead !== undefined && ORDINAL_LEAD_WORDS.has(lead)) return true
  }
  return false
}

/** Beyond this a quote mark is more likely stray (an inch, a typo) than a quotation still open. */
const QUOTE_SPAN = 400

/**
 * True if `text` leaves a quotation open: an odd number of straight double quotes, or more
 * opening than closing typographic ones („…“ and »…« in German, “…” in English; “ closes in
 * German and opens in English, so it is weighed against „ when there are any).
 */
function insideQuotation(text: string): boolean {
  let straight = 0
  let low = 0 // „
  let leftDouble = 0 // “
  let rightDouble = 0 // ”
  let pointingRight = 0 // »
  let pointingLeft = 0 // «
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit === 0x22) straight++
    else if (unit < 0xab) continue
    else if (unit === 0x201e) low++
    else if (unit === 0x201c) leftDouble++
    else if (unit === 0x201d) rightDouble++
    else if (unit === 0xbb) pointingRight++
    else if (unit === 0xab) pointingLeft++
  }
  if (straight % 2 === 1) return true
  if (low > 0) return low > leftDouble + rightDouble
  if (leftDouble > rightDouble) return true
  // »…« (German) or «…» (French, Swiss): either way the counts differ while one is open.
  return pointingRight !== pointingLeft
}
