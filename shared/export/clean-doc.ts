import { MAX_TITLE_LENGTH, type DocMark, type DocNode, type EditorDoc } from '../domain'
import { editorDoc, editorMarks, mergeText, paragraph, textNode } from './doc-build'
import { classifyImageSrc, dataImageUrl } from './images'
import { cleanLine } from './meta'
import { clampListStart, cleanLanguage, importHeadingLevel, MARK, NODE, ORDERED_LIST_TYPES } from './schema'
import { safeLinkHref } from './urls'

/**
 * The last gate before an imported document is stored. The renderer converts files and pastes
 * with DOMPurify and the importers; main has no DOM to run them again, so it re-derives the
 * JSON it receives from what the editor can hold: known nodes and marks with only their own
 * attributes, links that pass the URL policy, images only with bytes we hold (data URIs of an
 * allowed raster type, or assets). A remote or relative image becomes a link to it, a refused
 * one leaves its alt text. Unknown wrappers keep their content. Pure and idempotent.
 */
export function cleanImportedDoc(doc: EditorDoc, options: CleanOptions = {}): EditorDoc {
  return editorDoc(cleanBlocks(options.keepPassages === true, doc.content ?? []))
}

export interface CleanOptions {
  /**
   * Keep `passage` marks (with a positive integer id). An imported file has no passages of this
   * library; the editor's own documents do (see gateEditorDoc).
   */
  keepPassages?: boolean
}

function passageId(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null
}

const TEXT_MARKS: ReadonlySet<string> = new Set([MARK.bold, MARK.italic, MARK.strike, MARK.code, MARK.underline])

function cleanMarks(passages: boolean, marks: readonly DocMark[] | undefined): DocMark[] {
  const out: DocMark[] = []
  for (const mark of marks ?? []) {
    if (TEXT_MARKS.has(mark.type)) out.push({ type: mark.type })
    else if (mark.type === MARK.link) {
      const href = safeLinkHref(mark.attrs?.href)
      if (!href) continue
      const title = typeof mark.attrs?.title === 'string' ? cleanLine(mark.attrs.title, MAX_TITLE_LENGTH) : ''
      out.push({ type: MARK.link, attrs: title ? { href, title } : { href } })
    } else if (mark.type === MARK.passage && passages) {
      const id = passageId(mark.attrs?.passageId)
      if (id !== null) out.push({ type: MARK.passage, attrs: { passageId: id } })
    }
    // `passage` ties text to posts of this library (dropped on import); anything else is unknown: dropped.
  }
  return editorMarks(out)
}

function imageAttr(value: unknown): string | null {
  return typeof value === 'string' && value ? cleanLine(value, 1000) || null : null
}

/** An image node, or what stands in for it (a link, its alt text, nothing), as inline content. */
function cleanImageInline(node: DocNode): DocNode[] {
  const alt = imageAttr(node.attrs?.alt)
  const title = imageAttr(node.attrs?.title)
  const source = classifyImageSrc(node.attrs?.src)
  switch (source.kind) {
    case 'data':
    case 'asset': {
      const src = source.kind === 'data' ? dataImageUrl(source.image) : String(node.attrs?.src).trim()
      return [{ type: NODE.image, attrs: { src, alt, title } }]
    }
    case 'remote':
    case 'relative': {
      const href = source.kind === 'remote' ? source.url : source.path
      return [textNode(alt ?? href, [{ type: MARK.link, attrs: { href } }])]
    }
    case 'refused':
      return alt ? [textNode(alt, [])] : []
  }
}

/** Inline content of a paragraph or heading. Images there are lifted out by the caller. */
function cleanInline(passages: boolean, nodes: readonly DocNode[]): DocNode[] {
  const out: DocNode[] = []
  for (const node of nodes) {
    if (node.type === NODE.text) {
      if (typeof node.text === 'string' && node.text) out.push(textNode(node.text, cleanMarks(passages, node.marks)))
    } else if (node.type === NODE.hardBreak) out.push({ type: NODE.hardBreak })
    else if (node.type === NODE.image) out.push(...cleanImageInline(node))
    // An unknown wrapper gives its content; content under a leaf (which no editor makes)
    // follows the leaf: no text is lost either way.
    if (node.content) out.push(...cleanInline(passages, node.content))
  }
  return mergeText(out)
}

/** Inline content as blocks: the editor's images are blocks, so they split their paragraph. */
function textblocks(inline: readonly DocNode[], wrap: (content: DocNode[]) => DocNode): DocNode[] {
  const out: DocNode[] = []
  let run: DocNode[] = []
  const flush = (force: boolean) => {
    if (run.length > 0 || force) out.push(wrap(mergeText(run)))
    run = []
  }
  for (const node of inline) {
    if (node.type === NODE.image) {
      flush(false)
      out.push(node)
    } else run.push(node)
  }
  flush(out.length === 0)
  return out
}

function cleanBlocks(passages: boolean, nodes: readonly DocNode[]): DocNode[] {
  return nodes.flatMap((node) => cleanBlock(passages, node))
}

function listItems(passages: boolean, nodes: readonly DocNode[]): DocNode[] {
  const items = nodes.map((child) => {
    const blocks = cleanBlocks(passages, child.type === NODE.listItem ? (child.content ?? []) : [child])
    return { type: NODE.listItem, content: blocks[0]?.type === NODE.paragraph ? blocks : [paragraph([]), ...blocks] }
  })
  return items.length > 0 ? items : [{ type: NODE.listItem, content: [paragraph([])] }]
}

/** A code block's text, including any text nested where only text belongs. */
function codeText(node: DocNode): string {
  const own = node.type === NODE.hardBreak ? '\n' : typeof node.text === 'string' ? node.text : ''
  return own + (node.content ?? []).map(codeText).join('')
}

function cleanBlock(passages: boolean, node: DocNode): DocNode[] {
  const children = node.content ?? []
  switch (node.type) {
    case NODE.paragraph:
      return textblocks(cleanInline(passages, children), paragraph)
    case NODE.heading: {
      const level = importHeadingLevel(node.attrs?.level)
      return textblocks(cleanInline(passages, children), (content) => ({ type: NODE.heading, attrs: { level }, ...(content.length ? { content } : {}) }))
    }
    case NODE.bulletList:
      return [{ type: NODE.bulletList, content: listItems(passages, children) }]
    case NODE.orderedList: {
      const attrs: Record<string, unknown> = { start: clampListStart(node.attrs?.start ?? 1) }
      const type = node.attrs?.type
      if (typeof type === 'string' && (ORDERED_LIST_TYPES as readonly string[]).includes(type) && type !== '1') attrs.type = type
      return [{ type: NODE.orderedList, attrs, content: listItems(passages, children) }]
    }
    case NODE.listItem:
      return cleanBlocks(passages, children)
    case NODE.blockquote: {
      const blocks = cleanBlocks(passages, children)
      return [{ type: NODE.blockquote, content: blocks.length > 0 ? blocks : [paragraph([])] }]
    }
    case NODE.codeBlock: {
      const text = children.map(codeText).join('')
      const block: DocNode = { type: NODE.codeBlock, attrs: { language: cleanLanguage(node.attrs?.language) } }
      return text ? [{ ...block, content: [{ type: NODE.text, text }] }] : [block]
    }
    case NODE.horizontalRule:
      return [{ type: NODE.horizontalRule }, ...cleanBlocks(passages, children)]
    case NODE.image:
    case NODE.text:
    case NODE.hardBreak:
      return textblocks(cleanInline(passages, [node]), paragraph).filter((b) => b.type === NODE.image || (b.content ?? []).length > 0)
    default:
      // Unknown wrapper (a future extension, or something made up): its content, not itself.
      if (children.some((c) => c.type === NODE.text || c.type === NODE.hardBreak)) return textblocks(cleanInline(passages, children), paragraph)
      return cleanBlocks(passages, children)
  }
}

/**
 * The URL policy alone, for documents restored from a library backup: those are the editor's
 * own JSON (with every attribute Tiptap keeps), so nothing else is touched. Links that fail
 * the policy lose their link mark; images without our bytes become what cleanImportedDoc
 * makes of them. A document that breaks no rule comes back as the very same object.
 */
export function enforceUrlPolicy<T extends DocNode>(doc: T): T {
  return (policyNode(doc, false) as T[])[0] ?? doc
}

function policyNode(node: DocNode, inTextblock: boolean): DocNode[] {
  if (node.type === NODE.image) {
    const source = classifyImageSrc(node.attrs?.src)
    if (source.kind === 'data' || source.kind === 'asset') return [node]
    const inline = cleanImageInline(node)
    if (inTextblock) return inline
    return inline.length > 0 ? [paragraph(inline)] : []
  }
  let changed = false
  let marks = node.marks
  if (marks?.some((m) => m.type === MARK.link && safeLinkHref(m.attrs?.href) !== m.attrs?.href)) {
    marks = marks.filter((m) => m.type !== MARK.link || safeLinkHref(m.attrs?.href) === m.attrs?.href)
    changed = true
  }
  let content = node.content
  if (content) {
    const textblock = node.type === NODE.paragraph || node.type === NODE.heading
    const next = content.flatMap((child) => policyNode(child, textblock))
    if (next.length !== content.length || next.some((child, i) => child !== content![i])) {
      content = next
      changed = true
    }
  }
  if (!changed) return [node]
  const out: DocNode = { ...node }
  if (marks && marks.length > 0) out.marks = marks
  else delete out.marks
  if (content) out.content = content
  return [out]
}
