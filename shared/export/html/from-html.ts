import { MAX_TITLE_LENGTH, type DocMark, type DocNode, type EditorDoc } from '../../domain'
import {
  blockquote,
  blocksFromInline,
  canNest,
  codeBlock,
  editorDoc,
  importImage,
  listItem,
  textNode,
  type ResolveImage,
} from '../doc-build'
import {
  cleanLine,
  emptyImportedMeta,
  MAX_CANONICAL_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  normalizeLanguage,
  normalizeTags,
  parseDate,
  type ImportedMeta,
} from '../meta'
import { sanitizeHtml, STYLE_CLASSES } from '../sanitize'
import { clampListStart, cleanLanguage, importHeadingLevel, MARK, NODE, ORDERED_LIST_TYPES } from '../schema'
import { safeCanonicalUrl, safeLinkHref } from '../urls'
import { isElement, parseHtmlDocument, TEXT_NODE, type DomDocument, type DomElement, type DomNode, type HtmlWindow } from './dom'

export interface HtmlImportOptions {
  /** Loads images referenced by a relative path (files beside the imported one). */
  resolveImage?: ResolveImage
}

const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 }
const MARK_TAGS: Record<string, string> = {
  STRONG: MARK.bold,
  B: MARK.bold,
  EM: MARK.italic,
  I: MARK.italic,
  CITE: MARK.italic,
  VAR: MARK.italic,
  S: MARK.strike,
  STRIKE: MARK.strike,
  DEL: MARK.strike,
  U: MARK.underline,
  INS: MARK.underline,
  CODE: MARK.code,
  KBD: MARK.code,
  SAMP: MARK.code,
  TT: MARK.code,
}
/** Elements that start a new block; their inline content becomes a paragraph. */
const BLOCK_CONTAINERS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'FIGURE', 'FIGCAPTION',
  'ADDRESS', 'CENTER', 'DL', 'DT', 'DD', 'LI', 'CAPTION', 'TBODY', 'THEAD', 'TFOOT', 'BODY', 'HTML',
])
const HTML_SPACE = /[ \t\n\r\f]+/g

/**
 * Collects blocks and the inline run in progress. HTML mixes text and blocks freely
 * (`<div>text<p>para</p>more</div>`); each run of inline content becomes its own paragraph.
 */
class BlockCollector {
  readonly blocks: DocNode[] = []
  private inline: DocNode[] = []

  addInline(...nodes: DocNode[]): void {
    this.inline.push(...nodes)
  }

  addBlock(node: DocNode): void {
    this.flush()
    this.blocks.push(node)
  }

  flush(): void {
    const content = collapseWhitespace(this.inline)
    this.inline = []
    this.blocks.push(...blocksFromInline(content))
  }

  finish(): DocNode[] {
    this.flush()
    return this.blocks
  }
}

/** HTML whitespace rules: runs collapse to one space, none at line starts or ends. */
function collapseWhitespace(nodes: readonly DocNode[]): DocNode[] {
  const out: DocNode[] = []
  let atLineStart = true
  for (const node of nodes) {
    if (node.type !== NODE.text) {
      out.push(node)
      atLineStart = node.type === NODE.hardBreak
      continue
    }
    let text = (node.text ?? '').replace(HTML_SPACE, ' ')
    if (atLineStart) text = text.replace(/^ /, '')
    if (!text) continue
    out.push({ ...node, text })
    atLineStart = text.endsWith(' ')
  }
  // Trailing spaces before a line break or at the end of the block.
  for (let i = out.length - 1; i >= 0; i--) {
    const node = out[i]!
    const next = out[i + 1]
    if (node.type !== NODE.text || (next && next.type !== NODE.hardBreak)) continue
    const text = (node.text ?? '').replace(/ $/, '')
    if (text) out[i] = { ...node, text }
    else out.splice(i, 1)
  }
  return out
}

/** Marks carried by the classes the sanitizer derived from inline styles (Google Docs & co.). */
function styledMarks(element: DomElement, marks: readonly DocMark[]): readonly DocMark[] {
  const classes = (element.getAttribute('class') ?? '').split(/\s+/)
  if (!classes.some((c) => c.startsWith('lh-'))) return marks
  let out = [...marks]
  const add = (type: string) => {
    if (!out.some((m) => m.type === type)) out.push({ type })
  }
  // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold at all.
  if (classes.includes(STYLE_CLASSES.regular)) out = out.filter((m) => m.type !== MARK.bold)
  if (classes.includes(STYLE_CLASSES.bold)) add(MARK.bold)
  if (classes.includes(STYLE_CLASSES.italic)) add(MARK.italic)
  if (classes.includes(STYLE_CLASSES.underline)) add(MARK.underline)
  if (classes.includes(STYLE_CLASSES.strike)) add(MARK.strike)
  return out
}

function languageOf(element: DomElement): string | null {
  const classes = `${element.getAttribute('class') ?? ''} ${firstElement(element)?.getAttribute('class') ?? ''}`
  const match = /(?:^|\s)(?:language|lang)-([^\s]+)/.exec(classes)
  return match ? cleanLanguage(match[1]) : null
}

function firstElement(element: DomElement): DomElement | null {
  for (const child of Array.from(element.childNodes)) if (isElement(child)) return child
  return null
}

/** Text of a <pre>, with <br> as line breaks. */
function preText(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? ''
  if (!isElement(node)) return ''
  if (node.tagName === 'BR') return '\n'
  return Array.from(node.childNodes).map(preText).join('')
}

class HtmlToDoc {
  constructor(private readonly options: HtmlImportOptions) {}

  /** Block content of an element. */
  blocks(element: DomElement, depth: number): DocNode[] {
    const out = new BlockCollector()
    this.walkChildren(element, out, [], depth)
    return out.finish()
  }

  /** Inline content of an element whose blocks are flattened (headings, table cells). */
  private inline(element: DomElement, marks: readonly DocMark[], depth: number): DocNode[] {
    const out = new BlockCollector()
    this.walkChildren(element, out, marks, depth)
    const blocks = out.finish()
    const inline: DocNode[] = []
    const gather = (node: DocNode) => {
      if (node.type === NODE.paragraph || node.type === NODE.heading) {
        if (inline.length > 0) inline.push({ type: NODE.text, text: ' ' })
        inline.push(...(node.content ?? []))
      } else if (node.type === NODE.codeBlock) {
        if (inline.length > 0) inline.push({ type: NODE.text, text: ' ' })
        inline.push(...(node.content ?? []).map((t) => textNode(t.text ?? '', [...marks, { type: MARK.code }])))
      } else if (node.type === NODE.image) {
        inline.push(node)
      } else for (const child of node.content ?? []) gather(child)
    }
    blocks.forEach(gather)
    return collapseWhitespace(inline)
  }

  private walkChildren(element: DomElement, out: BlockCollector, marks: readonly DocMark[], depth: number): void {
    for (const child of Array.from(element.childNodes)) this.walk(child, out, marks, depth)
  }

  private walk(node: DomNode, out: BlockCollector, inherited: readonly DocMark[], depth: number): void {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? ''
      if (text) out.addInline(textNode(text, inherited))
      return
    }
    if (!isElement(node)) return
    const tag = node.tagName.toUpperCase()
    const marks = styledMarks(node, inherited)
    const level = HEADINGS[tag]
    if (level) {
      const heading = (content: DocNode[]): DocNode => ({ type: NODE.heading, attrs: { level: importHeadingLevel(level) }, content })
      for (const block of blocksFromInline(this.inline(node, marks, depth), heading, true)) out.addBlock(block)
      return
    }
    const markType = MARK_TAGS[tag]
    if (markType) {
      this.walkChildren(node, out, styledMarks(node, [...inherited, { type: markType }]), depth)
      return
    }
    switch (tag) {
      case 'BR':
        out.addInline({ type: NODE.hardBreak })
        return
      case 'A': {
        const href = safeLinkHref(node.getAttribute('href'))
        const title = node.getAttribute('title')
        const link: DocMark = { type: MARK.link, attrs: title ? { href, title } : { href } }
        this.walkChildren(node, out, href ? [...marks, link] : marks, depth)
        return
      }
      case 'IMG':
        out.addInline(
          ...importImage(
            node.getAttribute('src') ?? '',
            cleanLine(node.getAttribute('alt') ?? '', 1000),
            node.getAttribute('title'),
            marks,
            this.options.resolveImage,
          ),
        )
        return
      case 'HR':
        out.addBlock({ type: NODE.horizontalRule })
        return
      case 'PRE':
        out.addBlock(codeBlock(preText(node).replace(/\n$/, ''), languageOf(node)))
        return
      case 'BLOCKQUOTE':
        if (!canNest(depth)) break
        out.addBlock(blockquote(this.blocks(node, depth + 1)))
        return
      case 'UL':
      case 'OL':
        if (!canNest(depth)) break
        out.addBlock(this.list(node, tag === 'OL', depth))
        return
      case 'TABLE':
        this.table(node, out, marks, depth)
        return
      case 'TR':
        this.row(node, out, marks, depth)
        return
    }
    if (BLOCK_CONTAINERS.has(tag)) {
      out.flush()
      this.walkChildren(node, out, marks, depth)
      out.flush()
      return
    }
    // Spans, fonts, unknown elements, and containers too deep to nest: keep their content.
    this.walkChildren(node, out, marks, depth)
  }

  private list(element: DomElement, ordered: boolean, depth: number): DocNode {
    const items: DocNode[] = []
    let loose = new BlockCollector()
    const flushLoose = () => {
      const blocks = loose.finish()
      if (blocks.length > 0) items.push(listItem(blocks))
      loose = new BlockCollector()
    }
    for (const child of Array.from(element.childNodes)) {
      if (isElement(child) && child.tagName.toUpperCase() === 'LI') {
        flushLoose()
        items.push(listItem(this.blocks(child, depth + 2)))
      } else {
        // Text or elements directly inside <ul>: invalid HTML, but pasted often; keep it.
        this.walk(child, loose, [], depth + 2)
      }
    }
    flushLoose()
    if (items.length === 0) items.push(listItem([]))
    if (!ordered) return { type: NODE.bulletList, content: items }
    const type = element.getAttribute('type')
    const attrs: Record<string, unknown> = { start: clampListStart(element.getAttribute('start') ?? 1) }
    if (type && (ORDERED_LIST_TYPES as readonly string[]).includes(type) && type !== '1') attrs.type = type
    return { type: NODE.orderedList, attrs, content: items }
  }

  /** Tables are not in the editor: one paragraph per row, cells separated by " | ". */
  private table(element: DomElement, out: BlockCollector, marks: readonly DocMark[], depth: number): void {
    for (const child of Array.from(element.childNodes)) {
      if (!isElement(child)) continue
      const tag = child.tagName.toUpperCase()
      if (tag === 'TR') this.row(child, out, marks, depth)
      else if (tag === 'CAPTION') for (const block of blocksFromInline(this.inline(child, marks, depth))) out.addBlock(block)
      else this.table(child, out, marks, depth)
    }
  }

  private row(element: DomElement, out: BlockCollector, marks: readonly DocMark[], depth: number): void {
    const inline: DocNode[] = []
    for (const cell of Array.from(element.childNodes)) {
      if (!isElement(cell)) continue
      const content = this.inline(cell, marks, depth)
      if (inline.length > 0) inline.push({ type: NODE.text, text: ' | ' })
      inline.push(...content)
    }
    for (const block of blocksFromInline(inline)) out.addBlock(block)
  }
}

/** Sanitized, then converted: the blocks of an HTML fragment (paste, raw HTML in Markdown). */
export function htmlToBlocks(html: string, win: HtmlWindow, options: HtmlImportOptions = {}, depth = 1): DocNode[] {
  const clean = sanitizeHtml(html, win)
  const body = parseHtmlDocument(clean, win).body
  return body ? new HtmlToDoc(options).blocks(body, depth) : []
}

function metaContent(doc: DomDocument, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content') ?? null
}

/**
 * Metadata from a page's head. Only read as text (never rendered), then cleaned and checked
 * like front matter values.
 */
function metaFromHead(html: string, win: HtmlWindow): ImportedMeta {
  const doc = parseHtmlDocument(html, win)
  const meta = emptyImportedMeta()
  const title = cleanLine(doc.querySelector('title')?.textContent ?? '', MAX_TITLE_LENGTH)
  if (title) meta.title = title
  const language = normalizeLanguage(doc.documentElement?.getAttribute('lang'))
  if (language) meta.language = language
  const description = cleanLine(metaContent(doc, 'meta[name="description" i]') ?? '', MAX_DESCRIPTION_LENGTH)
  if (description) meta.description = description
  const canonical = safeCanonicalUrl(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href')?.slice(0, MAX_CANONICAL_LENGTH))
  if (canonical) meta.canonicalUrl = canonical
  meta.tags = normalizeTags(metaContent(doc, 'meta[name="keywords" i]') ?? [])
  const created = parseDate(metaContent(doc, 'meta[property="article:published_time" i]'))
  if (created !== undefined) meta.createdAt = created
  const updated = parseDate(metaContent(doc, 'meta[property="article:modified_time" i]'))
  if (updated !== undefined) meta.updatedAt = updated
  return meta
}

/** An HTML document or fragment as a draft: sanitized with DOMPurify, then mapped to the editor's nodes. */
export function fromHtml(html: string, win: HtmlWindow, options: HtmlImportOptions = {}): { doc: EditorDoc; meta: ImportedMeta } {
  return { doc: editorDoc(htmlToBlocks(html, win, options)), meta: metaFromHead(html, win) }
}
