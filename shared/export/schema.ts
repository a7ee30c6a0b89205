/**
 * Node and mark names of the editor's schema (Tiptap 3 StarterKit + Image + the `passage`
 * mark), checked against node_modules/@tiptap/* and, in tests, against the schema built from
 * renderer/editor/extensions.ts. The converters speak only these names; anything else found
 * in a document is treated as a transparent wrapper or dropped.
 *
 * Images are BLOCK nodes in the editor (`inline: false`). Markdown and HTML images are
 * inline, so the importers lift them out of their paragraph; the exporters accept both.
 */
export const NODE = {
  doc: 'doc',
  paragraph: 'paragraph',
  text: 'text',
  heading: 'heading',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  blockquote: 'blockquote',
  codeBlock: 'codeBlock',
  horizontalRule: 'horizontalRule',
  hardBreak: 'hardBreak',
  image: 'image',
} as const

export const MARK = {
  bold: 'bold',
  italic: 'italic',
  strike: 'strike',
  code: 'code',
  underline: 'underline',
  link: 'link',
  /** Ties a passage to its saved posts; meaningless outside the app, so exporters drop it. */
  passage: 'passage',
} as const

/** `<ol type>` values Tiptap's OrderedList keeps (attrs.type); Markdown can only say "numbers". */
export const ORDERED_LIST_TYPES = ['1', 'a', 'A', 'i', 'I'] as const

/** CommonMark allows at most nine digits in an ordered list marker. */
export const MAX_LIST_START = 999_999_999

/** Code block languages become a class name and a fence info word: keep them to a safe alphabet. */
export function cleanLanguage(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const word = value.trim().split(/\s+/)[0] ?? ''
  const clean = word.replace(/[^\p{L}\p{N}_+#.-]/gu, '').slice(0, 40)
  return clean || null
}

export function clampListStart(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN
  if (!Number.isFinite(n)) return 1
  return Math.min(MAX_LIST_START, Math.max(0, Math.trunc(n)))
}

/**
 * Heading levels the editor offers (StarterKit `heading.levels` in renderer/editor/
 * extensions.ts; the tests check the two agree). Tiptap renders any other level as the first
 * allowed one, so importers map h4–h6 to the deepest level here.
 */
export const EDITOR_HEADING_LEVELS = [1, 2, 3] as const
export type EditorHeadingLevel = (typeof EDITOR_HEADING_LEVELS)[number]

export function importHeadingLevel(value: unknown): EditorHeadingLevel {
  return Math.min(Math.max(...EDITOR_HEADING_LEVELS), clampHeadingLevel(value)) as EditorHeadingLevel
}

export function clampHeadingLevel(value: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  const n = typeof value === 'number' ? Math.trunc(value) : 1
  return Math.min(6, Math.max(1, n)) as 1 | 2 | 3 | 4 | 5 | 6
}
