import DOMPurify, { type Config } from 'dompurify'
import { classifyImageSrc } from './images'
import type { HtmlWindow } from './html/dom'
import { safeLinkHref } from './urls'

/**
 * DOMPurify with an allow-list: the tags the importer understands plus harmless text-level
 * ones, and only the attributes it reads. No style, no event handlers, no forms, frames,
 * SVG, MathML or scripts (their content is dropped with them). Links may point only where
 * shared/export/urls.ts allows; images stay images only when their bytes are inline
 * (data:image/… of an allowed type) or in the asset store. Remote and relative images become
 * links, so nothing the sanitizer returns will load anything when displayed.
 */
export const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr',
  'strong', 'b', 'em', 'i', 's', 'strike', 'del', 'u', 'ins', 'a', 'img', 'span', 'div', 'section',
  'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'sub', 'sup', 'mark', 'small', 'kbd', 'samp',
  'tt', 'var', 'abbr', 'cite', 'q', 'address', 'time', 'center', 'font', 'big',
]
export const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'start', 'type', 'class', 'lang', 'datetime']

/** DOMPurify's first URL gate (ours in the hook is stricter): http(s), mailto, asset, relative. */
const URI_GATE = /^(?:(?:https?|mailto|asset):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i

export const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: URI_GATE,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
}

/** What the hook touches, typed structurally (see html/dom.ts for why). */
interface HookElement {
  readonly tagName: string
  readonly ownerDocument: {
    createElement(tag: string): HookElement
    createTextNode(text: string): unknown
  }
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  hasAttribute(name: string): boolean
  append(...nodes: unknown[]): void
  replaceWith(...nodes: unknown[]): void
}

function enforceUrlPolicy(element: HookElement): void {
  const href = element.getAttribute('href')
  if (href !== null && safeLinkHref(href) === null) element.removeAttribute('href')
  if (element.tagName.toLowerCase() !== 'img') return
  const src = element.getAttribute('src') ?? ''
  const source = classifyImageSrc(src)
  if (source.kind === 'data' || source.kind === 'asset') return
  const alt = element.getAttribute('alt') ?? ''
  const doc = element.ownerDocument
  if (source.kind === 'remote' || source.kind === 'relative') {
    const link = doc.createElement('a')
    link.setAttribute('href', source.kind === 'remote' ? source.url : source.path)
    link.append(doc.createTextNode(alt || src))
    element.replaceWith(link)
  } else {
    element.replaceWith(doc.createTextNode(alt))
  }
}

/**
 * Word processors (Google Docs, Word, Pages) mark bold, italic, underline and strike-through
 * with inline styles, which the sanitizer removes. Before it does, the meaning is kept as a
 * class the importer reads (and nothing else does): see STYLE_CLASSES.
 */
export const STYLE_CLASSES = {
  bold: 'lh-bold',
  regular: 'lh-regular',
  italic: 'lh-italic',
  underline: 'lh-underline',
  strike: 'lh-strike',
} as const

function styleClasses(style: string): string[] {
  const s = style.toLowerCase().replace(/\s+/g, '')
  const out: string[] = []
  const weight = /(?:^|;)font-weight:(bold|bolder|normal|lighter|\d+)/.exec(s)?.[1]
  if (weight) {
    const numeric = Number(weight)
    out.push(weight === 'bold' || weight === 'bolder' || numeric >= 600 ? STYLE_CLASSES.bold : STYLE_CLASSES.regular)
  }
  if (/(?:^|;)font-style:(italic|oblique)/.test(s)) out.push(STYLE_CLASSES.italic)
  const decoration = /(?:^|;)text-decoration(?:-line)?:([^;]*)/.exec(s)?.[1] ?? ''
  if (decoration.includes('underline')) out.push(STYLE_CLASSES.underline)
  if (decoration.includes('line-through')) out.push(STYLE_CLASSES.strike)
  return out
}

function keepStyleMeaning(element: HookElement): void {
  const style = element.getAttribute('style')
  if (!style) return
  const classes = styleClasses(style)
  if (classes.length > 0) element.setAttribute('class', [element.getAttribute('class') ?? '', ...classes].join(' ').trim())
}

type Purifier = ReturnType<typeof DOMPurify>
const purifiers = new WeakMap<HtmlWindow, Purifier>()

function purifierFor(win: HtmlWindow): Purifier {
  let purifier = purifiers.get(win)
  if (!purifier) {
    purifier = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0])
    if (!purifier.isSupported) throw new Error('DOMPurify cannot run with the window it was given')
    purifier.addHook('beforeSanitizeAttributes', (node) => {
      if ((node as unknown as { nodeType: number }).nodeType === 1) keepStyleMeaning(node as unknown as HookElement)
    })
    purifier.addHook('afterSanitizeAttributes', (node) => enforceUrlPolicy(node as unknown as HookElement))
    purifiers.set(win, purifier)
  }
  return purifier
}

/** Sanitized HTML (body content) that is safe to parse, store or display. */
export function sanitizeHtml(html: string, win: HtmlWindow): string {
  return purifierFor(win).sanitize(html, SANITIZE_CONFIG)
}
