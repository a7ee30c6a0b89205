import type * as Md from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { defaultHandlers, toMarkdown as serializeMdast, type Handle, type Options as ToMarkdownOptions, type State, type Unsafe } from 'mdast-util-to-markdown'
import { MAX_DOC_DEPTH, type DocNode, type EditorDoc } from '../../domain'
import { ExportError } from '../errors'
import { writeFrontMatter } from '../front-matter'
import {
  classifyImageSrc,
  dataImageUrl,
  extensionForMime,
  MissingAssetError,
  type AssetMap,
  type ImageData,
  type ImageMime,
} from '../images'
import { buildInlineTree, type InlineItem } from '../inline-tree'
import { parseExportMeta, type ExportMetaInput } from '../meta'
import { clampHeadingLevel, clampListStart, cleanLanguage, NODE } from '../schema'
import { plainBlockMarkdown } from './plain-blocks'

/** `embed`: images as data URIs inside the file. `folder`: image files beside it, in `images/`. */
export type MarkdownImageMode = 'embed' | 'folder'

export interface MarkdownExportOptions {
  images?: MarkdownImageMode
  /** Leave out the YAML block, e.g. for "copy as Markdown". Default true. */
  frontMatter?: boolean
}

/** A file to write next to the Markdown file (folder mode). `path` is relative and uses "/". */
export interface MarkdownImageFile {
  path: string
  mime: ImageMime
  dataBase64: string
}

export interface MarkdownExport {
  markdown: string
  files: MarkdownImageFile[]
}

export const IMAGE_FOLDER = 'images'

/**
 * mdast-util-to-markdown escapes each text node by running every one of its ~90 "unsafe"
 * patterns over it; with tens of thousands of text nodes in a long draft that dominates
 * the export. A pattern can only match where its character occurs, so giving the escaper
 * just the patterns whose character is present yields exactly the same output, faster.
 */
interface PatternIndex {
  /** For each ASCII code: its slot among the pattern characters, or -1 (all pattern characters are ASCII). */
  slotOfCode: Int8Array
  bySlot: Unsafe[][]
  /** Relevant patterns per set of present characters (as a bit mask). */
  cache: Map<string, Unsafe[]>
}

const indexes = new WeakMap<Unsafe[], PatternIndex>()

function indexFor(all: Unsafe[]): PatternIndex {
  let index = indexes.get(all)
  if (index) return index
  const slotOfCode = new Int8Array(128).fill(-1)
  const bySlot: Unsafe[][] = []
  for (const pattern of all) {
    const code = pattern.character.charCodeAt(0)
    if (pattern.character.length !== 1 || code >= 128) throw new Error(`unexpected unsafe pattern character ${JSON.stringify(pattern.character)}`)
    if (slotOfCode[code] === -1) {
      slotOfCode[code] = bySlot.length
      bySlot.push([])
    }
    bySlot[slotOfCode[code]!]!.push(pattern)
  }
  index = { slotOfCode, bySlot, cache: new Map() }
  indexes.set(all, index)
  return index
}

function patternsFor(all: Unsafe[], value: string): Unsafe[] {
  const index = indexFor(all)
  let low = 0
  let high = 0
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    const slot = code < 128 ? index.slotOfCode[code]! : -1
    if (slot >= 30) high |= 1 << (slot - 30)
    else if (slot >= 0) low |= 1 << slot
  }
  const key = `${low}:${high}`
  let relevant = index.cache.get(key)
  if (!relevant) {
    relevant = index.bySlot.filter((_, slot) => (slot >= 30 ? high & (1 << (slot - 30)) : low & (1 << slot)) !== 0).flat()
    index.cache.set(key, relevant)
  }
  return relevant
}

const text = ((node, parent, state: State, info) => {
  const all = state.unsafe
  state.unsafe = patternsFor(all, `${info.before}${(node as Md.Text).value}${info.after}`)
  try {
    return defaultHandlers.text(node as Md.Text, parent, state, info)
  } finally {
    state.unsafe = all
  }
}) as Handle & { peek: Handle }

/**
 * The serializer asks each node for its first character to escape its predecessor. Only a
 * pattern's own character is ever escaped or encoded, so any other first character is
 * output unchanged and the node need not be serialized twice.
 */
text.peek = (node, parent, state: State, info) => {
  const value = (node as Md.Text).value
  const code = value.charCodeAt(0)
  if (value && (code >= 128 || indexFor(state.unsafe).slotOfCode[code] === -1) && !/[\s\\&]/.test(value.charAt(0))) return value.charAt(0)
  return text(node, parent, state, info)
}

/** In running text, where the stock rule for `<` applies (not inside URLs, titles or references). */
const IN_TEXT = {
  inConstruct: 'phrasing',
  notInConstruct: ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe'],
} satisfies Partial<Unsafe>

/**
 * Text that a Markdown reader would turn into a link, escaped where the stock rules miss it, so
 * that plain text stays plain text (the importer honours these escapes, see from-markdown.ts):
 * - `<` before any character an email address may start with: CommonMark reads `<|@a>` and
 *   `<1@a.b>` as email autolinks; the stock rule only covers a letter, `!`, `/` and `?`.
 * - the `.` of `www.` before anything at all: GFM links `www.+` and even `www. x` (as "www");
 *   the stock rule only covers `www.` before a letter, digit, `-`, `_` or `.`.
 * - the `:` of `HTTP://` in any case: GFM links it; the stock rule only covers lower case.
 */
const AUTOLINK_LOOKALIKES: Unsafe[] = [
  { character: '<', after: "[\\w.!#$%&'*+/=?^`{|}~-]", ...IN_TEXT },
  { character: '.', before: '[Ww]{3}', ...IN_TEXT },
  { character: ':', before: '[PpSs]', after: '\\/', ...IN_TEXT },
]

/** CommonMark + GFM as Hugo (Goldmark), Jekyll and Astro (remark) read it. */
export const MARKDOWN_STYLE: ToMarkdownOptions = {
  bullet: '-',
  bulletOther: '*',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  setext: false,
  closeAtx: false,
  resourceLink: false,
  unsafe: AUTOLINK_LOOKALIKES,
  extensions: [gfmToMarkdown()],
}

const SERIALIZE_OPTIONS: ToMarkdownOptions = { ...MARKDOWN_STYLE, handlers: { text } }

/**
 * What an image of the document becomes: an image only with bytes the export carries (a data
 * URI, or a file it writes into images/); a remote or relative source becomes a link to it,
 * exactly as in the HTML export, so no reader of the file ever fetches anything.
 */
type ImageOutput = { kind: 'image'; url: string } | { kind: 'link'; href: string } | { kind: 'text' }

/** Where each image of the document goes in the Markdown output. */
class ImageWriter {
  readonly files: MarkdownImageFile[] = []
  private readonly pathBySource = new Map<string, string>()

  constructor(
    private readonly mode: MarkdownImageMode,
    private readonly assets: AssetMap,
  ) {}

  output(src: string): ImageOutput {
    const source = classifyImageSrc(src)
    switch (source.kind) {
      case 'asset': {
        const image = this.assets[source.id]
        if (!image) throw new MissingAssetError(source.id)
        return { kind: 'image', url: this.place(src, image, source.id.slice(0, 16)) }
      }
      case 'data':
        return { kind: 'image', url: this.place(src, source.image, null) }
      // DO NOT write these as images: a Markdown reader would load them.
      case 'remote':
        return { kind: 'link', href: source.url }
      case 'relative':
        return { kind: 'link', href: source.path }
      case 'refused':
        return { kind: 'text' }
    }
  }

  private place(src: string, image: ImageData, name: string | null): string {
    if (this.mode === 'embed') return dataImageUrl(image)
    const known = this.pathBySource.get(src)
    if (known) return known
    const path = `${IMAGE_FOLDER}/${name ?? `image-${this.files.length + 1}`}.${extensionForMime(image.mime)}`
    this.pathBySource.set(src, path)
    this.files.push({ path, mime: image.mime, dataBase64: image.dataBase64 })
    return path
  }
}

function phrasing(items: readonly InlineItem[], images: ImageWriter, inLink = false): Md.PhrasingContent[] {
  const out: Md.PhrasingContent[] = []
  for (const item of items) {
    switch (item.kind) {
      case 'text':
        out.push(item.code ? { type: 'inlineCode', value: item.text } : { type: 'text', value: item.text })
        break
      case 'hardBreak':
        out.push({ type: 'break' })
        break
      case 'image': {
        const output = images.output(item.src)
        if (output.kind === 'image') out.push({ type: 'image', url: output.url, alt: item.alt, title: item.title })
        // Links cannot nest: inside one, an image we will not embed is just its description.
        else if (output.kind === 'link' && !inLink) out.push({ type: 'link', url: output.href, title: item.title, children: [{ type: 'text', value: item.alt || output.href }] })
        else if (item.alt) out.push({ type: 'text', value: item.alt })
        break
      }
      case 'span': {
        const children = phrasing(item.children, images, inLink || item.mark.kind === 'link')
        const mark = item.mark
        if (mark.kind === 'link') {
          out.push({ type: 'link', url: mark.href, title: mark.title, children })
          break
        }
        // `*foo *` is not emphasis in Markdown: spaces at the edges move outside the span.
        const before = expelSpace(children, 'start')
        const after = expelSpace(children, 'end')
        if (before) out.push({ type: 'text', value: before })
        if (children.length === 0) {
          // Only whitespace was marked; nothing left to mark.
        } else if (mark.kind === 'bold') out.push({ type: 'strong', children })
        else if (mark.kind === 'italic') out.push({ type: 'emphasis', children })
        else if (mark.kind === 'strike') out.push({ type: 'delete', children })
        // Markdown has no underline; inline HTML is the one form CommonMark renderers keep.
        else out.push({ type: 'html', value: '<u>' }, ...children, { type: 'html', value: '</u>' })
        if (after) out.push({ type: 'text', value: after })
        break
      }
    }
  }
  return out
}

/** Removes whitespace at the start or end of a span's children and returns it. */
function expelSpace(children: Md.PhrasingContent[], edge: 'start' | 'end'): string {
  const leading = edge === 'start'
  const index = leading ? 0 : children.length - 1
  const node = children[index]
  if (!node || node.type !== 'text') return ''
  const match = (leading ? /^\s+/ : /\s+$/).exec(node.value)
  if (!match) return ''
  node.value = leading ? node.value.slice(match[0].length) : node.value.slice(0, node.value.length - match[0].length)
  if (!node.value) children.splice(index, 1)
  return match[0]
}

function codeText(node: DocNode): string {
  return (node.content ?? []).map((c) => (c.type === NODE.hardBreak ? '\n' : (c.text ?? ''))).join('')
}

/**
 * A list item holding more than one paragraph, or a code block or quote, is written with
 * blank lines between its blocks (a loose list), as CommonMark requires for the blocks to stay
 * apart and as people write them. A paragraph with nested lists stays tight.
 */
function isSpread(content: readonly Md.BlockContent[]): boolean {
  return content.filter((block) => block.type !== 'list').length > 1
}

const isInline = (n: DocNode) => n.type === NODE.text || n.type === NODE.hardBreak || n.type === NODE.image

class MdastBuilder {
  constructor(private readonly images: ImageWriter) {}

  blocks(nodes: readonly DocNode[], depth: number): Md.RootContent[] {
    if (depth > MAX_DOC_DEPTH) throw new ExportError(`document nests deeper than ${MAX_DOC_DEPTH} levels`)
    return nodes.flatMap((node) => this.block(node, depth))
  }

  private block(node: DocNode, depth: number): Md.RootContent[] {
    const children = node.content ?? []
    switch (node.type) {
      case NODE.paragraph: {
        const content = phrasing(buildInlineTree(children), this.images)
        // Markdown cannot say "empty paragraph": blank lines between blocks carry no content.
        return content.length > 0 ? [{ type: 'paragraph', children: content }] : []
      }
      case NODE.heading:
        return [
          {
            type: 'heading',
            depth: clampHeadingLevel(node.attrs?.level),
            children: phrasing(buildInlineTree(children), this.images),
          },
        ]
      case NODE.bulletList:
      case NODE.orderedList: {
        const ordered = node.type === NODE.orderedList
        const items: Md.ListItem[] = children.map((child) => {
          const content = this.blocks(child.type === NODE.listItem ? (child.content ?? []) : [child], depth + 2) as Md.BlockContent[]
          return { type: 'listItem', spread: isSpread(content), children: content }
        })
        if (items.length === 0) return []
        const spread = items.some((item) => item.spread)
        return [{ type: 'list', ordered, start: ordered ? clampListStart(node.attrs?.start ?? 1) : null, spread, children: items }]
      }
      case NODE.listItem:
        // A list item outside a list: keep its content.
        return this.blocks(children, depth + 1)
      case NODE.blockquote:
        return [{ type: 'blockquote', children: this.blocks(children, depth + 1) as Md.BlockContent[] }]
      case NODE.codeBlock:
        return [{ type: 'code', lang: cleanLanguage(node.attrs?.language), meta: null, value: codeText(node) }]
      case NODE.horizontalRule:
        return [{ type: 'thematicBreak' }]
      case NODE.image:
      case NODE.hardBreak:
      case NODE.text: {
        // Inline content at block level (e.g. a block image): give it a paragraph.
        const content = phrasing(buildInlineTree([node]), this.images)
        return content.length > 0 ? [{ type: 'paragraph', children: content }] : []
      }
      default:
        // Unknown node from some future extension: keep its text, drop its wrapper.
        if (children.some(isInline)) {
          const content = phrasing(buildInlineTree(children), this.images)
          return content.length > 0 ? [{ type: 'paragraph', children: content }] : []
        }
        return this.blocks(children, depth + 1)
    }
  }
}

/** The Markdown body (no front matter) as an mdast tree, for callers that post-process it. */
export function docToMdast(doc: EditorDoc, images: MarkdownImageMode = 'embed', assets: AssetMap = {}): { root: Md.Root; files: MarkdownImageFile[] } {
  const writer = new ImageWriter(images, assets)
  const root: Md.Root = { type: 'root', children: new MdastBuilder(writer).blocks(doc.content ?? [], 1) }
  return { root, files: writer.files }
}

/** Closes every run of blocks given to mdast: what comes after a block never changes how it is written. */
const SENTINEL: Md.Paragraph = { type: 'paragraph', children: [{ type: 'text', value: 'x' }] }
const SENTINEL_MARKDOWN = '\n\nx\n'

/**
 * The body: plain paragraphs and headings written directly (plainBlockMarkdown), every other
 * run of top-level blocks by mdast-util-to-markdown, joined by the blank line it puts between
 * top-level blocks. Byte for byte what serializing the whole mdast tree writes; nothing at the
 * top level carries over from one block to the next but the list marker of adjacent lists, and
 * adjacent non-plain blocks stay in one run.
 */
function serializeBody(doc: EditorDoc, writer: ImageWriter): string {
  const builder = new MdastBuilder(writer)
  const parts: string[] = []
  let run: DocNode[] = []
  const flush = () => {
    if (run.length === 0) return
    const children = builder.blocks(run, 1)
    run = []
    if (children.length === 0) return
    const written = serializeMdast({ type: 'root', children: [...children, SENTINEL] }, SERIALIZE_OPTIONS)
    if (!written.endsWith(SENTINEL_MARKDOWN)) throw new Error('Markdown serializer: unexpected end of a block run')
    parts.push(written.slice(0, -SENTINEL_MARKDOWN.length))
  }
  for (const node of doc.content ?? []) {
    const plain = plainBlockMarkdown(node)
    if (plain === undefined) run.push(node)
    else {
      flush()
      parts.push(plain)
    }
  }
  flush()
  const body = parts.join('\n\n')
  // As mdast-util-to-markdown ends its output: with a line ending, unless it already has one.
  return body && !/[\r\n]$/.test(body) ? `${body}\n` : body
}

export function toMarkdownWithImages(doc: EditorDoc, meta?: ExportMetaInput, options: MarkdownExportOptions = {}): MarkdownExport {
  const parsed = parseExportMeta(meta)
  const writer = new ImageWriter(options.images ?? 'embed', parsed.assets)
  const body = serializeBody(doc, writer)
  const files = writer.files
  const markdown = options.frontMatter === false ? body : body ? `${writeFrontMatter(parsed)}\n${body}` : writeFrontMatter(parsed)
  return { markdown, files }
}

/** The Markdown file: YAML front matter and the body, images embedded as data URIs. */
export function toMarkdown(doc: EditorDoc, meta?: ExportMetaInput): string {
  return toMarkdownWithImages(doc, meta, { images: 'embed' }).markdown
}

/** "Copy as Markdown": the body alone, images embedded. */
export function toMarkdownBody(doc: EditorDoc, meta?: ExportMetaInput): string {
  return toMarkdownWithImages(doc, meta, { images: 'embed', frontMatter: false }).markdown
}
