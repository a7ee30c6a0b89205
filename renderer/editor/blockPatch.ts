import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { DocNode } from '@shared/domain'
import { diffByIdentity } from '@shared/domain/block-splices'

/** The body of a `drafts.saveBlocks` request, apart from the draft and the base version. */
export interface BlocksPatch {
  splices: { from: number; deleteCount: number; blocks: DocNode[] }[]
  blockCount: number
}

/**
 * What autosave sends instead of the whole document: the top-level blocks of `next` that are
 * not in `base` (the document main last confirmed), found by node identity and serialised
 * alone. Costs O(blocks) pointer comparisons plus the changed blocks' JSON, however long the
 * draft. Null when nothing changed.
 */
export function blocksPatch(base: ProseMirrorNode, next: ProseMirrorNode): BlocksPatch | null {
  const splices = diffByIdentity(base.content.content, next.content.content)
  if (splices.length === 0) return null
  return {
    splices: splices.map(({ from, deleteCount, items }) => ({ from, deleteCount, blocks: items.map((node) => node.toJSON() as DocNode) })),
    blockCount: next.childCount,
  }
}
