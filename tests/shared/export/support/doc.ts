import type { DocMark, DocNode, EditorDoc } from '@shared/domain'

/** Terse builders for editor documents in tests. */
export const doc = (...content: DocNode[]): EditorDoc => ({ type: 'doc', content })
export const p = (...content: DocNode[]): DocNode => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' })
export const h = (level: number, ...content: DocNode[]): DocNode => ({ type: 'heading', attrs: { level }, content })
export const t = (text: string, ...marks: (string | DocMark)[]): DocNode => {
  const m = marks.map((x) => (typeof x === 'string' ? { type: x } : x))
  return m.length ? { type: 'text', text, marks: m } : { type: 'text', text }
}
export const link = (href: string, title?: string): DocMark => ({ type: 'link', attrs: title ? { href, title } : { href } })
export const br = (): DocNode => ({ type: 'hardBreak' })
export const hr = (): DocNode => ({ type: 'horizontalRule' })
export const li = (...content: DocNode[]): DocNode => ({ type: 'listItem', content })
export const ul = (...items: DocNode[]): DocNode => ({ type: 'bulletList', content: items })
export const ol = (start: number, ...items: DocNode[]): DocNode => ({ type: 'orderedList', attrs: { start }, content: items })
export const quote = (...content: DocNode[]): DocNode => ({ type: 'blockquote', content })
export const code = (text: string, language: string | null = null): DocNode =>
  text ? { type: 'codeBlock', attrs: { language }, content: [{ type: 'text', text }] } : { type: 'codeBlock', attrs: { language } }
export const img = (src: string, alt: string | null = null, title: string | null = null): DocNode => ({ type: 'image', attrs: { src, alt, title } })

/** A 1×1 transparent PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
export const PNG_DATA_URL = `data:image/png;base64,${PNG_BASE64}`
export const ASSET_ID = 'a'.repeat(64)
export const ASSET_URL = `asset:${ASSET_ID}`

/** Every node of a document, depth first, the document itself included. */
export function allNodes(node: DocNode, out: DocNode[] = []): DocNode[] {
  out.push(node)
  for (const child of node.content ?? []) allNodes(child, out)
  return out
}
