import type { EditorDoc } from '@shared/domain'

/**
 * Deterministic text for benchmarks with a Zipf distribution over a 20,000-word vocabulary,
 * like natural language: the top words are in every draft, rank ~100 words in a fraction of
 * them, rank ~15,000 words in a handful. Real German words sit at chosen ranks so the named
 * benchmark queries hit known frequency classes.
 */
const VOCABULARY_SIZE = 20_000
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vi', 'so', 'de', 'ber', 'gen', 'ung', 'schaft', 'lich', 'kei', 'ter', 'an', 'ein', 'aus', 'ge']
export const PLANTED: Record<number, string> = {
  0: 'und',
  1: 'die',
  2: 'Dialog',
  40: 'Gespräch',
  45: 'Strategie',
  120: 'Augenhöhe',
  300: 'Verbindung',
  301: 'verbindlich',
  15_000: 'Leuchtturm',
}

function vocabulary(): string[] {
  const words: string[] = []
  for (let i = 0; i < VOCABULARY_SIZE; i++) {
    if (PLANTED[i]) {
      words.push(PLANTED[i]!)
      continue
    }
    let n = i
    let word = ''
    do {
      word += SYLLABLES[n % SYLLABLES.length]
      n = Math.floor(n / SYLLABLES.length)
    } while (n > 0)
    words.push(word + 'en')
  }
  return words
}

const VOCAB = vocabulary()
/** Cumulative Zipf weights (s = 1) for inverse-transform sampling. */
const CUMULATIVE = (() => {
  const c = new Float64Array(VOCABULARY_SIZE)
  let sum = 0
  for (let r = 0; r < VOCABULARY_SIZE; r++) c[r] = sum += 1 / (r + 1)
  for (let r = 0; r < VOCABULARY_SIZE; r++) c[r]! /= sum
  return c
})()

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function sampleWord(random: () => number): string {
  const x = random()
  let lo = 0
  let hi = VOCABULARY_SIZE - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (CUMULATIVE[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return VOCAB[lo]!
}

export function words(count: number, random: () => number): string[] {
  return Array.from({ length: count }, () => sampleWord(random))
}

/** A document of about `wordCount` words: a heading every ~600 words, paragraphs of ~80. */
export function generatedDoc(wordCount: number, seed = 1): EditorDoc {
  const random = rng(seed)
  const content: EditorDoc['content'] = []
  let written = 0
  let section = 1
  while (written < wordCount) {
    if (written % 600 < 80) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Abschnitt ${section++}` }] })
    const n = Math.min(80, wordCount - written)
    const sentence = words(n, random).join(' ')
    content.push({ type: 'paragraph', content: [{ type: 'text', text: sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.' }] })
    written += n
  }
  return { type: 'doc', content }
}
