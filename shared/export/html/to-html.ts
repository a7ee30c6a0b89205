import type { EditorDoc } from '../../domain'
import { parseExportMeta, type ExportMeta, type ExportMetaInput } from '../meta'
import { sanitizeHtml } from '../sanitize'
import { NODE } from '../schema'
import { safeCanonicalUrl } from '../urls'
import { docToHtmlBody } from './body'
import type { HtmlWindow } from './dom'
import { attrs, escapeText } from './escape'
import { PAGE_STYLESHEET } from './stylesheet'

export interface HtmlExportOptions {
  /**
   * When given, the body additionally goes through DOMPurify (with the importer's
   * allow-list). The serializer is already safe by construction; this is the second lock.
   */
  win?: HtmlWindow
  /** Time zone for the visible date (the `datetime` attribute is always UTC). Default: the system's. */
  timeZone?: string
}

const UNTITLED = { de: 'Ohne Titel', en: 'Untitled' } as const

/**
 * The page forbids itself every fetch and every script, so even a reader's browser that
 * found something we missed would refuse to run or load it.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

function plainText(nodes: EditorDoc['content']): string {
  return nodes.map((n) => (n.type === NODE.text ? (n.text ?? '') : plainText(n.content ?? []))).join('')
}

function formatDay(epochMs: number, language: string, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone }).format(epochMs)
  } catch {
    return new Date(epochMs).toISOString().slice(0, 10)
  }
}

function header(doc: EditorDoc, meta: ExportMeta, options: HtmlExportOptions): string {
  const first = doc.content[0]
  // The document may open with its own title; do not print it twice.
  const docHasTitle = first?.type === NODE.heading && first.attrs?.level === 1
  const title = meta.title.trim() && !docHasTitle ? `<h1>${escapeText(meta.title.trim())}</h1>\n` : ''
  const date =
    meta.createdAt !== undefined
      ? `<p class="date"><time${attrs({ datetime: new Date(meta.createdAt).toISOString() })}>${escapeText(formatDay(meta.createdAt, meta.language, options.timeZone))}</time></p>\n`
      : ''
  return title || date ? `<header>\n${title}${date}</header>\n` : ''
}

/** The body alone — "copy as HTML" for pasting into a blog editor. Images embedded as data URIs. */
export function toHtmlBody(doc: EditorDoc, meta?: ExportMetaInput, options: HtmlExportOptions = {}): string {
  const body = docToHtmlBody(doc, parseExportMeta(meta).assets)
  return options.win ? sanitizeHtml(body, options.win) : body
}

/**
 * One self-contained HTML file: doctype, lang, title, description and canonical URL when
 * set, an inline stylesheet (light/dark), images as data URIs, and no script at all.
 */
export function toHtml(doc: EditorDoc, meta?: ExportMetaInput, options: HtmlExportOptions = {}): string {
  const parsed = parseExportMeta(meta)
  const body = toHtmlBody(doc, parsed, options)
  const title = parsed.title.trim() || plainText(doc.content.filter((n) => n.type === NODE.heading).slice(0, 1)).trim() || UNTITLED[parsed.language]
  const description = parsed.description.trim()
  const canonical = safeCanonicalUrl(parsed.canonicalUrl)
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy"${attrs({ content: CONTENT_SECURITY_POLICY })}>`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeText(title)}</title>`,
    description ? `<meta name="description"${attrs({ content: description })}>` : '',
    canonical ? `<link rel="canonical"${attrs({ href: canonical })}>` : '',
    parsed.createdAt !== undefined ? `<meta property="article:published_time"${attrs({ content: new Date(parsed.createdAt).toISOString() })}>` : '',
    parsed.updatedAt !== undefined ? `<meta property="article:modified_time"${attrs({ content: new Date(parsed.updatedAt).toISOString() })}>` : '',
    parsed.tags.length > 0 ? `<meta name="keywords"${attrs({ content: parsed.tags.join(', ') })}>` : '',
    '<meta name="generator" content="Longhand">',
    `<style>\n${PAGE_STYLESHEET}\n</style>`,
  ].filter(Boolean)
  return [
    '<!doctype html>',
    `<html${attrs({ lang: parsed.language })}>`,
    '<head>',
    ...head,
    '</head>',
    '<body>',
    '<main>',
    '<article>',
    `${header(doc, parsed, options)}${body}</article>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
