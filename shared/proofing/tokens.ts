/**
 * Words to spell-check in a piece of plain text. Skipped on purpose, because no dictionary knows
 * them and marking them would only be noise: URLs, e-mail addresses, #hashtags, @mentions (also
 * Mastodon's @user@server), `code`, anything with a digit, and ALL-CAPS acronyms ("DSGVO", "SEO").
 */

export interface WordToken {
  /** The word as written (typographic apostrophes kept). */
  text: string
  from: number
  to: number
}

/** Spans no word may come from. Order matters: e-mail before mention, URL before everything. */
const SKIPPED = new RegExp(
  [
    String.raw`\b(?:https?|ftp|mailto):\/\/?[^\s<>"'„“”]+`,
    String.raw`\bwww\.[^\s<>"'„“”]+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`,
    String.raw`(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]+(?:@[\p{L}\p{N}.-]+)?`,
    String.raw`(?<![\p{L}\p{N}&])#[\p{L}\p{N}_]+`,
    '`[^`\\n]*`',
    // Domain-like tokens without a scheme ("longhand.app", "example.co.uk/x").
    String.raw`(?<![\p{L}\p{N}@])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|de|at|ch|io|app|dev|eu|uk|info|social)\b(?:\/[^\s]*)?`,
  ].join('|'),
  'gu',
)

/** Letters (with combining marks), joined inside by apostrophes, hyphens or soft hyphens. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\u00ad-][\p{L}\p{M}\p{N}]+)*/gu

export function wordTokens(text: string): WordToken[] {
  const skipped: Array<[number, number]> = []
  SKIPPED.lastIndex = 0
  for (let m = SKIPPED.exec(text); m !== null; m = SKIPPED.exec(text)) skipped.push([m.index, m.index + m[0].length])
  const tokens: WordToken[] = []
  let s = 0
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const from = m.index
    const to = from + m[0].length
    while (s < skipped.length && skipped[s]![1] <= from) s++
    if (s < skipped.length && skipped[s]![0] < to) continue
    if (!isCheckable(m[0])) continue
    tokens.push({ text: m[0], from, to })
  }
  return tokens
}

function isCheckable(word: string): boolean {
  if (/\p{N}/u.test(word)) return false
  // A single letter ("a", "I", "z" in "z. B.") is never worth a mark.
  if (word.length < 2) return false
  return !isAcronym(word)
}

/** "DSGVO", "SEO", "URLs", "KI-Tools" parts are checked separately by the caller. */
export function isAcronym(word: string): boolean {
  const letters = word.replace(/['’]s$|s$/u, '')
  return letters.length >= 2 && /^\p{Lu}+$/u.test(letters)
}

/** The parts of a hyphenated compound ("Social-Media-Manager"), each with its own offsets. */
export function hyphenParts(token: WordToken): WordToken[] {
  const parts: WordToken[] = []
  let at = token.from
  for (const piece of token.text.split(/[-\u00ad]/u)) {
    parts.push({ text: piece, from: at, to: at + piece.length })
    at += piece.length + 1
  }
  return parts
}
