import type { Language } from '../domain/draft'

export type SpellingKind = 'spelling'
export type StyleKind =
  | 'long-sentence'
  | 'filler'
  | 'passive'
  | 'cliche'
  | 'repeated-word'
  | 'double-space'
  | 'german-quotes'
export type FindingKind = SpellingKind | StyleKind

export const STYLE_KINDS: readonly StyleKind[] = ['long-sentence', 'filler', 'passive', 'cliche', 'repeated-word', 'double-space', 'german-quotes']

/**
 * One thing the proofreader noticed in a piece of plain text. `from`/`to` are UTF-16 offsets into
 * that text (end exclusive); `message` is an i18n key under `proofing.findings.*`, `params` fill
 * its placeholders.
 */
export interface Finding {
  from: number
  to: number
  kind: FindingKind
  message: string
  params?: Record<string, string | number>
  suggestions?: string[]
}

export interface StyleOptions {
  language: Language
  /** Sentences with more words than this are marked. */
  maxSentenceWords: number
}
