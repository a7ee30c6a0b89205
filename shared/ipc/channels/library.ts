import { z } from 'zod'
import {
  bodyVersionSchema,
  draftFilterSchema,
  draftIdSchema,
  draftMetaSchema,
  draftSchema,
  draftStatusSchema,
  draftSummarySchema,
  editorBlocksSchema,
  editorDocSchema,
  languageSchema,
  searchHitSchema,
  tagCountSchema,
  tagsSchema,
  titleSchema,
} from '../../domain'
import { blogUrlSchema } from '../../blog/blog-url'
import { defineChannels, noArgs } from './define'

const byId = z.object({ id: draftIdSchema }).strict()
/** More top-level blocks than any draft has (a 100,000-word draft has a few thousand). */
const MAX_BLOCKS = 10_000_000

export const libraryChannels = defineChannels({
  'drafts.list': { args: draftFilterSchema, result: z.array(draftSummarySchema) },
  'drafts.get': { args: byId, result: draftSchema },
  'drafts.create': {
    args: z
      .object({
        title: titleSchema.optional(),
        status: draftStatusSchema.optional(),
        tags: tagsSchema.optional(),
        language: languageSchema.optional(),
        doc: editorDocSchema.optional(),
      })
      .strict(),
    result: draftSchema,
  },
  'drafts.updateMeta': {
    args: z
      .object({
        id: draftIdSchema,
        title: titleSchema.optional(),
        status: draftStatusSchema.optional(),
        tags: tagsSchema.optional(),
        language: languageSchema.optional(),
      })
      .extend(draftMetaSchema.partial().shape)
      // The blog link is shown as a link and handed to the composer: http(s) only.
      .extend({ canonicalUrl: blogUrlSchema.optional() })
      .strict(),
    result: draftSummarySchema,
  },
  /**
   * A whole document. `baseVersion`: the version the renderer's text was last confirmed as (after
   * a `stale` block patch); if the stored body is another one, something else wrote it meanwhile
   * (another window, an import), so it is kept as a revision before it is replaced, whatever the
   * snapshot interval — `keptOther` says so, for the renderer to tell the author.
   */
  'drafts.saveContent': {
    args: z.object({ id: draftIdSchema, doc: editorDocSchema, baseVersion: bodyVersionSchema.optional() }).strict(),
    result: z.object({ updatedAt: z.number(), bodyVersion: bodyVersionSchema, keptOther: z.boolean() }),
  },
  /**
   * Autosave's usual path: only the top-level blocks that changed since the version the
   * renderer last saved (`baseVersion`), as splices of that version's blocks (ascending, not
   * overlapping). `stale` when the stored body is no longer that version (an import, a restored
   * revision, another window): the renderer then saves the whole document once.
   */
  'drafts.saveBlocks': {
    args: z
      .object({
        id: draftIdSchema,
        baseVersion: bodyVersionSchema,
        splices: z
          .array(
            z
              .object({
                from: z.number().int().nonnegative().max(MAX_BLOCKS),
                deleteCount: z.number().int().nonnegative().max(MAX_BLOCKS),
                blocks: editorBlocksSchema,
              })
              .strict(),
          )
          .min(1),
        blockCount: z.number().int().nonnegative().max(MAX_BLOCKS),
      })
      .strict(),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), updatedAt: z.number(), bodyVersion: bodyVersionSchema }),
      z.object({ status: z.literal('stale') }),
    ]),
  },
  'drafts.duplicate': { args: byId, result: draftSummarySchema },
  'drafts.trash': { args: byId, result: draftSummarySchema },
  'drafts.restore': { args: byId, result: draftSummarySchema },
  'drafts.deleteForever': { args: byId, result: z.object({ deleted: z.literal(true) }) },
  'drafts.emptyTrash': { args: noArgs, result: z.object({ deleted: z.number().int() }) },
  'drafts.ensureWelcome': {
    args: z.object({ language: languageSchema }).strict(),
    result: z.object({ createdId: draftIdSchema.nullable() }),
  },
  'tags.list': { args: noArgs, result: z.array(tagCountSchema) },
  'search.query': {
    args: z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(100).optional() }).strict(),
    result: z.array(searchHitSchema),
  },
  /** Document frequencies from the search index, for ranking hashtags by how specific they are. */
  'search.termStats': {
    args: z.object({ terms: z.array(z.string().min(1).max(100)).max(300) }).strict(),
    result: z.object({ documentCount: z.number().int().min(0), documentFrequencies: z.array(z.number().int().min(0)) }),
  },
})
