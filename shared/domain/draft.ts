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

export const draftSchema = draftSummarySchema.extend(draftMetaSchema.shape).extend({
  doc: editorDocSchema,
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
