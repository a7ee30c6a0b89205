import { MAX_DOC_DEPTH, type DocMark, type DocNode, type EditorDoc } from '../domain'
import { classifyImageSrc, dataImageUrl, isContainedRelativePath, type ImageData } from './images'
import { MARK, NODE } from './schema'

/**
 * Building blocks shared by the Markdown and HTML importers, so both produce documents the
 * editor's schema accepts (checked in tests against the real Tiptap schema).
 */

/** Room a new container needs below it: container → item → paragraph → text. */
const LEVELS_BELOW_CONTAINER = 3

/** Whether a blockquote or list may be opened at `depth` (doc = 1); deeper ones are flattened. */
export function canNest(depth: number): boolean {
  return depth + LEVELS_BELOW_CONTAINER <= MAX_DOC_DEPTH
}

/**
 * Marks as the editor allows them together. Tiptap's `code` mark excludes every other mark;
 * when code meets a link the link wins (where it points matters more than the monospace).
 */
export function editorMarks(marks: readonly DocMark[]): DocMark[] {
  const out: DocMark[] = []
  for (const mark of marks) if (!out.some((m) => m.type === mark.type)) out.push(mark)
  if (!out.some((m) => m.type === MARK.code)) return out
  return out.some((m) => m.type === MARK.link) ? out.filter((m) => m.type !== MARK.code) : out.filter((m) => m.type === MARK.code)
}

export function textNode(text: string, marks: readonly DocMark[]): DocNode {
  const clean = editorMarks(marks)
  return clean.length > 0 ? { type: NODE.text, text, marks: clean } : { type: NODE.text, text }
}

function sameMarks(a: readonly DocMark[] = [], b: readonly DocMark[] = []): boolean {
  return a.length === b.length && a.every((m, i) => m.type === b[i]?.type && JSON.stringify(m.attrs) === JSON.stringify(b[i]?.attrs))
}

/** Merges neighbouring text with equal marks and drops empty text (the editor refuses it). */
export function mergeText(nodes: readonly DocNode[]): DocNode[] {
  const out: DocNode[] = []
  for (const node of nodes) {
    if (node.type === NODE.text) {
      if (!node.text) continue
      const last = out[out.length - 1]
      if (last?.type === NODE.text && sameMarks(last.marks, node.marks)) {
        out[out.length - 1] = { ...last, text: (last.text ?? '') + node.text }
        continue
      }
    }
    out.push(node)
  }
  return out
}

export function paragraph(inline: readonly DocNode[]): DocNode {
  const content = mergeText(inline)
  return content.length > 0 ? { type: NODE.paragraph, content } : { type: NODE.paragraph }
}

export function hasText(inline: readonly DocNode[]): boolean {
  return inline.some((n) => n.type !== NODE.text || (n.text ?? '').trim() !== '')
}

/** Tiptap: a list item starts with a paragraph; a blockquote holds at least one block. */
export function listItem(blocks: readonly DocNode[]): DocNode {
  const content = blocks[0]?.type === NODE.paragraph ? [...blocks] : [paragraph([]), ...blocks]
  return { type: NODE.listItem, content }
}

export function blockquote(blocks: readonly DocNode[]): DocNode {
  return { type: NODE.blockquote, content: blocks.length > 0 ? [...blocks] : [paragraph([])] }
}

export function codeBlock(code: string, language: string | null): DocNode {
  const node: DocNode = { type: NODE.codeBlock, attrs: { language } }
  if (code) node.content = [{ type: NODE.text, text: code }]
  return node
}

export function editorDoc(blocks: readonly DocNode[]): EditorDoc {
  return { type: NODE.doc, content: blocks.length > 0 ? [...blocks] : [paragraph([])] }
}

/** Loads an image that sits beside an imported file (e.g. `images/a.png`); null when unknown. */
export type ResolveImage = (relativePath: string) => ImageData | null

/**
 * An imported image as editor content. Only images whose bytes we have become image nodes
 * (data URIs of raster types, or assets). Remote images are never fetched: they become a
 * link to the image. Refused sources (scripts, SVG, …) leave only their alt text.
 */
export function importImage(
  src: string,
  alt: string,
  title: string | null,
  marks: readonly DocMark[],
  resolveImage?: ResolveImage,
): DocNode[] {
  const source = classifyImageSrc(src)
  const image = (url: string): DocNode[] => {
    const node: DocNode = { type: NODE.image, attrs: { src: url, alt: alt || null, title: title || null } }
    const clean = editorMarks(marks).filter((m) => m.type !== MARK.code)
    if (clean.length > 0) node.marks = clean
    return [node]
  }
  const asLink = (href: string): DocNode[] => [textNode(alt || href, [...marks, { type: MARK.link, attrs: { href } }])]
  switch (source.kind) {
    case 'data':
      return image(dataImageUrl(source.image))
    case 'asset':
      return image(src.trim())
    case 'relative': {
      const resolved = resolveImage && isContainedRelativePath(source.path) ? resolveImage(source.path) : null
      const checked = resolved ? classifyImageSrc(dataImageUrl(resolved)) : null
      return checked?.kind === 'data' ? image(dataImageUrl(checked.image)) : asLink(source.path)
    }
    case 'remote':
      return asLink(source.url)
    case 'refused':
      return alt ? [textNode(alt, marks)] : []
  }
}
