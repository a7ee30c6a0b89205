import { checkStyleAll, type Finding, type Speller } from '@shared/proofing'
import type { BlockResult, BlockToCheck, CheckOptions } from './protocol'

/** What the worker does with a batch of blocks (pure: the worker only adds loading and messaging). */
export function checkBlocks(speller: Speller, blocks: BlockToCheck[], options: CheckOptions): BlockResult[] {
  const ignored = new Set(options.ignored)
  // Style for the whole batch at once: the English retext plugins run once per batch, not per block.
  const style = options.style ? checkStyleAll(blocks.map((b) => b.text), { language: options.language, maxSentenceWords: options.maxSentenceWords }) : null
  return blocks.map(({ key, text }, i) => {
    const findings: Finding[] = speller.check(text, ignored)
    if (style) findings.push(...style[i]!)
    return { key, findings }
  })
}
