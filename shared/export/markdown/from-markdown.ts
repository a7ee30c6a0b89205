import type * as Md from 'mdast'
import { fromMarkdown as parseMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { DocMark, DocNode, EditorDoc } from '../../domain'
import {
  blockquote,
  blocksFromInline,
  canNest,
  codeBlock,
  editorDoc,
  importImage,
  linesToInline,
  listItem,
  paragraph,
  textNode,
  type ResolveImage,
} from '../doc-build'
import { ImportError } from '../errors'
import { metaFromFrontMatter, splitFrontMatter } from '../front-matter'
import type { HtmlWindow } from '../html/dom'
import { htmlToBlocks } from '../html/from-html'
import { emptyImportedMeta, type ImportedMeta } from '../meta'
import { clampListStart, cleanLanguage, importHeadingLevel, MARK, NODE } from '../schema'
import { safeLinkHref } from '../urls'

export interface MarkdownImportOptions {
  /**
   * A window (the renderer's, or jsdom's in tests) to sanitize and convert raw HTML blocks
   * with. Without one, an HTML block is kept as its literal text: visible, never executed.
   */
  win?: HtmlWindow
  /** Loads images referenced by a relative path (files beside the imported one). */
  resolveImage?: ResolveImage
}

interface Context extends MarkdownImportOptions {
  definitions: Map<string, Md.Definition>
}

/**
 * GFM finds autolink literals (`a@b.de`, `www.x.de`, `https://…`) twice: while parsing, where
 * a backslash escape keeps them text, and again in mdast-util-gfm-autolink-literal's transform
 * over the finished tree, which sees the text with its escapes already removed. That second
 * pass turned text the serializer had escaped on purpose (`a\@b.de`) into links, so plain
 * text did not survive export and import. Only the first pass runs; unescaped addresses and
 * URLs are linked as before (what the parse alone misses: an address directly inside `_…_`
 * or `[…]` stays text).
 */
const MDAST_EXTENSIONS = gfmFromMarkdown().map((extension) =>
  extension.enter && 'literalAutolink' in extension.enter ? { ...extension, transforms: [] } : extension,
)

const UNDERLINE_OPEN = /^<u\s*>$/i
const UNDERLINE_CLOSE = /^<\/u\s*>$/i
const LINE_BREAK_TAG = /^<br\s*\/?>$/i
const HTML_COMMENT = /^<!--[\s\S]*-->$/

function collectDefinitions(node: Md.Nodes, out: Map<string, Md.Definition>): void {
  if (node.type === 'definition') {
    // The first definition of a label wins (CommonMark).
    if (!out.has(node.identifier)) out.set(node.identifier, node)
    return
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, out)
}

function inline(children: readonly Md.PhrasingContent[], marks: readonly DocMark[], ctx: Context): DocNode[] {
  const out: DocNode[] = []
  // `<u>…</u>` arrives as separate raw-HTML siblings around the text they underline.
  let underline = 0
  for (const child of children) {
    const current = underline > 0 ? [...marks, { type: MARK.underline }] : marks
    switch (child.type) {
      case 'text':
        // Soft line breaks render as spaces; the editor would show a newline literally.
        out.push(textNode(child.value.replace(/\r\n?|\n/g, ' '), current))
        break
      case 'emphasis':
        out.push(...inline(child.children, [...current, { type: MARK.italic }], ctx))
        break
      case 'strong':
        out.push(...inline(child.children, [...current, { type: MARK.bold }], ctx))
        break
      case 'delete':
        out.push(...inline(child.children, [...current, { type: MARK.strike }], ctx))
        break
      case 'inlineCode':
        out.push(textNode(child.value, [...current, { type: MARK.code }]))
        break
      case 'break':
        out.push({ type: NODE.hardBreak })
        break
      case 'link':
        out.push(...inline(child.children, withLink(current, child.url, child.title), ctx))
        break
      case 'linkReference': {
        const definition = ctx.definitions.get(child.identifier)
        const linkMarks = definition ? withLink(current, definition.url, definition.title) : current
        out.push(...inline(child.children, linkMarks, ctx))
        break
      }
      case 'image':
        out.push(...importImage(child.url, child.alt ?? '', child.title ?? null, current, ctx.resolveImage))
        break
      case 'imageReference': {
        const definition = ctx.definitions.get(child.identifier)
        if (definition) out.push(...importImage(definition.url, child.alt ?? '', definition.title ?? null, current, ctx.resolveImage))
        else if (child.alt) out.push(textNode(child.alt, current))
        break
      }
      case 'html': {
        const tag = child.value.trim()
        if (UNDERLINE_OPEN.test(tag)) underline++
        else if (UNDERLINE_CLOSE.test(tag)) underline = Math.max(0, underline - 1)
        else if (LINE_BREAK_TAG.test(tag)) out.push({ type: NODE.hardBreak })
        // Any other inline tag is dropped; the text around it stays.
        break
      }
      case 'footnoteReference':
        out.push(textNode(`[^${child.label ?? child.identifier}]`, current))
        break
    }
  }
  return out
}

function withLink(marks: readonly DocMark[], url: string, title: string | null | undefined): readonly DocMark[] {
  const href = safeLinkHref(url)
  if (!href) return marks
  return [...marks, { type: MARK.link, attrs: title ? { href, title } : { href } }]
}

function blocks(children: readonly Md.RootContent[], ctx: Context, depth: number): DocNode[] {
  return children.flatMap((child) => block(child, ctx, depth))
}

function block(node: Md.RootContent, ctx: Context, depth: number): DocNode[] {
  switch (node.type) {
    case 'paragraph':
      return blocksFromInline(inline(node.children, [], ctx))
    case 'heading': {
      const level = importHeadingLevel(node.depth)
      return blocksFromInline(inline(node.children, [], ctx), (content) => ({ type: NODE.heading, attrs: { level }, content }), true)
    }
    case 'thematicBreak':
      return [{ type: NODE.horizontalRule }]
    case 'blockquote':
      if (!canNest(depth)) return blocks(node.children, ctx, depth)
      return [blockquote(blocks(node.children, ctx, depth + 1))]
    case 'list': {
      if (!canNest(depth)) return node.children.flatMap((item) => blocks(item.children, ctx, depth))
      const items = node.children.map((item) => listItem(taskPrefix(item, blocks(item.children, ctx, depth + 2))))
      if (!node.ordered) return [{ type: NODE.bulletList, content: items }]
      return [{ type: NODE.orderedList, attrs: { start: clampListStart(node.start ?? 1) }, content: items }]
    }
    case 'code':
      return [codeBlock(node.value, cleanLanguage(node.lang))]
    case 'html':
      if (HTML_COMMENT.test(node.value.trim())) return []
      if (ctx.win) return htmlToBlocks(node.value, ctx.win, { resolveImage: ctx.resolveImage }, depth)
      return blocksFromInline(linesToInline(node.value))
    case 'definition':
      return []
    case 'table':
      // Tables are not in the editor: one paragraph per row, cells separated by " | ".
      return node.children.flatMap((row) =>
        blocksFromInline(row.children.flatMap((cell, i) => [...(i > 0 ? [textNode(' | ', [])] : []), ...inline(cell.children, [], ctx)])),
      )
    case 'footnoteDefinition': {
      const label = textNode(`[^${node.label ?? node.identifier}]: `, [])
      const content = blocks(node.children, ctx, depth)
      const first = content[0]
      if (first?.type === NODE.paragraph) content[0] = paragraph([label, ...(first.content ?? [])])
      else content.unshift(paragraph([label]))
      return content
    }
    default:
      return 'children' in node ? blocks(node.children as Md.RootContent[], ctx, depth) : []
  }
}

/** GFM task items: the editor has no checkboxes, so the box stays as text. */
function taskPrefix(item: Md.ListItem, content: DocNode[]): DocNode[] {
  if (item.checked === null || item.checked === undefined) return content
  const box = textNode(item.checked ? '[x] ' : '[ ] ', [])
  const first = content[0]
  if (first?.type === NODE.paragraph) return [paragraph([box, ...(first.content ?? [])]), ...content.slice(1)]
  return [paragraph([box]), ...content]
}

/** Markdown (CommonMark + GFM) to an editor document, without front matter. */
export function markdownToDoc(markdown: string, options: MarkdownImportOptions = {}): EditorDoc {
  let tree: Md.Root
  try {
    tree = parseMarkdown(markdown, { extensions: [gfm()], mdastExtensions: MDAST_EXTENSIONS })
  } catch (error) {
    if (error instanceof RangeError) throw new ImportError('malformed', 'The Markdown nests too deeply to be read.')
    throw error
  }
  const definitions = new Map<string, Md.Definition>()
  collectDefinitions(tree, definitions)
  try {
    return editorDoc(blocks(tree.children, { ...options, definitions }, 1))
  } catch (error) {
    if (error instanceof RangeError) throw new ImportError('malformed', 'The Markdown nests too deeply to be read.')
    throw error
  }
}

/**
 * A Markdown file (front matter + CommonMark/GFM) as a draft. Front matter fills the
 * metadata; what the editor cannot hold (tables, footnotes, raw HTML) degrades to text.
 * Throws ImportError('malformed') when the front matter is invalid YAML.
 */
export function fromMarkdown(text: string, options: MarkdownImportOptions = {}): { doc: EditorDoc; meta: ImportedMeta } {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text
  const { data, body } = splitFrontMatter(source)
  return { doc: markdownToDoc(body, options), meta: data ? metaFromFrontMatter(data) : emptyImportedMeta() }
}
