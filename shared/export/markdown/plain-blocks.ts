import type { DocNode } from '../../domain'
import { buildInlineTree, type InlineItem } from '../inline-tree'
import { clampHeadingLevel, NODE } from '../schema'

/**
 * Most blocks of a long draft are paragraphs (and headings) of words, spaces and a bold,
 * italic or linked word here and there. For those, mdast-util-to-markdown's general machinery
 * (escaping every text node against every pattern, peeking at neighbours, attention rules)
 * always ends in the text as it is, so they are written here directly: byte for byte what the
 * serializer writes (tests/shared/export/to-markdown-direct.test.ts compares the two).
 *
 * Why the output cannot differ, for the text this accepts: no "unsafe" pattern has a letter,
 * digit or non-ASCII character as its character; the space patterns need a line ending or a
 * code fence; the words are runs of letters and digits with one space between (none at the
 * start or end: those get encoded); and a bold or italic run that starts and ends with a letter
 * or digit never needs a character encoded on either side with `*`. Link targets are limited to
 * characters no pattern inside a link destination touches.
 */
const WORDS = /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u
const SPACE_REFERENCE = '&#x20;'
/** A bold, italic or linked run: words, with letters or digits at both ends. */
const MARKED = WORDS
/** A web address of letters, digits and `/ . - :`, which no destination pattern escapes. */
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9][A-Za-z0-9./-]*$/

/** The Markdown of `node` when it is such a block, else undefined (then mdast writes it). */
export function plainBlockMarkdown(node: DocNode): string | undefined {
  if (node.type === NODE.paragraph) {
    const inline = plainInline(node.content ?? [])
    return inline || undefined
  }
  if (node.type === NODE.heading) {
    const inline = plainInline(node.content ?? [])
    return inline ? `${'#'.repeat(clampHeadingLevel(node.attrs?.level))} ${inline}` : undefined
  }
  return undefined
}

function plainInline(children: readonly DocNode[]): string | undefined {
  // Cheap rejection before building the inline tree: anything but marked or unmarked text.
  for (const child of children) if (child.type !== NODE.text) return undefined
  const items = buildInlineTree(children)
  let out = ''
  let text = ''
  for (const item of items) {
    const written = plainItem(item)
    if (written === undefined) return undefined
    out += written.markdown
    text += written.text
  }
  // One space at either end is written as a character reference, as the serializer does.
  const leading = text.startsWith(' ') ? 1 : 0
  const trailing = text.length > leading && text.endsWith(' ') ? 1 : 0
  if (!WORDS.test(text.slice(leading, text.length - trailing))) return undefined
  return (leading ? SPACE_REFERENCE : '') + out.slice(leading, out.length - trailing) + (trailing ? SPACE_REFERENCE : '')
}

function plainItem(item: InlineItem): { markdown: string; text: string } | undefined {
  if (item.kind === 'text') return item.code ? undefined : { markdown: item.text, text: item.text }
  if (item.kind !== 'span' || item.children.length !== 1) return undefined
  const inner = item.children[0]!
  if (inner.kind !== 'text' || inner.code || !MARKED.test(inner.text)) return undefined
  const value = inner.text
  switch (item.mark.kind) {
    case 'bold':
      return { markdown: `**${value}**`, text: value }
    case 'italic':
      return { markdown: `*${value}*`, text: value }
    case 'link':
      if (item.mark.title !== null || !PLAIN_URL.test(item.mark.href)) return undefined
      return { markdown: `[${value}](${item.mark.href})`, text: value }
    default:
      return undefined
  }
}
