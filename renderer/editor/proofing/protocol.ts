import type { Language } from '@shared/domain'
import type { Finding } from '@shared/proofing'

/** One text block to check; `key` lets the main thread match the answer to its cache. */
export interface BlockToCheck {
  key: string
  text: string
}

export interface CheckOptions {
  language: Language
  style: boolean
  maxSentenceWords: number
  /** The user's dictionary and this draft's ignored words. */
  words: string[]
  ignored: string[]
}

export type ProofingRequest =
  | { id: number; type: 'check'; blocks: BlockToCheck[]; options: CheckOptions }
  | { id: number; type: 'suggest'; word: string; language: Language }
  | { id: number; type: 'stats' }

export interface BlockResult {
  key: string
  findings: Finding[]
}

export type ProofingResponse =
  | { id: number; type: 'check'; results: BlockResult[]; loadMs: number | null; checkMs: number }
  | { id: number; type: 'suggest'; suggestions: string[] }
  | { id: number; type: 'stats'; heapBytes: number | null; loadMs: Partial<Record<Language, number>> }
  | { id: number; type: 'error'; message: string }
