import { z } from 'zod'
import { editorDocSchema } from './doc'
import { isWellFormedText, LONE_SURROGATE_MESSAGE, storableString } from './unicode'

export const DRAFT_STATUSES = ['idea', 'draft', 'published'] as const
export const draftStatusSchema = z.enum(DRAFT_STATUSES)
export type DraftStatus = z.infer<typeof draftStatusSchema>

export const LANGUAGES = ['de', 'en'] as const
export const languageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof languageSchema>

export const MAX_TITLE_LENGTH = 1000
export const MAX_TAG_LENGTH = 100
export const MAX_TAGS = 50

export const draftIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export type DraftId = number

export const titleSchema = storableString().max(MAX_TITLE_LENGTH)
export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TAG_LENGTH)
  .refine((t) => !/[\u0000-\u001f,]/.test(t), { message: 'tags cannot contain commas or control characters' })
  .refine(isWellFormedText, { message: LONE_SURROGATE_MESSAGE })
export const tagsSchema = z.array(tagSchema).max(MAX_TAGS)

/** Characters of a draft's plain text the library keeps for its one-line preview. */
export const DRAFT_PREVIEW_CHARS = 200

/** What the library list shows. Deliberately has no body: the list must not load every draft's text. */
export const draftSummarySchema = z.object({
  id: draftIdSchema,
  title: z.string(),
  status: draftStatusSchema,
  tags: z.array(z.string()),
  language: languageSchema,
  wordCount: z.number().int().nonnegative(),
  createdAt: z.number(),
  updatedAt: z.number(),
  trashedAt: z.number().nullable(),
  /** The start of the plain text (up to DRAFT_PREVIEW_CHARS), for the list's one-line preview. */
  preview: z.string(),
})
export type DraftSummary = z.infer<typeof draftSummarySchema>

/** Everything the exporters need besides the document (see shared/export). */
export const draftMetaSchema = z.object({
  description: storableString().max(2000),
  canonicalUrl: storableString().max(2000),
})

/** The tag of a stored body that autosave's block patches are based on (changes with every write). */
export const bodyVersionSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

/**
 * How a draft's body is stored, for an editor opened on it to send its first save as a block
 * patch: the body's version, and the top-level blocks whose stored text is not JSON.stringify
 * of the block as read (another key order, a key that validation dropped) — the first patch
 * rewrites those.
 */
export const storedBodySchema = z.object({
  version: bodyVersionSchema,
  rewrite: z.array(z.number().int().nonnegative()),
})
export type StoredBody = z.infer<typeof storedBodySchema>

export const draftSchema = draftSummarySchema.extend(draftMetaSchema.shape).extend({
  doc: editorDocSchema,
  /** Null when the body is not stored block by block around the document as read: the first save is whole. */
  storedBody: storedBodySchema.nullable(),
})
export type Draft = z.infer<typeof draftSchema>

export const draftFilterSchema = z
  .object({
    view: z.enum(['active', 'trash']).default('active'),
    status: draftStatusSchema.optional(),
    tag: tagSchema.optional(),
    /** Only the first rows, in list order: the library's first screen at start, before the whole list. */
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
export type DraftFilter = z.input<typeof draftFilterSchema>

export const tagCountSchema = z.object({ tag: z.string(), count: z.number().int() })
export type TagCount = z.infer<typeof tagCountSchema>
