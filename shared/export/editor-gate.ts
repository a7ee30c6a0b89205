import type { DocMark, DocNode, EditorDoc } from '../domain'
import { cleanImportedDoc } from './clean-doc'
import { classifyImageSrc } from './images'
import { EDITOR_HEADING_LEVELS, MARK, NODE } from './schema'
import { safeLinkHref } from './urls'

/**
 * The gate main holds on every document a renderer writes (autosave, a new draft, a restored
 * version): the same rules as the import gate (cleanImportedDoc), for the editor's own JSON.
 *
 * The editor's schema as data (the tests compare it with the schema Tiptap builds from
 * renderer/editor/extensions.ts). A document that conforms — known nodes and marks in the
 * places the schema allows them, only their own attributes with plain values, links and images
 * under the URL policy — is returned as the very same object after one linear walk, so
 * autosave stays cheap. Anything else is rebuilt by the import gate, keeping every character
 * of text and the passages: unknown nodes give up their content, unknown marks and attributes
 * are dropped, remote images become links. Refusing instead would lose the author's text to a
 * renderer bug; rebuilding loses only what the editor could never have shown.
 */
type ContentRule = 'blocks' | 'inline' | 'items' | 'item' | 'text' | 'none'

interface NodeRule {
  attrs: readonly string[]
  content: ContentRule
  block: boolean
}

export const EDITOR_NODES: Readonly<Record<string, NodeRule>> = {
  [NODE.doc]: { attrs: [], content: 'blocks', block: false },
  [NODE.paragraph]: { attrs: [], content: 'inline', block: true },
  [NODE.heading]: { attrs: ['level'], content: 'inline', block: true },
  [NODE.blockquote]: { attrs: [], content: 'blocks', block: true },
  [NODE.bulletList]: { attrs: [], content: 'items', block: true },
  [NODE.orderedList]: { attrs: ['start', 'type'], content: 'items', block: true },
  [NODE.listItem]: { attrs: [], content: 'item', block: false },
  [NODE.codeBlock]: { attrs: ['language'], content: 'text', block: true },
  [NODE.horizontalRule]: { attrs: [], content: 'none', block: true },
  [NODE.image]: { attrs: ['src', 'alt', 'title', 'width', 'height'], content: 'none', block: true },
  [NODE.text]: { attrs: [], content: 'none', block: false },
  [NODE.hardBreak]: { attrs: [], content: 'none', block: false },
}

export const EDITOR_MARKS: Readonly<Record<string, readonly string[]>> = {
  [MARK.link]: ['href', 'target', 'rel', 'class', 'title'],
  [MARK.bold]: [],
  [MARK.italic]: [],
  [MARK.strike]: [],
  [MARK.code]: [],
  [MARK.underline]: [],
  [MARK.passage]: ['passageId'],
}

const HEADING_LEVELS: ReadonlySet<unknown> = new Set(EDITOR_HEADING_LEVELS)

export function gateEditorDoc(doc: EditorDoc): EditorDoc {
  return conforms(doc, 'blocks', true) ? doc : cleanImportedDoc(doc, { keepPassages: true })
}

function plainAttrs(attrs: Record<string, unknown> | undefined, allowed: readonly string[]): boolean {
  if (attrs === undefined) return true
  if (attrs === null || typeof attrs !== 'object') return false
  for (const key in attrs) {
    if (!allowed.includes(key)) return false
    const value = attrs[key]
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false
  }
  return true
}

function markConforms(mark: DocMark): boolean {
  const allowed = EDITOR_MARKS[mark.type]
  if (!allowed || !plainAttrs(mark.attrs, allowed)) return false
  if (mark.type === MARK.link) return safeLinkHref(mark.attrs?.href) === mark.attrs?.href
  if (mark.type === MARK.passage) {
    const id = mark.attrs?.passageId
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0
  }
  return true
}

/** Whether `node` may stand where `place` asks for, and everything below it conforms. */
function conforms(node: DocNode, place: ContentRule, isDoc = false): boolean {
  const rule = EDITOR_NODES[node.type]
  if (!rule || (node.type === NODE.doc) !== isDoc) return false
  switch (place) {
    case 'blocks':
      if (!isDoc && !rule.block) return false
      break
    case 'items':
      if (node.type !== NODE.listItem) return false
      break
    case 'inline':
      if (node.type !== NODE.text && node.type !== NODE.hardBreak) return false
      break
    case 'text':
      if (node.type !== NODE.text || node.marks !== undefined) return false
      break
    default:
      return false
  }
  if (!plainAttrs(node.attrs, rule.attrs)) return false
  if (node.marks !== undefined) {
    if (place !== 'inline' || !Array.isArray(node.marks)) return false
    for (const mark of node.marks) if (!markConforms(mark)) return false
  }
  if (node.type === NODE.text) return typeof node.text === 'string' && node.text.length > 0 && node.content === undefined
  if (node.text !== undefined) return false
  if (node.type === NODE.heading && !HEADING_LEVELS.has(node.attrs?.level)) return false
  if (node.type === NODE.image) {
    const kind = classifyImageSrc(node.attrs?.src).kind
    if (kind !== 'data' && kind !== 'asset') return false
  }
  const content = node.content
  if (content === undefined) return rule.content === 'inline' || rule.content === 'text' || rule.content === 'none'
  if (!Array.isArray(content)) return false
  switch (rule.content) {
    case 'none':
      return false
    case 'blocks':
    case 'items':
      if (content.length === 0) return false
      break
    case 'item':
      if (content[0]?.type !== NODE.paragraph) return false
      break
  }
  const childPlace: ContentRule = rule.content === 'item' ? 'blocks' : rule.content
  for (const child of content) if (!conforms(child, childPlace)) return false
  return true
}
