import retextEnglish from 'retext-english'
import retextIntensify from 'retext-intensify'
import retextPassive from 'retext-passive'
import retextSimplify from 'retext-simplify'
import { unified } from 'unified'
import type { Finding } from './types'

/**
 * English style hints from maintained packages (issue 11: use them rather than re-typing their
 * lists), all pure ESM and MIT-licensed:
 * - retext-intensify (lists of the `fillers`, `hedges` and `weasels` packages) → kind "filler",
 *   with the package's own category as the message (filler, hedge, weasel word);
 * - retext-passive (a form of "to be" before an irregular past participle) → kind "passive";
 * - retext-simplify (the Plain English Campaign's wordy phrases, with simpler words) → kind
 *   "cliche" (cliché or wordy phrase), its replacements offered as suggestions.
 */

/** The part of a VFile message the mapping reads (vfile-message). */
interface RetextMessage {
  source?: string | null
  ruleId?: string | null
  place?: { start: { offset?: number }; end: { offset?: number } } | { offset?: number } | null
  actual?: string | null
  expected?: string[] | null
}

let collected: RetextMessage[] = []

/** The last step of the pipeline: keeps the file's messages (a VFile is never built by hand here). */
function collectMessages() {
  return (_tree: unknown, file: { messages: RetextMessage[] }) => {
    collected = file.messages
  }
}

const pipeline = unified().use(retextEnglish).use(retextPassive).use(retextSimplify).use(retextIntensify).use(collectMessages).freeze()

/**
 * Paragraphs separate the texts in one document: the plugins build their phrase index once per
 * run (nlcst-search), so one run over a batch is several times faster than one per text, and no
 * phrase can match across two texts (matches stay inside a sentence).
 */
const SEPARATOR = '\n\n'

/** The retext findings of each text, offsets into that text. */
export function retextFindings(texts: readonly string[]): Finding[][] {
  const out: Finding[][] = texts.map(() => [])
  const starts: number[] = []
  let at = 0
  for (const text of texts) {
    starts.push(at)
    at += text.length + SEPARATOR.length
  }
  const joined = texts.join(SEPARATOR)
  collected = []
  pipeline.runSync(pipeline.parse(joined), joined)
  for (const message of collected) {
    const span = offsets(message)
    if (!span) continue
    const index = blockAt(starts, span.from)
    const start = starts[index]!
    const text = texts[index]!
    const finding = toFinding(message, text, span.from - start, span.to - start)
    if (finding && finding.to <= text.length) out[index]!.push(finding)
  }
  collected = []
  return out
}

function offsets(message: RetextMessage): { from: number; to: number } | null {
  const place = message.place
  if (!place || !('start' in place)) return null
  const { offset: from } = place.start
  const { offset: to } = place.end
  return from === undefined || to === undefined || to <= from ? null : { from, to }
}

function blockAt(starts: number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The form of "to be" retext-passive found right before the participle: the mark covers both ("was written"). */
const BE_BEFORE = /(?:^|[^\p{L}])(\p{L}+)\s+$/u

function toFinding(message: RetextMessage, text: string, from: number, to: number): Finding | null {
  const phrase = message.actual ?? text.slice(from, to)
  switch (message.source) {
    case 'retext-intensify': {
      const category = message.ruleId === 'hedge' || message.ruleId === 'weasel' ? message.ruleId : 'filler'
      return { from, to, kind: 'filler', message: category, params: { phrase } }
    }
    case 'retext-passive': {
      const be = BE_BEFORE.exec(text.slice(Math.max(0, from - 40), from))
      return { from: be ? from - be[0].length + be[0].indexOf(be[1]!) : from, to, kind: 'passive', message: 'passive' }
    }
    case 'retext-simplify': {
      const simpler = message.expected ?? []
      return simpler.length > 0
        ? { from, to, kind: 'cliche', message: 'wordy', params: { phrase, simpler: simpler.join(', ') }, suggestions: simpler }
        : { from, to, kind: 'cliche', message: 'wordy-omit', params: { phrase } }
    }
    default:
      return null
  }
}
