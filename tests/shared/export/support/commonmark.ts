import { createRequire } from 'node:module'
import { HtmlRenderer, Parser } from 'commonmark'

export interface SpecExample {
  markdown: string
  html: string
  section: string
  number: number
}

/** The CommonMark spec's examples; the spec writes tabs as "→". */
export function specExamples(): SpecExample[] {
  const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] }
  return spec.tests.map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t'), html: t.html.replace(/→/g, '\t') }))
}

const parser = new Parser()
const renderer = new HtmlRenderer()

/** The reference implementation's HTML for some Markdown. */
export function renderCommonmark(markdown: string): string {
  return renderer.render(parser.parse(markdown))
}

const BLOCK_TAG = /\s*(<\/?(?:p|li|ul|ol|blockquote|h[1-6]|pre|hr|br|code)\b[^>]*>)\s*/g
const VOID_TAGS = new Set(['br', 'hr', 'img'])

/** Drops every <p>…</p> pair whose parent is an <li> (the renderer's output is well-formed). */
function unwrapListParagraphs(html: string): string {
  const stack: string[] = []
  let out = ''
  for (const token of html.split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(token)
    if (!tag) {
      out += token
      continue
    }
    const [, closing, name] = tag as unknown as [string, string, string]
    if (VOID_TAGS.has(name) || token.endsWith('/>')) {
      out += token
    } else if (!closing) {
      const unwrap = name === 'p' && stack[stack.length - 1] === 'li'
      stack.push(unwrap ? 'p-unwrapped' : name)
      out += unwrap ? ' ' : token
    } else {
      out += stack.pop() === 'p-unwrapped' ? ' ' : token
    }
  }
  return out
}

/**
 * Compares HTML as a reader sees it: whitespace runs collapsed (outside <pre>), none around
 * block tags. With `ignoreTightness`, `<p>` directly inside `<li>` is unwrapped: the editor's
 * lists have no tight/loose attribute (Tiptap always holds paragraphs in list items), so
 * tightness cannot survive the trip through the editor.
 */
export function normalizeHtml(html: string, ignoreTightness: boolean): string {
  const pres: string[] = []
  let out = html.replace(/<pre>[\s\S]*?<\/pre>/g, (pre) => {
    pres.push(pre)
    return `<pre>\u0000${pres.length - 1}</pre>`
  })
  if (ignoreTightness) out = unwrapListParagraphs(out)
  out = out.replace(/\s+/g, ' ').replace(BLOCK_TAG, '$1').trim()
  return out.replace(/<pre>\u0000(\d+)<\/pre>/g, (_, i: string) => pres[Number(i)]!)
}
