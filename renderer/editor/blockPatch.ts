import type { Attrs, Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { DocNode, EditorDoc } from '@shared/domain'
import { diffByIdentity } from '@shared/domain/block-splices'

/** The body of a `drafts.saveBlocks` request, apart from the draft and the base version. */
export interface BlocksPatch {
  splices: { from: number; deleteCount: number; blocks: DocNode[] }[]
  blockCount: number
}

/**
 * What a patch is diffed against: the top-level blocks of the document main stored, as the
 * editor's nodes. A slot may hold NOT_AS_STORED instead, for a block whose stored JSON is not
 * what the editor would write for it; no node is identical to it, so the next patch rewrites it.
 */
export type PatchBase = readonly unknown[]

const NOT_AS_STORED: unknown = Object.freeze({ notAsStored: true })

/**
 * What autosave sends instead of the whole document: the top-level blocks of `next` that are
 * not in `base` (the document main last confirmed), found by node identity and serialised
 * alone. Costs O(blocks) pointer comparisons plus the changed blocks' JSON, however long the
 * draft. Null when nothing changed.
 */
export function blocksPatch(base: ProseMirrorNode | PatchBase, next: ProseMirrorNode): BlocksPatch | null {
  const splices = diffByIdentity<unknown>('content' in base ? base.content.content : base, next.content.content)
  if (splices.length === 0) return null
  return {
    splices: splices.map(({ from, deleteCount, items }) => ({ from, deleteCount, blocks: items.map((node) => (node as ProseMirrorNode).toJSON() as DocNode) })),
    blockCount: next.childCount,
  }
}

/**
 * The base of the first patch of an editor opened on a stored body (`stored` as main sent it;
 * `rewrite`: the blocks main does not store as JSON.stringify of what it sent, see
 * `Draft.storedBody`): the editor's own blocks, where each writes exactly its stored text — a
 * block main asks to rewrite, the schema filled in (a default attribute) or a plugin changed
 * before this ran stands as NOT_AS_STORED. One walk, no serialisation. Null when the blocks do
 * not pair up one to one, or the document around them differs: then the first save is whole.
 */
export function storedBase(doc: ProseMirrorNode, stored: EditorDoc, rewrite: readonly number[] = []): PatchBase | null {
  if (stored.attrs !== undefined || !sameAttrs(doc.attrs, undefined) || stored.content.length !== doc.childCount) return null
  const blocks: unknown[] = []
  doc.forEach((block, _offset, i) => blocks.push(writesAs(block, stored.content[i]!) ? block : NOT_AS_STORED))
  for (const i of rewrite) if (i < blocks.length) blocks[i] = NOT_AS_STORED
  return blocks
}

/**
 * Whether JSON.stringify(node.toJSON()) is JSON.stringify(json), for `json` with its keys in the
 * order toJSON writes them (type, attrs, content, marks, text — as main's validation returns
 * them). Mirrors ProseMirror's Node.toJSON and Mark.toJSON.
 */
function writesAs(node: ProseMirrorNode, json: DocNode): boolean {
  if (json.type !== node.type.name || !sameAttrs(node.attrs, json.attrs)) return false
  if (node.isText ? json.text !== node.text : json.text !== undefined) return false
  const { marks } = node
  if (marks.length === 0) {
    if (json.marks !== undefined) return false
  } else {
    if (json.marks?.length !== marks.length) return false
    for (let i = 0; i < marks.length; i++) {
      const mark = json.marks[i]!
      if (mark.type !== marks[i]!.type.name || !sameAttrs(marks[i]!.attrs, mark.attrs)) return false
    }
  }
  if (node.childCount === 0) return json.content === undefined
  if (json.content?.length !== node.childCount) return false
  for (let i = 0; i < node.childCount; i++) if (!writesAs(node.child(i), json.content[i]!)) return false
  return true
}

/** toJSON writes `attrs` when the node has any; JSON.stringify leaves out undefined values. */
function sameAttrs(attrs: Attrs, json: Record<string, unknown> | undefined): boolean {
  let any = false
  let written = 0
  const keys = json === undefined ? [] : Object.keys(json)
  for (const key in attrs) {
    any = true
    const value = attrs[key]
    if (value === undefined) continue
    if (keys[written] !== key || !samePlain(value, json![key])) return false
    written++
  }
  return any ? json !== undefined && written === keys.length : json === undefined
}

function samePlain(value: unknown, json: unknown): boolean {
  if (value === json) return typeof value !== 'number' || Number.isFinite(value)
  return typeof value === 'object' && value !== null && typeof json === 'object' && json !== null && JSON.stringify(value) === JSON.stringify(json)
}
