import { z } from 'zod'
import { editorDocSchema } from './doc'
import { draftIdSchema } from './draft'

/**
 * Why a snapshot exists. `auto` ones are taken while writing (rate limited); the others
 * are taken just before something replaces the text, so that step can be undone.
 */
export const REVISION_REASONS = ['auto', 'before-restore', 'before-import', 'manual'] as const
export const revisionReasonSchema = z.enum(REVISION_REASONS)
export type RevisionReason = z.infer<typeof revisionReasonSchema>

export const revisionIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const revisionSummarySchema = z.object({
  id: revisionIdSchema,
  draftId: draftIdSchema,
  title: z.string(),
  wordCount: z.number().int().nonnegative(),
  reason: revisionReasonSchema,
  createdAt: z.number(),
})
export type RevisionSummary = z.infer<typeof revisionSummarySchema>

export const revisionSchema = revisionSummarySchema.extend({ doc: editorDocSchema })
export type Revision = z.infer<typeof revisionSchema>
