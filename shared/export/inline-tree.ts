import type { DocMark, DocNode } from '../domain'
import { MARK, NODE } from './schema'
import { safeLinkHref } from './urls'

/**
 * The editor stores inline content flat: text nodes, each with a set of marks. Markdown and
 * HTML need nesting. This builds the nesting once for both exporters, so they agree.
 * Code is a property of a text leaf, not a wrapper: neither Markdown nor the editor lets
 * code contain other formatting.
 */
export type InlineMark =
  | { kind: 'bold' }
  | { kind: 'italic' }
  | { kind: 'strike' }
  | { kind: 'underline' }
  | { kind: 'link'; href: string; title: string | null }

export type InlineLeaf =
  | { kind: 'text'; text: string; code: boolean }
  | { kind: 'hardBreak' }
  | { kind: 'image'; src: string; alt: string; title: string | null }

export interface InlineSpan {
  kind: 'span'
  mark: InlineMark
  children: InlineItem[]
}

export type InlineItem = InlineLeaf | InlineSpan

interface FlatItem {
  leaf: InlineLeaf
  marks: InlineMark[]
}

/**
 * Tie-break for marks that open together and last equally long: links outermost, then
 * emphasis around strong (CommonMark reads `***a***` as <em><strong>).
 */
const RANK: Record<InlineMark['kind'], number> = { link: 0, italic: 1, bold: 2, strike: 3, underline: 4 }

function toInlineMark(mark: DocMark): InlineMark | null {
  switch (mark.type) {
    case MARK.bold:
      return { kind: 'bold' }
    case MARK.italic:
      return { kind: 'italic' }
    case MARK.strike:
      return { kind: 'strike' }
    case MARK.underline:
      return { kind: 'underline' }
    case MARK.link: {
      const href = safeLinkHref(mark.attrs?.href)
      if (!href) return null
      const title = typeof mark.attrs?.title === 'string' && mark.attrs.title ? mark.attrs.title : null
      return { kind: 'link', href, title }
    }
    default:
      // `passage` and anything unknown: the text stays, the mark does not travel.
      return null
  }
}

export function sameMark(a: InlineMark, b: InlineMark): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'link' && b.kind === 'link') return a.href === b.href && a.title === b.title
  return true
}

function sameMarkSet(a: readonly InlineMark[], b: readonly InlineMark[]): boolean {
  return a.length === b.length && a.every((m) => b.some((n) => sameMark(m, n)))
}

function flatten(nodes: readonly DocNode[], inherited: readonly DocMark[], out: FlatItem[]): void {
  for (const node of nodes) {
    const docMarks = [...inherited, ...(node.marks ?? [])]
    const marks: InlineMark[] = []
    for (const m of docMarks) {
      const mark = toInlineMark(m)
      if (mark && !marks.some((x) => sameMark(x, mark))) marks.push(mark)
    }
    if (node.type === NODE.text) {
      const text = node.text ?? ''
      if (!text) continue
      const code = docMarks.some((m) => m.type === MARK.code)
      const last = out[out.length - 1]
      if (last && last.leaf.kind === 'text' && last.leaf.code === code && sameMarkSet(last.marks, marks)) {
        last.leaf = { kind: 'text', text: last.leaf.text + text, code }
      } else {
        out.push({ leaf: { kind: 'text', text, code }, marks })
      }
    } else if (node.type === NODE.hardBreak) {
      out.push({ leaf: { kind: 'hardBreak' }, marks })
    } else if (node.type === NODE.image) {
      const src = node.attrs?.src
      if (typeof src !== 'string' || !src) continue
      const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : ''
      const title = typeof node.attrs?.title === 'string' && node.attrs.title ? node.attrs.title : null
      out.push({ leaf: { kind: 'image', src, alt, title }, marks })
    } else if (node.content) {
      // An inline node we do not know (e.g. from a future extension): keep what it says.
      flatten(node.content, docMarks, out)
    } else if (typeof node.text === 'string' && node.text) {
      flatten([{ type: NODE.text, text: node.text }], docMarks, out)
    }
  }
}

/**
 * A line break inside italic text usually carries no marks of its own; give it the marks
 * on both sides so the span continues across it instead of closing and reopening.
 */
function bridgeLineBreaks(items: FlatItem[]): void {
  for (let i = 1; i < items.length - 1; i++) {
    const item = items[i]!
    if (item.leaf.kind !== 'hardBreak' || item.marks.length > 0) continue
    const next = items[i + 1]!.marks
    item.marks = items[i - 1]!.marks.filter((m) => next.some((n) => sameMark(m, n)))
  }
}

function runLength(items: readonly FlatItem[], from: number, mark: InlineMark): number {
  let i = from
  while (i < items.length && items[i]!.marks.some((m) => sameMark(m, mark))) i++
  return i - from
}

/**
 * Nests marks so that spans stay open as long as they can: a mark that continues past its
 * neighbour is opened outside it (`*a **b** c*`, not `*a *****b***** c*`).
 */
export function buildInlineTree(nodes: readonly DocNode[]): InlineItem[] {
  const items: FlatItem[] = []
  flatten(nodes, [], items)
  // A line break at either end of a block shows nothing (and in Markdown a trailing `\\` is a literal backslash).
  while (items[0]?.leaf.kind === 'hardBreak') items.shift()
  while (items[items.length - 1]?.leaf.kind === 'hardBreak') items.pop()
  bridgeLineBreaks(items)
  const root: InlineItem[] = []
  const stack: InlineSpan[] = []
  const current = () => (stack.length > 0 ? stack[stack.length - 1]!.children : root)
  for (let i = 0; i < items.length; i++) {
    const { leaf, marks } = items[i]!
    let keep = 0
    while (keep < stack.length && marks.some((m) => sameMark(m, stack[keep]!.mark))) keep++
    stack.length = keep
    const toOpen = marks.filter((m) => !stack.some((s) => sameMark(s.mark, m)))
    if (toOpen.length > 1) {
      const length = new Map(toOpen.map((m) => [m, runLength(items, i, m)]))
      toOpen.sort((a, b) => length.get(b)! - length.get(a)! || RANK[a.kind] - RANK[b.kind])
    }
    for (const mark of toOpen) {
      const span: InlineSpan = { kind: 'span', mark, children: [] }
      current().push(span)
      stack.push(span)
    }
    current().push(leaf)
  }
  return root
}
