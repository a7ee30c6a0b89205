import { checkStyle, type Finding, type Speller } from '@shared/proofing'
import type { BlockResult, BlockToCheck, CheckOptions } from './protocol'

/** What the worker does with a batch of blocks (pure: the worker only adds loading and messaging). */
export function checkBlocks(speller: Speller, blocks: BlockToCheck[], options: CheckOptions): BlockResult[] {
  const ignored = new Set(options.ignored)
  return blocks.map(({ key, text }) => {
    const findings: Finding[] = speller.check(text, ignored)
    if (options.style) findings.push(...checkStyle(text, { language: options.language, maxSentenceWords: options.maxSentenceWords }))
    return { key, findings }
  })
}
