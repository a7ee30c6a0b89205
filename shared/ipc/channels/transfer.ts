import { z } from 'zod'
import {
  draftIdSchema,
  draftMetaSchema,
  draftStatusSchema,
  draftSummarySchema,
  editorDocSchema,
  languageSchema,
  MAX_ASSET_BYTES,
  tagsSchema,
  titleSchema,
} from '../../domain'
import { defineChannels, noArgs } from './define'

/**
 * Export, import and backups. The conversions run in the renderer (HTML needs a DOM for
 * DOMPurify; main has none); these channels carry their results:
 *  - `export.save` writes what the renderer rendered to a place the author picks in the native
 *    save dialog, atomically (Electron; the browser harness downloads instead);
 *  - `import.create` stores one converted file as a draft, cleaned again in main;
 *  - `import.takeOpened` / `import.choose` hand over files the OS opened with Longhand or the
 *    author picked in the native open dialog, read in main (Electron);
 *  - library backups (a folder of Markdown + manifest) and safety backups (SQLite copies).
 * The renderer never names a path to write or read: main asks the author, or uses its own folder.
 */

export const EXPORT_KINDS = ['html', 'markdown', 'csv'] as const
export const exportKindSchema = z.enum(EXPORT_KINDS)
export type ExportKind = z.infer<typeof exportKindSchema>

/** A whole draft with its images inlined, as HTML, can be large; the IPC carries it once. */
export const MAX_EXPORT_TEXT = 200 * 1024 * 1024
export const MAX_EXPORT_IMAGES = 1000
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)

const exportFileSchema = z.discriminatedUnion('role', [
  /** The file the author names in the save dialog. */
  z.object({ role: z.literal('document'), text: z.string().max(MAX_EXPORT_TEXT) }).strict(),
  /** An image written beside it, e.g. `images/3f2a….png` (Markdown with an images folder). */
  z
    .object({
      role: z.literal('image'),
      path: z.string().max(120).regex(/^images\/[A-Za-z0-9][A-Za-z0-9._-]*\.(?:png|jpg|jpeg|gif|webp|avif)$/),
      dataBase64: base64.max(Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 4),
    })
    .strict(),
])
export type ExportFile = z.infer<typeof exportFileSchema>

export const importedDraftSchema = z
  .object({
    doc: editorDocSchema,
    title: titleSchema,
    tags: tagsSchema,
    status: draftStatusSchema,
    language: languageSchema,
    ...draftMetaSchema.shape,
    createdAt: z.number().int().min(0).max(8.64e15).optional(),
    replaceDraftId: draftIdSchema.optional(),
  })
  .strict()

const openedFileSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), name: z.string(), bytesBase64: z.string() }),
  z.object({ ok: z.literal(false), name: z.string(), code: z.enum(['unsupported-type', 'too-large', 'not-found', 'unreadable']), message: z.string() }),
])
export type OpenedFile = z.infer<typeof openedFileSchema>

export const safetyBackupSchema = z.object({ name: z.string(), reason: z.string(), createdAt: z.number(), bytes: z.number() })
export type SafetyBackupSummary = z.infer<typeof safetyBackupSchema>

export const libraryBackupSchema = z.object({ name: z.string(), drafts: z.number().int(), modifiedAt: z.number() })
export type LibraryBackupSummary = z.infer<typeof libraryBackupSchema>

const backupName = z.string().min(1).max(255)

/** Why the last scheduled safety copy failed, as far as the author can act on it. */
export const SCHEDULED_COPY_FAILURE_KINDS = ['disk-full', 'read-only', 'other'] as const
export type ScheduledCopyFailureKind = (typeof SCHEDULED_COPY_FAILURE_KINDS)[number]
export const safetyBackupStatusSchema = z.object({
  /** The last scheduled copy that failed, until a later copy (any reason) succeeds. */
  lastFailure: z.object({ at: z.number(), kind: z.enum(SCHEDULED_COPY_FAILURE_KINDS) }).nullable(),
  /** When the newest valid copy was taken, or null when there is none. */
  newestAt: z.number().nullable(),
})
export type SafetyBackupStatus = z.infer<typeof safetyBackupStatusSchema>

export const transferChannels = defineChannels({
  'export.save': {
    args: z
      .object({
        kind: exportKindSchema,
        /** Suggested in the dialog; main strips anything that could make it a path. */
        suggestedName: z.string().max(200),
        files: z
          .array(exportFileSchema)
          .min(1)
          .max(MAX_EXPORT_IMAGES + 1)
          .refine((files) => files.filter((f) => f.role === 'document').length === 1, { message: 'exactly one document' }),
      })
      .strict(),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string(), files: z.number().int() }),
      z.object({ status: z.literal('cancelled') }),
      /** No native dialog in this shell (the browser harness downloads instead). */
      z.object({ status: z.literal('unavailable') }),
    ]),
  },
  'import.create': {
    args: importedDraftSchema,
    result: z.object({ draft: draftSummarySchema, replaced: z.boolean() }),
  },
  'import.takeOpened': { args: noArgs, result: z.object({ files: z.array(openedFileSchema) }) },
  /** Electron: the native open dialog (a menu click is no user gesture for <input type=file>). */
  'import.choose': {
    args: noArgs,
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), files: z.array(openedFileSchema) }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('unavailable') }),
    ]),
  },
  'libraryBackup.save': {
    args: noArgs,
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), folder: z.string(), drafts: z.number().int() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  'libraryBackup.list': { args: noArgs, result: z.object({ folder: z.string(), backups: z.array(libraryBackupSchema) }) },
  'libraryBackup.restore': {
    /** `name`: one of libraryBackup.list; without it the author picks a folder (Electron). */
    args: z.object({ name: backupName.optional() }).strict(),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('restored'), drafts: z.number().int(), revisions: z.number().int(), images: z.number().int(), fromEditedMarkdown: z.number().int() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  'safetyBackups.list': { args: noArgs, result: z.array(safetyBackupSchema) },
  'safetyBackups.create': { args: noArgs, result: safetyBackupSchema },
  /** Whether the scheduled copies are working (the renderer asks now and then and warns). */
  'safetyBackups.status': { args: noArgs, result: safetyBackupStatusSchema },
  'safetyBackups.restore': {
    args: z.object({ name: backupName }).strict(),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('restored'), restoredFrom: z.string(), movedAsideTo: z.string() }),
      /** Only a shell that can reopen the library (LibraryHost) can restore. */
      z.object({ status: z.literal('unavailable') }),
    ]),
  },
})
