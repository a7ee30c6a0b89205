import { z } from 'zod'
import {
  assetIdSchema,
  assetSchema,
  draftFilterSchema,
  draftIdSchema,
  draftSchema,
  draftStatusSchema,
  draftSummarySchema,
  editorDocSchema,
  imageMimeSchema,
  languageSchema,
  revisionIdSchema,
  revisionSchema,
  revisionSummarySchema,
  searchHitSchema,
  settingsPatchSchema,
  settingsSchema,
  tagCountSchema,
  tagsSchema,
  titleSchema,
  draftMetaSchema,
} from '../domain'

/**
 * THE contract between renderer and backend: every channel, its arguments and its result.
 * The Electron IPC adapter, the preload, the loopback bridge and the renderer's API object
 * are all derived from this map; add a channel here and the type checker lists what is missing.
 *
 * Argument schemas are `.strict()`: unknown fields are an error, not silently dropped,
 * so a renderer bug shows up at the boundary instead of deep inside a service.
 */
const none = z.object({}).strict()
const byId = z.object({ id: draftIdSchema }).strict()

export const contract = {
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
      .strict(),
    result: draftSummarySchema,
  },
  'drafts.saveContent': {
    args: z.object({ id: draftIdSchema, doc: editorDocSchema }).strict(),
    result: z.object({ updatedAt: z.number() }),
  },
  'drafts.duplicate': { args: byId, result: draftSummarySchema },
  'drafts.trash': { args: byId, result: draftSummarySchema },
  'drafts.restore': { args: byId, result: draftSummarySchema },
  'drafts.deleteForever': { args: byId, result: z.object({ deleted: z.literal(true) }) },
  'drafts.emptyTrash': { args: none, result: z.object({ deleted: z.number().int() }) },
  'drafts.ensureWelcome': {
    args: z.object({ language: languageSchema }).strict(),
    result: z.object({ createdId: draftIdSchema.nullable() }),
  },
  'tags.list': { args: none, result: z.array(tagCountSchema) },
  'search.query': {
    args: z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(100).optional() }).strict(),
    result: z.array(searchHitSchema),
  },
  'revisions.list': {
    args: z.object({ draftId: draftIdSchema }).strict(),
    result: z.array(revisionSummarySchema),
  },
  'revisions.get': { args: z.object({ id: revisionIdSchema }).strict(), result: revisionSchema },
  'revisions.restore': { args: z.object({ id: revisionIdSchema }).strict(), result: draftSchema },
  'settings.get': { args: none, result: settingsSchema },
  'settings.update': { args: z.object({ patch: settingsPatchSchema }).strict(), result: settingsSchema },
  'assets.put': {
    args: z.object({ mime: imageMimeSchema, dataBase64: assetSchema.shape.dataBase64 }).strict(),
    result: z.object({ id: assetIdSchema }),
  },
  'assets.get': { args: z.object({ id: assetIdSchema }).strict(), result: assetSchema },
  'app.flushed': {
    args: z.object({ requestId: z.number().int() }).strict(),
    result: z.object({ acknowledged: z.boolean() }),
  },
  'app.info': {
    args: none,
    result: z.object({ version: z.string(), dataDir: z.string(), shell: z.enum(['electron', 'web']) }),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller passes (defaults not yet applied). */
export type Args<C extends Channel> = z.input<Contract[C]['args']>
/** What a handler receives after validation (defaults applied). */
export type ValidArgs<C extends Channel> = z.output<Contract[C]['args']>
export type Result<C extends Channel> = z.output<Contract[C]['result']>

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value)
}

export const CHANNELS = Object.keys(contract) as Channel[]

/**
 * The object the preload puts on `window.longhand`: one function per channel, plus one way to
 * listen to backend events; nothing else.
 */
export type PreloadBridge = { readonly [C in Channel]: (args: unknown) => Promise<unknown> } & {
  readonly onEvent: (listener: (event: unknown) => void) => () => void
}
