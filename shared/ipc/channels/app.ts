import { z } from 'zod'
import { defineChannels, noArgs } from './define'

/**
 * What the open path did when the library file was damaged or empty: it was moved aside (never
 * deleted) and the newest good safety copy put in its place, or — without a copy — a new
 * library started. The renderer tells the author once per start.
 */
/**
 * What a recovery carried over from the damaged file into the restored library (the text written
 * after the safety copy was taken). `read`: read draft by draft. Nothing came over when it was
 * `unreadable` (not a database, its schema unreadable) or writing into the copy failed as a whole
 * (`write-failed`: the copy came back without it; the damaged file still holds it).
 */
export const salvageReportSchema = z.object({
  outcome: z.enum(['read', 'unreadable', 'write-failed']),
  /** Drafts whose newer text (or that were missing from the copy) now are in the library. */
  broughtBack: z.number().int().nonnegative(),
  /**
   * Drafts the copy held that had been deleted for good after it was taken (the damaged file
   * records them): deleted again. Default 0: a report written by a version that did not count them.
   */
  deletedAgain: z.number().int().nonnegative().default(0),
  /** Drafts that could not be read and whose last changes may be only in the damaged file; title null if it was unreadable too. */
  notRead: z.array(z.object({ title: z.string().nullable() })),
  /** Drafts that could not be read, but the copy holds them as they were last saved: nothing lost. */
  notReadButInCopy: z.number().int().nonnegative(),
  /** Images referred to by brought-back drafts that could not be read from the damaged file. */
  imagesMissing: z.number().int().nonnegative(),
  /** Part of the list of drafts was unreadable: drafts may be in the damaged file that were not even found. */
  listIncomplete: z.boolean(),
  /** Posts and journal notes changed after the copy (or missing from it) that are now in the library, with their passages. Default 0: a report written before they were carried over. */
  postsAndNotesBroughtBack: z.number().int().nonnegative().default(0),
  /** Posts and journal notes changed after the copy (or missing from it) that could not be carried over: only in the damaged file. */
  postsAndNotesLeft: z.number().int().nonnegative(),
})
export type SalvageReport = z.infer<typeof salvageReportSchema>

/** What a recovery reports when the damaged file could not be read at all (or its salvage failed as a whole). */
export const NOTHING_SALVAGED: SalvageReport = { outcome: 'unreadable', broughtBack: 0, deletedAgain: 0, notRead: [], notReadButInCopy: 0, imagesMissing: 0, listIncomplete: false, postsAndNotesBroughtBack: 0, postsAndNotesLeft: 0 }

export const recoveryNoticeSchema = z.object({
  reason: z.enum(['damaged', 'empty']),
  /** When it happened (ms since epoch). */
  at: z.number(),
  movedAsideTo: z.string(),
  restoredFrom: z.string().nullable(),
  /** When the restored safety copy was taken (ms since epoch). */
  restoredFromTakenAt: z.number().nullable(),
  /** What came over from the damaged file; null when it is not known (a start that finished an interrupted recovery without its report). */
  salvage: salvageReportSchema.nullable(),
  /** Whether app.showRecoveryFile can reveal the files (Electron); the web bridge shows paths only. */
  canShowFile: z.boolean(),
})
export type RecoveryNotice = z.infer<typeof recoveryNoticeSchema>

/**
 * The whole-file check that runs once the start is over. pending: not done yet (waiting for
 * the start to be over, running, or retrying because another program held the file); ok: the
 * file passed; damaged: it did not — nothing was changed, and the next start puts the file aside
 * and brings back the newest good safety copy; not-checked: it could not run this time (says
 * nothing about the file; the next start tries again).
 */
export const integrityStatusSchema = z.object({
  state: z.enum(['pending', 'ok', 'damaged', 'not-checked']),
  /** damaged: when the check found it (ms since epoch); otherwise null. */
  foundAt: z.number().nullable(),
  /** damaged: SQLite's own words about the damage, for a support request; otherwise null. */
  detail: z.string().nullable(),
})
export type IntegrityStatus = z.infer<typeof integrityStatusSchema>

export const appChannels = defineChannels({
  'app.flushed': {
    // saved: every pending write reached the disk. If not, the shell asks before closing.
    args: z.object({ requestId: z.number().int(), saved: z.boolean() }).strict(),
    result: z.object({ acknowledged: z.boolean() }),
  },
  'app.info': {
    args: noArgs,
    result: z.object({ version: z.string(), dataDir: z.string(), shell: z.enum(['electron', 'web']) }),
  },
  'app.recoveryNotice': {
    args: noArgs,
    result: recoveryNoticeSchema.nullable(),
  },
  'app.integrityStatus': {
    args: noArgs,
    result: integrityStatusSchema,
  },
  'app.showRecoveryFile': {
    // Which file, not a path: the renderer can only reveal what the recovery itself named.
    args: z.object({ file: z.enum(['moved-aside', 'restored-from']) }).strict(),
    result: z.object({ shown: z.boolean() }),
  },
})
