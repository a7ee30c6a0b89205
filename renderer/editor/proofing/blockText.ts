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

/** A text block inside a top-level node; `offset` is where its text starts, relative to the top-level node's position. */
export interface PlacedText {
  offset: number
  text: string
}

const inside = new WeakMap<PmNode, readonly PlacedText[]>()

/**
 * The text blocks worth proofreading in one top-level node (a paragraph, a heading, a list, a
 * quote); code blocks are skipped. Cached per node, like blockText.
 */
export function textsOf(node: PmNode): readonly PlacedText[] {
  const known = inside.get(node)
  if (known) return known
  const found: PlacedText[] = []
  const add = (block: PmNode, pos: number) => {
    const text = blockText(block)
    if (text.trim() !== '') found.push({ offset: pos + 1, text })
  }
  if (node.isTextblock) {
    if (node.type.name !== 'codeBlock') add(node, 0)
  } else if (node.type.name !== 'codeBlock') {
    node.descendants((child, pos) => {
      if (child.type.name === 'codeBlock') return false
      if (!child.isTextblock) return true
      add(child, pos + 1)
      return false
    })
  }
  inside.set(node, found)
  return found
}
