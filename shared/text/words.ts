import type { DocNode } from '../domain/doc'

/**
 * Block nodes whose text is separated from the next block by a paragraph break when the
 * document is flattened to plain text (for search, counting and post composing).
 */
const BLOCK_SEPARATOR = '\n\n'

/** Plain text of a document: blocks separated by blank lines, hard breaks as newlines. */
export function docToPlainText(node: DocNode): string {
  const blocks: string[] = []
  collectBlocks(node, blocks)
  return blocks.join(BLOCK_SEPARATOR)
}

function collectBlocks(node: DocNode, out: string[]): void {
  const children = node.content ?? []
  const hasInline = children.some((c) => c.type === 'text' || c.type === 'hardBreak' || c.type === 'image')
  if (hasInline) {
    out.push(inlineText(children))
    return
  }
  for (const child of children) collectBlocks(child, out)
}

function inlineText(nodes: DocNode[]): string {
  let text = ''
  for (const n of nodes) {
    if (n.type === 'text') text += n.text ?? ''
    else if (n.type === 'hardBreak') text += '\n'
    else if (n.content) text += inlineText(n.content)
  }
  return text
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

/** Words as a reader would count them: Intl.Segmenter word-like segments (handles umlauts, CJK, emoji). */
export function countWords(text: string): number {
  let count = 0
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) count++
  return count
}

/** Silent reading speed for non-fiction prose, in words per minute. */
export const WORDS_PER_MINUTE = 230

export function readingMinutes(wordCount: number): number {
  if (wordCount === 0) return 0
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))
}
