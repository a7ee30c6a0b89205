import type { Language } from '../domain/draft'

/**
 * What a passage is made of, as far as posts care: paragraphs, headings and list items.
 * Social platforms show text as typed (no Markdown), so list markers become "•" and
 * Markdown heading marks are dropped.
 */

/** A list item's marker at a line start: "-", "*", "+", "–", "—" or "•", indented or not. */
const LIST_MARKER = /^[ \t]*(?:[-*+–—•])[ \t]+(?=\S)/gmu
const MARKDOWN_HEADING = /^[ \t]*#{1,6}[ \t]+(?=\S)/gmu
/** Blocks are separated by blank lines. */
const BLOCK_BREAK = /\n[ \t]*\n\s*/u

/**
 * List markers as "• " without indentation, Markdown heading marks dropped. A dash is the one
 * thing a part must never start with, and "•" is what people type in posts.
 */
export function normalizeMarkup(text: string): string {
  if (!/^[ \t]*[-*+–—•#]/mu.test(text)) return text
  return text.replace(LIST_MARKER, (marker) => (/^[ \t]*-{3,}/u.test(marker) ? marker : '• ')).replace(MARKDOWN_HEADING, '')
}

/** A heading never ends with these; "(so leicht)" at a heading's end is fine. */
const CLOSING_PUNCTUATION = new Set('.!?…:;,"“”»«')

/**
 * A heading: a block of one short line without closing punctuation, followed by more text
 * ("Social Media Marketing braucht Soft Skills"). Markdown "#" lines count as well.
 */
export function isHeading(block: string): boolean {
  const line = block.trim()
  if (line === '' || line.includes('\n') || line.length > 90) return false
  if (/^#{1,6}\s/u.test(line)) return true
  if (CLOSING_PUNCTUATION.has(line[line.length - 1]!) || /^[•\-–—*]/u.test(line)) return false
  if (!/^[\p{Lu}\p{N}„"“»«]/u.test(line)) return false
  let words = 1
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 32) words++
  return words <= 12
}

/**
 * The passage for a thread: a manual break ("---") before every heading that follows other
 * text, so each heading opens a part and none ends one.
 */
export function breakBeforeHeadings(text: string): string {
  if (!text.includes('\n')) return text
  const blocks = text.split('\n\n')
  // Blank lines with spaces in them are rare; the split on plain "\n\n" is what V8 does fast.
  if (blocks.length < 3) return text
  let changed = false
  for (let i = 1; i < blocks.length - 1; i++) {
    const block = blocks[i]!
    if (block.trim() === '' || !isHeading(block)) continue
    const before = blocks[i - 1]!.trimEnd()
    if (/(?:^|\n)[ \t]*-{3,}$/u.test(before)) continue
    blocks[i] = `---\n\n${block}`
    changed = true
  }
  return changed ? blocks.join('\n\n') : text
}

/** "(Smiley Ball in Riga von Guillaume Speurt unter CC BY-SA 2.0)": a picture's credit line, copied along with the text. */
const IMAGE_CREDIT = /^[ \t]*\([^()\n]*(?:\bCC[ -]?(?:BY|0)\b|\bCC0\b|Foto:|Bild:|Photo:|Image:|Bildquelle|Image credit)[^()\n]*\)[ \t]*(?:\n|$)/gimu

/** The passage without picture credit lines: a post has no picture for them to credit. */
export function dropImageCredits(text: string): string {
  if (!text.includes('(')) return text
  const dropped = text.replace(IMAGE_CREDIT, '')
  return dropped.length === text.length ? text : dropped.replace(/\n[ \t]*\n(?:[ \t]*\n)+/gu, '\n\n')
}

/**
 * The passage without a heading or lead-in line ("…, was Uwe nicht ist:") at its very end: a
 * selection dragged one block too far. What it led into is not in the passage, so no post
 * should end on it. A passage that is nothing else is left as it is.
 */
export function dropDanglingEnd(text: string): string {
  let end = text.trimEnd()
  for (;;) {
    let blank = -1
    for (const match of end.matchAll(/\n[ \t]*\n/gu)) blank = match.index
    if (blank < 0) return end
    const last = end.slice(blank).trim()
    if (last.includes('\n') || !(last.endsWith(':') || isHeading(last))) return end
    end = end.slice(0, blank).trimEnd()
  }
}

/** Openers that lean on the sentence before: a hook must stand on its own. Lowercase. */
const CONNECTIVES: Readonly<Record<Language, readonly string[]>> = {
  de: [
    'aber', 'und', 'denn', 'doch', 'oder', 'also', 'deshalb', 'deswegen', 'daher', 'darum', 'dann', 'dabei', 'dazu',
    'trotzdem', 'außerdem', 'allerdings', 'jedoch', 'sondern', 'nur', 'auch', 'schließlich', 'stattdessen', 'zudem',
    'ebenso', 'immerhin', 'soweit', 'das problem ist nur', 'das heißt', 'kurz gesagt', 'mehr noch',
  ],
  en: [
    'but', 'and', 'so', 'or', 'because', 'also', 'then', 'however', 'yet', 'still', 'plus', 'thus', 'therefore',
    'instead', 'besides', 'moreover', "that's why", 'that’s why', 'this is why', 'in short', 'even so',
  ],
}

/** Pronouns that point back to something said before: such a sentence is weak on its own. */
const ANAPHORA: Readonly<Record<Language, ReadonlySet<string>>> = {
  de: new Set(['er', 'sie', 'es', 'das', 'dies', 'diese', 'dieser', 'dieses', 'dort', 'damit', 'davon', 'dafür', 'hier', 'ihm', 'ihr', 'ihn', 'so']),
  en: new Set(['he', 'she', 'it', 'they', 'this', 'that', 'these', 'those', 'there', 'here', 'such']),
}

/** Conjunctions that open a subordinate clause. */
const SUBORDINATE: Readonly<Record<Language, ReadonlySet<string>>> = {
  de: new Set(['bevor', 'wenn', 'als', 'weil', 'obwohl', 'nachdem', 'während', 'sobald', 'falls', 'damit', 'dass', 'ob', 'seit', 'seitdem']),
  en: new Set(['if', 'when', 'before', 'after', 'while', 'although', 'though', 'since', 'unless', 'once', 'whenever']),
}

/** The sentence's opening, lowercased, ending at the first character that is not a letter or an apostrophe. */
function firstWord(lower: string): string {
  const match = /^[\p{L}'’]+/u.exec(lower)
  return match ? match[0] : ''
}

function startsWithConnective(lower: string, language: Language): boolean {
  const word = firstWord(lower)
  return CONNECTIVES[language].some((c) => c === word || (c.includes(' ') && lower.startsWith(c) && !/\p{L}/u.test(lower[c.length] ?? '')))
}

/** True if `text` holds at least `count` spaces (at least count + 1 words), without splitting it. */
function hasSpaces(text: string, count: number): boolean {
  let at = -1
  for (let found = 0; found < count; found++) {
    at = text.indexOf(' ', at + 1)
    if (at < 0) return false
  }
  return true
}

/**
 * True if `sentence` leans on the one before it ("Sie ist ein Angebot …" after "Sichtbarkeit
 * ist keine …"): where that one moves, this one goes along rather than be left pointing at nothing.
 */
export function leansOnBefore(sentence: string, language: Language): boolean {
  const lower = sentence.trim().toLowerCase()
  return ANAPHORA[language].has(firstWord(lower)) || startsWithConnective(lower, language)
}

const IDEAL_HOOK = { min: 30, max: 120 }
const HOOK_LIMIT = { min: 15, max: 160 }

/**
 * The passage's strongest short sentence, as the hook of a teaser or thread: short,
 * declarative (not a question, no colon at the end), standing on its own (no connective or
 * pronoun leaning on the sentence before), preferably carrying the passage's key terms and
 * closing a paragraph (where writers put their punchlines). Null if no sentence qualifies.
 */
export function pickHook(sentences: readonly string[], language: Language, keyTerms: readonly string[]): string | null {
  let best: string | null = null
  let bestScore = Number.NEGATIVE_INFINITY
  const terms = keyTerms.map((t) => t.toLowerCase()).filter((t) => t !== '')
  const last = sentences.length - 1
  sentences.forEach((raw, i) => {
    const sentence = raw.trim()
    const score = hookScore(sentence, raw, language, terms, i === last, i)
    if (score > bestScore) {
      bestScore = score
      best = sentence
    }
  })
  return best
}

function hookScore(sentence: string, raw: string, language: Language, terms: readonly string[], isLast: boolean, index: number): number {
  const length = sentence.length
  // Cheap checks first: most sentences fail one of them.
  if (length < HOOK_LIMIT.min || length > HOOK_LIMIT.max) return Number.NEGATIVE_INFINITY
  if (sentence.includes('\n') || sentence.endsWith('?') || sentence.endsWith(':')) return Number.NEGATIVE_INFINITY
  // Declarative: ends with a full stop, "!" or "…", perhaps inside closing quotes.
  if (!/[.!…]["'“”»«)]?$/u.test(sentence)) return Number.NEGATIVE_INFINITY
  if (!/^[\p{Lu}\p{N}„"“»«]/u.test(sentence)) return Number.NEGATIVE_INFINITY
  const lowerSentence = sentence.toLowerCase()
  if (startsWithConnective(lowerSentence, language)) return Number.NEGATIVE_INFINITY
  if (sentence.includes('://') || sentence.includes('www.')) return Number.NEGATIVE_INFINITY
  if (!hasSpaces(sentence, 3)) return Number.NEGATIVE_INFINITY
  let score = 0
  if (length >= IDEAL_HOOK.min && length <= IDEAL_HOOK.max) score += 1
  // "Social-Media-Fehlbesetzung" carries the term "social media".
  const lower = lowerSentence.includes('-') ? lowerSentence.replace(/-/gu, ' ') : lowerSentence
  // One key term makes a sentence on topic; more terms make it a list, not a stronger hook.
  if (terms.some((t) => lower.includes(t))) score += 1
  const opening = firstWord(lowerSentence)
  if (ANAPHORA[language].has(opening)) score -= 1.5
  // "Bevor ich …, kläre ich …": the point comes late; a hook states it first.
  if (SUBORDINATE[language].has(opening)) score -= 0.5
  // A sentence that closes a paragraph (or the passage) is where the point usually is.
  if (/\n\s*\n/u.test(raw)) score += 0.5
  // The passage's last sentence is where a passage lands: its conclusion.
  if (isLast) score += 0.8
  if (/!["'“”»«)]?$/u.test(sentence)) score += 0.2
  // Earlier is better among equals.
  return score - index * 0.001
}
