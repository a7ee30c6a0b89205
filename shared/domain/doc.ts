import { z } from 'zod'

/**
 * The editor's document as ProseMirror/Tiptap JSON. Defined here, not imported from Tiptap,
 * because shared/ must stay free of editor code: main validates and stores it, the
 * exporters walk it, the renderer hands it to Tiptap.
 */
export interface DocMark {
  type: string
  attrs?: Record<string, unknown>
}

export interface DocNode {
  type: string
  attrs?: Record<string, unknown>
  content?: DocNode[]
  marks?: DocMark[]
  text?: string
}

export interface EditorDoc extends DocNode {
  type: 'doc'
  content: DocNode[]
}

/** Guards against documents that would exhaust the stack of any recursive walker. */
export const MAX_DOC_DEPTH = 64

const nodeType = z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_-]*$/)
const attrs = z.record(z.string().max(64), z.unknown())

const markSchema: z.ZodType<DocMark> = z.object({ type: nodeType, attrs: attrs.optional() })

const nodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: nodeType,
    attrs: attrs.optional(),
    content: z.array(nodeSchema).optional(),
    marks: z.array(markSchema).optional(),
    text: z.string().optional(),
  }),
)

function depthOf(node: DocNode, limit: number): number {
  let deepest = 0
  for (const child of node.content ?? []) {
    const d = depthOf(child, limit)
    if (d > deepest) deepest = d
    if (deepest >= limit) break
  }
  return deepest + 1
}

export const editorDocSchema = z
  .object({ type: z.literal('doc'), content: z.array(nodeSchema), attrs: attrs.optional() })
  .refine((doc) => depthOf(doc, MAX_DOC_DEPTH + 1) <= MAX_DOC_DEPTH, {
    message: `document nests deeper than ${MAX_DOC_DEPTH} levels`,
  }) as z.ZodType<EditorDoc>

/**
 * Top-level blocks of a document sent on their own (autosave's block patches): each validated
 * as it would be inside a document, the document itself counting as one level of nesting.
 */
export const editorBlocksSchema = z.array(nodeSchema).refine((blocks) => blocks.every((block) => depthOf(block, MAX_DOC_DEPTH) < MAX_DOC_DEPTH), {
  message: `document nests deeper than ${MAX_DOC_DEPTH} levels`,
})

export function emptyDoc(): EditorDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] }
}

export function docFromParagraphs(paragraphs: readonly string[]): EditorDoc {
  return {
    type: 'doc',
    content: paragraphs.map((text) =>
      text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' },
    ),
  }
}
