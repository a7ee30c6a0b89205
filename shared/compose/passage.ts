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

/**
 * A heading: a block of one short line without closing punctuation, followed by more text
 * ("Social Media Marketing braucht Soft Skills"). Markdown "#" lines count as well.
 */
export function isHeading(block: string): boolean {
  const line = block.trim()
  if (line === '' || line.includes('\n') || line.length > 90) return false
  if (/^#{1,6}\s/u.test(line)) return true
  if (/[.!?…:;,"“”»«)\]]$/u.test(line) || /^[•\-–—*]/u.test(line)) return false
  if (!/^[\p{Lu}\p{N}„"“»«]/u.test(line)) return false
  return line.split(/\s+/u).length <= 12
}

/**
 * The passage for a thread: a manual break ("---") before every heading that follows other
 * text, so each heading opens a part and none ends one.
 */
export function breakBeforeHeadings(text: string): string {
  const blocks = text.split(BLOCK_BREAK)
  if (blocks.length < 2) return text
  const out: string[] = []
  blocks.forEach((block, i) => {
    if (i > 0 && i < blocks.length - 1 && isHeading(block) && !/^[ \t]*-{3,}[ \t]*$/mu.test(blocks[i - 1]!.split('\n').pop()!)) {
      out.push('---')
    }
    out.push(block)
  })
  return out.join('\n\n')
}

/** Openers that lean on the sentence before: a hook must stand on its own. */
const CONNECTIVES: Readonly<Record<Language, RegExp>> = {
  de: /^(?:aber|und|denn|doch|oder|also|deshalb|deswegen|daher|darum|dann|dabei|dazu|trotzdem|außerdem|allerdings|jedoch|sondern|nur|auch|schließlich|stattdessen|zudem|ebenso|immerhin|das problem ist nur|das heißt|kurz gesagt|mehr noch|soweit)\b/iu,
  en: /^(?:but|and|so|or|because|also|then|however|yet|still|plus|thus|therefore|instead|besides|moreover|that's why|this is why|in short|even so)\b/iu,
}

/** Pronouns that point back to something said before: such a sentence is weak on its own. */
const ANAPHORA: Readonly<Record<Language, RegExp>> = {
  de: /^(?:er|sie|es|das|dies|diese|dieser|dieses|dort|damit|davon|dafür|hier|ihm|ihr|ihn|so)\b/iu,
  en: /^(?:he|she|it|they|this|that|these|those|there|here|such)\b/iu,
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
  if (length < HOOK_LIMIT.min || length > HOOK_LIMIT.max) return Number.NEGATIVE_INFINITY
  if (sentence.includes('\n')) return Number.NEGATIVE_INFINITY
  // Declarative: ends with a full stop, "!" or "…", perhaps inside closing quotes.
  if (!/[.!…]["'“”»«)]?$/u.test(sentence)) return Number.NEGATIVE_INFINITY
  if (!/^[\p{Lu}\p{N}„"“»«]/u.test(sentence)) return Number.NEGATIVE_INFINITY
  if (CONNECTIVES[language].test(sentence)) return Number.NEGATIVE_INFINITY
  if (/https?:\/\/|www\./u.test(sentence)) return Number.NEGATIVE_INFINITY
  if (sentence.split(/\s+/u).length < 4) return Number.NEGATIVE_INFINITY
  let score = 0
  if (length >= IDEAL_HOOK.min && length <= IDEAL_HOOK.max) score += 1
  // "Social-Media-Fehlbesetzung" carries the term "social media".
  const lower = sentence.toLowerCase().replace(/-/gu, ' ')
  score += Math.min(2, terms.filter((t) => lower.includes(t)).length)
  if (ANAPHORA[language].test(sentence)) score -= 1.5
  // A sentence that closes a paragraph (or the passage) is where the point usually is.
  if (/\n\s*\n/u.test(raw)) score += 0.5
  // The passage's last sentence is where a passage lands: its conclusion.
  if (isLast) score += 0.8
  if (/!["'“”»«)]?$/u.test(sentence)) score += 0.2
  // Earlier is better among equals.
  return score - index * 0.001
}
