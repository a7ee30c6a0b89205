import type { Node as PmNode } from '@tiptap/pm/model'

/**
 * The plain text of a text block with one character per document position, so offset i is at
 * position blockStart + 1 + i. Code (the `code` mark) becomes spaces: it is never proofread.
 * Cached per node: ProseMirror reuses unchanged nodes, so after a keystroke only the edited
 * paragraph is read again.
 */
const texts = new WeakMap<PmNode, string>()

export function blockText(block: PmNode): string {
  const known = texts.get(block)
  if (known !== undefined) return known
  let text = ''
  block.forEach((child) => {
    if (child.isText) text += child.marks.some((m) => m.type.name === 'code') ? ' '.repeat(child.text!.length) : child.text!
    // Leaves (images, hard breaks) fill their one position; a line break separates words.
    else text += child.type.name === 'hardBreak' ? '\n' : '\ufffc'.repeat(child.nodeSize)
  })
  texts.set(block, text)
  return text
}

export interface PlacedBlock {
  pos: number
  text: string
}

/** Every text block worth proofreading; code blocks are skipped. */
export function proofreadBlocks(doc: PmNode): PlacedBlock[] {
  const blocks: PlacedBlock[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'codeBlock') return false
    if (!node.isTextblock) return true
    const text = blockText(node)
    if (text.trim() !== '') blocks.push({ pos, text })
    return false
  })
  return blocks
}
