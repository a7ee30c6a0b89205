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
  let out: DocMark[] = []
  for (const mark of marks) if (!out.some((m) => m.type === mark.type)) out.push(mark)
  if (out.some((m) => m.type === MARK.code)) {
    out = out.some((m) => m.type === MARK.link) ? out.filter((m) => m.type !== MARK.code) : out.filter((m) => m.type === MARK.code)
  }
  return out.sort((a, b) => markRank(a) - markRank(b))
}

/** The order Tiptap's schema gives the marks, so imported JSON equals what the editor would save. */
const MARK_ORDER: readonly string[] = [MARK.link, MARK.bold, MARK.code, MARK.italic, MARK.strike, MARK.underline, MARK.passage]
const markRank = (mark: DocMark) => {
  const rank = MARK_ORDER.indexOf(mark.type)
  return rank === -1 ? MARK_ORDER.length : rank
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

/**
 * Inline content as blocks. The editor's images are blocks, so each image splits its
 * paragraph (or follows its heading). A block image cannot carry a link: when it had one, the
 * link follows it as its own paragraph, so nothing is lost. `textBlock` wraps each run of text.
 */
export function blocksFromInline(
  inline: readonly DocNode[],
  textBlock: (content: DocNode[]) => DocNode = paragraph,
  keepEmpty = false,
): DocNode[] {
  if (!inline.some((n) => n.type === NODE.image)) {
    const content = trimRun(inline)
    return keepEmpty || hasText(content) ? [textBlock(content)] : []
  }
  const out: DocNode[] = []
  let run: DocNode[] = []
  const flush = () => {
    const content = trimRun(run)
    run = []
    if (hasText(content)) out.push(textBlock(content))
  }
  for (const node of inline) {
    if (node.type !== NODE.image) {
      run.push(node)
      continue
    }
    flush()
    out.push({ type: NODE.image, attrs: node.attrs })
    const link = node.marks?.find((m) => m.type === MARK.link)
    if (link) out.push(paragraph([textNode(String(link.attrs?.href ?? ''), [link])]))
  }
  flush()
  return out
}

/**
 * Spaces and line breaks at the edges of a block mean nothing (Markdown drops them, HTML
 * collapses them), and a trailing `\\` would even turn into a literal backslash.
 */
export function trimRun(run: readonly DocNode[]): DocNode[] {
  const content = mergeText(run)
  while (content[0]?.type === NODE.hardBreak) content.shift()
  while (content[content.length - 1]?.type === NODE.hardBreak) content.pop()
  const first = content[0]
  if (first?.type === NODE.text && !isCode(first)) content[0] = { ...first, text: (first.text ?? '').replace(/^[ \t\n\r\f]+/, '') }
  const last = content[content.length - 1]
  if (last?.type === NODE.text && !isCode(last)) content[content.length - 1] = { ...last, text: (last.text ?? '').replace(/[ \t\n\r\f]+$/, '') }
  return mergeText(content)
}

const isCode = (node: DocNode) => (node.marks ?? []).some((m) => m.type === MARK.code)

/** Literal text with line structure: each line break becomes a hard break. */
export function linesToInline(text: string): DocNode[] {
  const inline: DocNode[] = []
  text.split(/\r\n?|\n/).forEach((line, i) => {
    if (i > 0) inline.push({ type: NODE.hardBreak })
    const clean = line.replace(/[ \t]+$/, '')
    if (clean) inline.push(textNode(clean, []))
  })
  return inline
}

/** Whether inline content says anything: whitespace counts only inside code. */
export function hasText(inline: readonly DocNode[]): boolean {
  return inline.some((n) => n.type !== NODE.text || (n.text ?? '').trim() !== '' || (n.marks ?? []).some((m) => m.type === MARK.code))
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
