import { splitSentences } from '../compose/sentences'
import type { Language } from '../domain/draft'
import { countWords } from '../text/words'
import { CLICHES_DE, FILLER_DE, PARTICIPLES_DE, PASSIVE_AUXILIARIES_DE } from './lists/de'
import { retextFindings } from './english'
import { CLICHES_EN, FILLER_EN, PASSIVE_AUXILIARIES_EN } from './lists/en'
import type { Finding, StyleOptions } from './types'

/**
 * Style hints on plain text (one paragraph at a time): long sentences, filler words, passive
 * voice, clichés and buzzwords, repeated words, doubled spaces and, in German, "…" or “…” where
 * „…“ belongs. Heuristics, shown as soft hints: they point at a passage, the author decides.
 * English adds the retext plugins' hints (english.ts); German uses Longhand's lists (lists/de.ts).
 */
export function checkStyle(text: string, options: StyleOptions): Finding[] {
  return checkStyleAll([text], options)[0]!
}

/** checkStyle for many paragraphs at once (the retext plugins run once for the whole batch). */
export function checkStyleAll(texts: readonly string[], options: StyleOptions): Finding[][] {
  const fromPackages = options.language === 'en' ? retextFindings(texts) : null
  return texts.map((text, i) => settle([...ownFindings(text, options), ...(fromPackages?.[i] ?? [])]))
}

function ownFindings(text: string, options: StyleOptions): Finding[] {
  const { language } = options
  return [
    ...longSentences(text, options),
    ...phrases(text, language === 'de' ? CLICHE_DE : CLICHE_EN, 'cliche'),
    ...phrases(text, language === 'de' ? FILL_DE : FILL_EN, 'filler'),
    ...(language === 'de' ? passiveDe(text) : passiveEn(text)),
    ...repeatedWords(text),
    ...doubledSpaces(text),
    ...(language === 'de' ? germanQuotes(text) : []),
  ]
}

/** One hint per passage, in text order. */
function settle(findings: Finding[]): Finding[] {
  const same = (a: Finding, b: Finding) => a.from === b.from && a.to === b.to
  const fillers = findings.filter((f) => f.kind === 'filler')
  // "very" is both a weak word (retext-intensify) and a wordy one (retext-simplify): the filler hint says it better.
  const kept = findings.filter((f, i) => findings.findIndex((g) => g.kind === f.kind && same(f, g)) === i && !(f.kind === 'cliche' && fillers.some((g) => same(f, g))))
  // A filler inside a cliché ("wirklich" in a flagged phrase) is one hint too many.
  const cliches = kept.filter((f) => f.kind === 'cliche')
  return kept
    .filter((f) => f.kind !== 'filler' || !cliches.some((c) => c.from <= f.from && f.to <= c.to))
    .sort((a, b) => a.from - b.from || a.to - b.to)
}

const L = String.raw`[\p{L}\p{M}\p{N}]`

function phrasePattern(list: readonly string[]): RegExp {
  const escaped = [...list].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`\s+`))
  return new RegExp(`(?<!${L}|-)(?:${escaped.join('|')})(?!${L}|-)`, 'giu')
}

const CLICHE_DE = phrasePattern(CLICHES_DE)
const CLICHE_EN = phrasePattern(CLICHES_EN)
const FILL_DE = phrasePattern(FILLER_DE)
const FILL_EN = phrasePattern(FILLER_EN)

function phrases(text: string, pattern: RegExp, kind: 'cliche' | 'filler'): Finding[] {
  const out: Finding[] = []
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push({ from: m.index, to: m.index + m[0].length, kind, message: kind, params: { phrase: m[0] } })
  }
  return out
}

function longSentences(text: string, { language, maxSentenceWords }: StyleOptions): Finding[] {
  const out: Finding[] = []
  let at = 0
  for (const sentence of splitSentences(text, language)) {
    const words = countWords(sentence)
    if (words > maxSentenceWords) {
      const start = at + (sentence.length - sentence.trimStart().length)
      out.push({ from: start, to: at + sentence.trimEnd().length, kind: 'long-sentence', message: 'long-sentence', params: { words, max: maxSentenceWords } })
    }
    at += sentence.length
  }
  return out
}

const WORD_RUN = new RegExp(`${L}+(?:['’-]${L}+)*`, 'gu')

interface Word {
  text: string
  from: number
  to: number
}

function words(text: string): Word[] {
  const out: Word[] = []
  WORD_RUN.lastIndex = 0
  for (let m = WORD_RUN.exec(text); m !== null; m = WORD_RUN.exec(text)) out.push({ text: m[0], from: m.index, to: m.index + m[0].length })
  return out
}

const AUX_DE = new Set(PASSIVE_AUXILIARIES_DE)
const PARTICIPLE_DE_EXTRA = new Set(PARTICIPLES_DE)
/** Partizip II: ge…t/ge…en (also after a separable prefix: "eingeführt"), …iert, or be-/ver-/er-/ent-/zer-/emp-…t. */
const PARTICIPLE_DE = /^(?:\p{L}*ge\p{L}{2,}(?:t|en)|\p{L}+iert|(?:be|ver|er|ent|zer|emp|miss|über)\p{L}{2,}t)$/u
/** How far after the auxiliary the participle may stand (German puts it at the clause's end). */
const PASSIVE_SPAN = 12

function passiveDe(text: string): Finding[] {
  const out: Finding[] = []
  const list = words(text)
  for (let i = 0; i < list.length; i++) {
    const aux = list[i]!
    if (!AUX_DE.has(aux.text.toLowerCase())) continue
    for (let j = i + 1; j < Math.min(list.length, i + 1 + PASSIVE_SPAN); j++) {
      const w = list[j]!
      // The clause ends at punctuation: the participle must be in the same clause.
      if (/[.,;:!?]/u.test(text.slice(list[j - 1]!.to, w.from))) break
      const lower = w.text.toLowerCase()
      // Nouns are capitalised in German; a participle is not (except at a sentence start).
      if (w.text !== lower) continue
      if (PARTICIPLE_DE.test(lower) || PARTICIPLE_DE_EXTRA.has(lower)) {
        out.push({ from: aux.from, to: w.to, kind: 'passive', message: 'passive' })
        i = j
        break
      }
    }
  }
  return out
}

const AUX_EN = new Set(PASSIVE_AUXILIARIES_EN)
/** Words in -ed that are not participles ("is red", "a need"). Irregular participles are retext-passive's. */
const NOT_PARTICIPLE_EN = new Set(['need', 'red', 'bed', 'shed', 'speed', 'seed', 'feed', 'bleed', 'breed', 'creed', 'deed', 'greed', 'heed', 'weed'])

/** Regular participles ("was published", "is often used" with an adverb between); retext-passive has the irregular ones. */
function passiveEn(text: string): Finding[] {
  const out: Finding[] = []
  const list = words(text)
  for (let i = 0; i < list.length; i++) {
    const aux = list[i]!
    if (!AUX_EN.has(aux.text.toLowerCase().replace('’', "'"))) continue
    // "was quickly published", "is not used": one adverb or "not" may stand between.
    for (let j = i + 1; j <= Math.min(list.length - 1, i + 2); j++) {
      const w = list[j]!
      if (/[.,;:!?]/u.test(text.slice(list[j - 1]!.to, w.from))) break
      const lower = w.text.toLowerCase()
      if (lower.endsWith('ed') && lower.length > 3 && !NOT_PARTICIPLE_EN.has(lower)) {
        out.push({ from: aux.from, to: w.to, kind: 'passive', message: 'passive' })
        i = j
        break
      }
      if (!(lower.endsWith('ly') || lower === 'not' || lower === 'being')) break
    }
  }
  return out
}

function repeatedWords(text: string): Finding[] {
  const out: Finding[] = []
  const list = words(text)
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1]!
    const b = list[i]!
    // Only whitespace between: "die, die" and "that that" across a line break of a list are fine.
    if (!/^[ \t\u00a0]+$/u.test(text.slice(a.to, b.from))) continue
    if (a.text.toLowerCase() !== b.text.toLowerCase() || /\p{N}/u.test(a.text)) continue
    out.push({ from: a.from, to: b.to, kind: 'repeated-word', message: 'repeated-word', params: { word: b.text }, suggestions: [a.text] })
  }
  return out
}

function doubledSpaces(text: string): Finding[] {
  const out: Finding[] = []
  for (const m of text.matchAll(/(?<=\S)[ \u00a0]{2,}(?=\S)/gu)) {
    out.push({ from: m.index, to: m.index + m[0].length, kind: 'double-space', message: 'double-space', suggestions: [' '] })
  }
  return out
}

/**
 * German opens quotes low („) and closes them high (“). Straight quotes and English-style “…”
 * (or ”) are marked with the right character as the suggestion.
 */
function germanQuotes(text: string): Finding[] {
  const out: Finding[] = []
  for (const m of text.matchAll(/["“”]/gu)) {
    const before = m.index === 0 ? '' : text[m.index - 1]!
    const after = text[m.index + 1] ?? ''
    const opening = (before === '' || /[\s([{\u2014\u2013-]/u.test(before)) && after !== '' && !/\s/u.test(after)
    const right = opening ? '„' : '“'
    if (m[0] === right) continue
    out.push({ from: m.index, to: m.index + 1, kind: 'german-quotes', message: opening ? 'german-quotes-open' : 'german-quotes-close', suggestions: [right] })
  }
  return out
}
