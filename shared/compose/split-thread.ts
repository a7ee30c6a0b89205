import type { Language } from '../domain/draft'
import { graphemes } from '../platforms/counting'
import type { PlatformId } from '../platforms/ids'
import { buildCostModel, type CostModel } from '../platforms/cost-model'
import { fits, measure } from '../platforms/measure'
import { effectiveLimit, type PlatformSettingsInput, type ThreadNumbering } from '../platforms/settings'
import { removeRefusedCharacters } from './clean'
import { isHeading } from './passage'
import { splitSentences } from './sentences'

export interface SplitThreadOptions {
  /** Default: the settings' thread numbering, else "1/4". */
  numbering?: ThreadNumbering
  settings?: PlatformSettingsInput
  /** Language for sentence boundaries (German abbreviations, ordinals). Default 'de'. */
  language?: Language
}

/** A line holding only three or more hyphens: the author's own "break the thread here". */
const MANUAL_BREAK = /^[ \t]*-{3,}[ \t]*$/gmu

function splitAtManualBreaks(text: string): string[] {
  // String.split with a multiline RegExp is slow in V8; most texts have no break at all.
  if (!text.includes('---')) return [text]
  const chunks: string[] = []
  let cursor = 0
  for (const match of text.matchAll(MANUAL_BREAK)) {
    chunks.push(text.slice(cursor, match.index))
    cursor = match.index + match[0].length
  }
  chunks.push(text.slice(cursor))
  return chunks
}

export function numberingSuffix(style: ThreadNumbering, index: number, total: number): string {
  switch (style) {
    case '1/4':
      return ` ${index}/${total}`
    case '(1/4)':
      return ` (${index}/${total})`
    case 'none':
      return ''
  }
}

/** Removes the numbering `splitThread` appended (for tests and for editing a part back). */
export function stripNumbering(part: string, style: ThreadNumbering): string {
  switch (style) {
    case '1/4':
      return part.replace(/ \d+\/\d+$/u, '')
    case '(1/4)':
      return part.replace(/ \(\d+\/\d+\)$/u, '')
    case 'none':
      return part
  }
}

/**
 * Splits a passage into a thread for `platform`: at paragraphs first, then sentences, then
 * clauses, then words, so no part ends inside a word, URL, hashtag or mention. A line with
 * `---` forces a break. Every part, numbering included, fits the platform (measured with the
 * same `measure` the UI uses). A text that fits in one post comes back whole, unnumbered.
 *
 * Last resort: a single "word" longer than a whole post (a pathological run without spaces)
 * is cut between graphemes; nothing else is ever cut inside a word. The invisible characters
 * X refuses (BOM, U+FFFE, U+FFFF) are dropped first.
 */
export function splitThread(platform: PlatformId, text: string, options: SplitThreadOptions = {}): string[] {
  const settings = options.settings
  const style = options.numbering ?? settings?.threadNumbering ?? '1/4'
  const language = options.language ?? 'de'
  const chunks = splitAtManualBreaks(removeRefusedCharacters(text))
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => new Chunk(platform, chunk, language, settings))
  if (chunks.length === 0) return []

  if (chunks.length === 1 && chunks[0]!.fitsWhole()) return [chunks[0]!.text.trim()]
  if (style === 'none') return chunks.flatMap((chunk) => chunk.pack(''))

  // Reserve room for the widest number ("12/12") in every part. More digits can mean more
  // parts, so repeat until the part count needs no wider suffix than was reserved. Starting
  // from the estimated count usually saves the repeat.
  const limit = effectiveLimit(platform, settings)
  const estimatedParts = chunks.reduce((sum, chunk) => sum + Math.ceil(chunk.estimatedUsed() / limit), 0)
  // Only the packing that is kept is confirmed with `measure` (the costly step on X): a packing
  // that needs a wider number is thrown away unconfirmed.
  let total = 10 ** String(Math.max(estimatedParts, 1)).length - 1
  const digits = (count: number) => String(count).length
  let parts: string[]
  for (;;) {
    const reserved = numberingSuffix(style, total, total)
    const estimated = chunks.reduce((sum, chunk) => sum + chunk.pack(reserved, false).length, 0)
    if (digits(estimated) > digits(total)) {
      total = 10 ** digits(estimated) - 1
      continue
    }
    parts = chunks.flatMap((chunk) => chunk.pack(reserved, true))
    if (digits(parts.length) <= digits(total)) break
    total = 10 ** digits(parts.length) - 1
  }
  if (parts.length === 1) return parts
  // Each part was measured with the widest number reserved; its own number is never wider.
  return parts.map((part, i) => part + numberingSuffix(style, i + 1, parts.length))
}

type Level = 'chunk' | 'paragraph' | 'sentence' | 'clause' | 'word' | 'grapheme'
const NEXT_LEVEL: Record<Level, Level | null> = {
  chunk: 'paragraph',
  paragraph: 'sentence',
  sentence: 'clause',
  clause: 'word',
  word: 'grapheme',
  grapheme: null,
}

/** Half-open range into the chunk. Units at one level partition their parent, whitespace included. */
interface Span {
  start: number
  end: number
}

type SpanCheck = (start: number, end: number) => boolean

/** A part this full ends at the boundary before a unit that has to be cut (see `place`). */
const FULL_ENOUGH = 0.5

/** One stretch of text between manual breaks, packed into parts on its own. */
class Chunk {
  private readonly model: CostModel | null

  constructor(
    private readonly platform: PlatformId,
    readonly text: string,
    private readonly language: Language,
    private readonly settings: PlatformSettingsInput | undefined,
  ) {
    this.model = buildCostModel(platform, text, settings)
  }

  /** What the whole chunk counts (estimated; 0 if there is no model: then numbering starts at one digit). */
  estimatedUsed(): number {
    return this.model ? this.model.used(0, this.text.length) : 0
  }

  fitsWhole(): boolean {
    const { start, end } = trimSpan(this.text, { start: 0, end: this.text.length })
    if (this.model && !this.model.fitsWith('')(start, end)) return false
    return fits(this.platform, this.text.slice(start, end), this.settings)
  }

  /** The last packing, so confirming it needs no second packing. */
  private packed: { reserved: string; parts: string[]; confirmed: boolean } | null = null

  /**
   * Parts (trimmed, without numbering) that each fit with `reserved` appended. Unconfirmed,
   * they may be the model's packing as it stands: good for counting parts, not for posting.
   */
  pack(reserved: string, confirmed = true): string[] {
    let packed = this.packed?.reserved === reserved ? this.packed : null
    if (packed === null) {
      packed = this.model
        ? { reserved, parts: this.packWith(this.model.fitsWith(reserved), reserved), confirmed: false }
        : { reserved, parts: this.packExactly(reserved), confirmed: true }
      this.packed = packed
    }
    if (!confirmed || packed.confirmed) return packed.parts
    // The model prices simple text exactly; confirm with the real measure all the same.
    const fitAll = packed.parts.every((part) => fits(this.platform, part + reserved, this.settings))
    this.packed = { reserved, parts: fitAll ? packed.parts : this.packExactly(reserved), confirmed: true }
    return this.packed.parts
  }

  private packExactly(reserved: string): string[] {
    return this.packWith((start, end) => fits(this.platform, this.text.slice(start, end) + reserved, this.settings), reserved)
  }

  /**
   * True if sentence `i` (a paragraph's last) does not fit after the current part but fits
   * together with the sentence before it, which is already in the current part after other
   * text. Then moving both keeps a non-empty part behind and the pair together.
   */
  private wouldBeWidow(units: Span[], i: number, current: Span | null, fitsTrimmed: SpanCheck): boolean {
    if (!current) return false
    const previous = units[i - 1]!
    const sentence = units[i]!
    if (current.end !== previous.end || current.start >= previous.start) return false
    if (this.text.slice(current.start, previous.start).trim() === '') return false
    if (fitsTrimmed(current.start, sentence.end)) return false
    return fitsTrimmed(previous.start, sentence.end)
  }

  /** How much of the limit a part would use, 0..1 (from the model where there is one). */
  private fullness(span: Span, reserved: string): number {
    const limit = effectiveLimit(this.platform, this.settings)
    const { start, end } = trimSpan(this.text, span)
    // The numbering is digits, a slash, a space: one unit per character on every platform.
    if (this.model) return (this.model.used(start, end) + reserved.length) / limit
    return measure(this.platform, this.text.slice(start, end) + reserved, this.settings).used / limit
  }

  private packWith(check: SpanCheck, reserved: string): string[] {
    const { text, platform, language } = this
    const parts: string[] = []
    let current: Span | null = null
    const fitsTrimmed = (start: number, end: number) => {
      const span = trimSpan(text, { start, end })
      return check(span.start, span.end)
    }
    const flush = () => {
      if (current) {
        const part = text.slice(current.start, current.end).trim()
        if (part !== '') parts.push(part)
      }
      current = null
    }
    const place = (unit: Span, level: Level): void => {
      if (isBlank(text, unit.start, unit.end)) {
        if (current) current = { start: current.start, end: unit.end }
        return
      }
      if (current && fitsTrimmed(current.start, unit.end)) {
        current = { start: current.start, end: unit.end }
        return
      }
      // "Oder in buddhistischen Worten:" belongs to what it introduces: the part ends before
      // that line, and the line opens the next part with the unit, where they fit together.
      if (current !== null && endsWithLeadIn(text, current)) {
        let lead = lastBlockStart(text, current)
        // A heading above the lead-in goes along with it.
        if (lead > current.start && endsWithHeading(text, { start: current.start, end: lead })) lead = lastBlockStart(text, { start: current.start, end: lead })
        if (lead > current.start && fitsTrimmed(lead, unit.end)) {
          current = { start: current.start, end: lead }
          flush()
          current = { start: lead, end: unit.end }
          return
        }
      }
      const next = NEXT_LEVEL[level]
      // A heading belongs to the text below it: rather than end a part on one, fill the part
      // with the first pieces of the next unit.
      // Looked at only when a part would end here: most placements never need it.
      // A heading is never left at a part's end for the sake of a whole unit; but it is not
      // worth tearing a word apart for (no descent to graphemes).
      const canDescend = next !== null && next !== 'grapheme'
      if (fitsTrimmed(unit.start, unit.end) && !(current !== null && canDescend && endsOpen(text, current))) {
        flush()
        current = unit
        return
      }
      if (next === null) {
        throw new RangeError(`The ${platform} limit is too small for even one character plus numbering`)
      }
      // The unit must be cut at a finer boundary. If the current part is already well filled,
      // end it here, at the better boundary; otherwise let the unit's first pieces fill it.
      if (current && this.fullness(current, reserved) >= FULL_ENOUGH && !(canDescend && endsOpen(text, current))) flush()
      const units = children(text, unit, next, language)
      const last = lastNonBlank(text, units)
      for (let i = 0; i < units.length; i++) {
        if (next === 'sentence' && i === last && i > 0 && this.wouldBeWidow(units, i, current, fitsTrimmed)) {
          // A paragraph's last sentence would open the next part alone: take the sentence
          // before it along, so the thought is not torn from its conclusion.
          current = { start: current!.start, end: units[i - 1]!.start }
          flush()
          current = { start: units[i - 1]!.start, end: units[i]!.end }
          continue
        }
        place(units[i]!, next)
      }
    }
    place({ start: 0, end: text.length }, 'chunk')
    flush()
    return parts
  }
}

/** The span without the whitespace at its ends (what a part shows). */
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span
  while (start < end && isSpace(text.charCodeAt(start))) start++
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--
  return { start, end }
}

/** Headings are short (see isHeading): only the end of the part is looked at. */
const HEADING_WINDOW = 120
/** No heading ends with these (see isHeading); most parts do, which makes the check cheap. */
const CLOSING = new Set('.!?…:;,"“”»«')
const BLANK_LINE_AHEAD = /^[ \t]*\n[ \t]*\n/u

/**
 * True if the part ends with a heading: a whole block (a blank line or the chunk's start before
 * it, a blank line after it) that looks like one. A part cut inside a paragraph never does.
 */
function endsWithHeading(text: string, span: Span): boolean {
  const end = trimSpan(text, span).end
  if (end <= span.start || CLOSING.has(text[end - 1]!)) return false
  if (!BLANK_LINE_AHEAD.test(text.slice(end, end + 8))) return false
  const from = Math.max(span.start, end - HEADING_WINDOW)
  const tail = text.slice(from, end)
  const blank = tail.lastIndexOf('\n\n')
  if (blank < 0) {
    // The block must start at the part's start, and that at the chunk's start or after a blank line.
    if (from > span.start) return false
    const start = trimSpan(text, span).start
    const before = text.slice(Math.max(0, start - 8), start)
    if (start > 0 && !/\n[ \t]*\n[ \t]*$/u.test(before) && !(start <= 8 && before.trim() === '')) return false
  }
  return isHeading(blank < 0 ? tail : tail.slice(blank + 2))
}

/** True if the part ends on a heading or a lead-in: what it introduces must follow in the same part. */
function endsOpen(text: string, span: Span): boolean {
  return endsWithLeadIn(text, span) || endsWithHeading(text, span)
}

/** True if the part ends with a colon at a line's end: a line that leads into the next block. */
function endsWithLeadIn(text: string, span: Span): boolean {
  const end = trimSpan(text, span).end
  return end > span.start && text.charCodeAt(end - 1) === 58 /* : */ && /^[ \t]*\n/u.test(text.slice(end, end + 4))
}

/** Where the part's last block (after its last blank line) starts; the part's start if it has one block. */
function lastBlockStart(text: string, span: Span): number {
  const end = trimSpan(text, span).end
  const blank = text.lastIndexOf('\n\n', end - 1)
  if (blank < span.start) return span.start
  return trimSpan(text, { start: blank, end }).start
}

/** Index of the last unit with any text in it, or -1. */
function lastNonBlank(text: string, units: Span[]): number {
  for (let i = units.length - 1; i >= 0; i--) if (!isBlank(text, units[i]!.start, units[i]!.end)) return i
  return -1
}

/** text.slice(start, end).trim() === '', without making the slice. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false
  return true
}

/** What String.prototype.trim removes: ASCII whitespace the quick way, the rest by \s. */
function isSpace(unit: number): boolean {
  if (unit < 128) return unit === 32 || (unit >= 9 && unit <= 13)
  return WHITESPACE.test(String.fromCharCode(unit))
}
const WHITESPACE = /^\s$/u

/** The units of `level` inside `span`, partitioning it. */
function children(chunk: string, span: Span, level: Level, language: Language): Span[] {
  const text = chunk.slice(span.start, span.end)
  const pieces = piecesAt(text, level, language)
  const out: Span[] = []
  let offset = span.start
  for (const piece of pieces) {
    out.push({ start: offset, end: offset + piece.length })
    offset += piece.length
  }
  return out
}

function piecesAt(text: string, level: Level, language: Language): readonly string[] {
  switch (level) {
    case 'chunk':
      return [text]
    case 'paragraph':
      return splitParagraphs(text)
    case 'sentence':
      return splitSentences(text, language)
    case 'clause':
      // After a comma, semicolon or colon, or after a spaced dash, when whitespace follows.
      // DO NOT break before the dash: a part must never start with one.
      return splitAfter(text, /[,;:]\s+|\s[–—]\s+/gu)
    case 'word':
      return splitAfter(text, /\s+/gu)
    case 'grapheme':
      return graphemes(text)
  }
}

/** Paragraphs with the blank lines after them; they partition `text`. */
export function splitParagraphs(text: string): string[] {
  return splitAfter(text, /\n[ \t]*\n\s*/gu)
}

/** Pieces ending right after each match of `separator` (global); they partition `text`. */
function splitAfter(text: string, separator: RegExp): string[] {
  const pieces: string[] = []
  let cursor = 0
  for (const match of text.matchAll(separator)) {
    const end = match.index + match[0].length
    if (end <= cursor || end >= text.length) continue
    pieces.push(text.slice(cursor, end))
    cursor = end
  }
  pieces.push(text.slice(cursor))
  return pieces
}
