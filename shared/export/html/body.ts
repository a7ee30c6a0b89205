import { MAX_DOC_DEPTH, type DocNode } from '../../domain'
import { ExportError } from '../errors'
import { classifyImageSrc, dataImageUrl, MissingAssetError, type AssetMap } from '../images'
import { buildInlineTree, type InlineItem, type InlineMark } from '../inline-tree'
import { clampHeadingLevel, clampListStart, cleanLanguage, NODE, ORDERED_LIST_TYPES } from '../schema'
import { attrs, escapeText } from './escape'

/**
 * The document as body HTML, safe by construction: every tag and attribute name is a
 * literal here, every text and attribute value goes through escapeText/escapeAttr, links
 * pass shared/export/urls.ts, and images are emitted only with bytes we hold (data URIs).
 * A remote or relative image becomes a link to it; nothing in the output loads anything.
 */
const MARK_TAGS: Record<Exclude<InlineMark['kind'], 'link'>, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
}

class BodyWriter {
  constructor(private readonly assets: AssetMap) {}

  blocks(nodes: readonly DocNode[], depth: number): string {
    if (depth > MAX_DOC_DEPTH) throw new ExportError(`document nests deeper than ${MAX_DOC_DEPTH} levels`)
    let html = ''
    for (const node of nodes) html += this.block(node, depth)
    return html
  }

  private block(node: DocNode, depth: number): string {
    const children = node.content ?? []
    switch (node.type) {
      case NODE.paragraph: {
        const inner = this.inline(children)
        // An empty paragraph is spacing in the editor, nothing in a document.
        return inner ? `<p>${inner}</p>\n` : ''
      }
      case NODE.heading: {
        const level = clampHeadingLevel(node.attrs?.level)
        return `<h${level}>${this.inline(children)}</h${level}>\n`
      }
      case NODE.bulletList:
        return `<ul>\n${this.items(children, depth)}</ul>\n`
      case NODE.orderedList: {
        const start = clampListStart(node.attrs?.start ?? 1)
        const type = (ORDERED_LIST_TYPES as readonly unknown[]).includes(node.attrs?.type) ? String(node.attrs?.type) : null
        return `<ol${attrs({ start: start === 1 ? null : start, type: type === '1' ? null : type })}>\n${this.items(children, depth)}</ol>\n`
      }
      case NODE.listItem:
        return this.blocks(children, depth + 1)
      case NODE.blockquote:
        return `<blockquote>\n${this.blocks(children, depth + 1)}</blockquote>\n`
      case NODE.codeBlock: {
        const language = cleanLanguage(node.attrs?.language)
        const code = children.map((c) => (c.type === NODE.hardBreak ? '\n' : (c.text ?? ''))).join('')
        return `<pre><code${attrs({ class: language ? `language-${language}` : null })}>${escapeText(code)}</code></pre>\n`
      }
      case NODE.horizontalRule:
        return '<hr>\n'
      case NODE.image:
      case NODE.hardBreak:
      case NODE.text: {
        const inner = this.inline([node])
        return inner ? `<p>${inner}</p>\n` : ''
      }
      default:
        if (children.some((c) => c.type === NODE.text || c.type === NODE.hardBreak || c.type === NODE.image)) {
          const inner = this.inline(children)
          return inner ? `<p>${inner}</p>\n` : ''
        }
        return this.blocks(children, depth + 1)
    }
  }

  /** List items; one holding a single paragraph (plus nested lists) is written tight, as Markdown would. */
  private items(items: readonly DocNode[], depth: number): string {
    let html = ''
    for (const item of items) {
      const content = item.type === NODE.listItem ? (item.content ?? []) : [item]
      const paragraphs = content.filter((c) => c.type === NODE.paragraph).length
      const tight = paragraphs <= 1 && content.every((c) => c.type === NODE.paragraph || c.type === NODE.bulletList || c.type === NODE.orderedList)
      let inner = ''
      for (const child of content) {
        inner += tight && child.type === NODE.paragraph ? this.inline(child.content ?? []) : this.block(child, depth + 2)
      }
      html += `<li>${inner}</li>\n`
    }
    return html
  }

  inline(nodes: readonly DocNode[]): string {
    return this.items2html(buildInlineTree(nodes), false)
  }

  private items2html(items: readonly InlineItem[], inLink: boolean): string {
    let html = ''
    for (const item of items) {
      switch (item.kind) {
        case 'text':
          html += item.code ? `<code>${escapeText(item.text)}</code>` : escapeText(item.text)
          break
        case 'hardBreak':
          html += '<br>\n'
          break
        case 'image':
          html += this.image(item.src, item.alt, item.title, inLink)
          break
        case 'span': {
          const inner = this.items2html(item.children, inLink || item.mark.kind === 'link')
          if (item.mark.kind === 'link') html += `<a${attrs({ href: item.mark.href, title: item.mark.title })}>${inner}</a>`
          else html += `<${MARK_TAGS[item.mark.kind]}>${inner}</${MARK_TAGS[item.mark.kind]}>`
          break
        }
      }
    }
    return html
  }

  private image(src: string, alt: string, title: string | null, inLink: boolean): string {
    const source = classifyImageSrc(src)
    // Links cannot nest: inside one, an image we will not embed is just its description.
    if (inLink && (source.kind === 'remote' || source.kind === 'relative')) return escapeText(alt)
    switch (source.kind) {
      case 'asset': {
        const image = this.assets[source.id]
        if (!image) throw new MissingAssetError(source.id)
        return `<img${attrs({ src: dataImageUrl(image), alt, title })}>`
      }
      case 'data':
        return `<img${attrs({ src: dataImageUrl(source.image), alt, title })}>`
      case 'remote':
        return `<a${attrs({ href: source.url, title })}>${escapeText(alt || source.url)}</a>`
      case 'relative':
        return `<a${attrs({ href: source.path, title })}>${escapeText(alt || source.path)}</a>`
      case 'refused':
        return escapeText(alt)
    }
  }
}

/** Body HTML of a document: what "copy as HTML" puts on the clipboard and the page wraps. */
export function docToHtmlBody(doc: DocNode, assets: AssetMap = {}): string {
  return new BodyWriter(assets).blocks(doc.content ?? [], 1)
}
