import { z } from 'zod'
import { draftIdSchema } from './draft'
import { localDateSchema, postIdSchema } from './post'

/**
 * The dialog journal: after a post went out, the author notes what came back — replies,
 * questions, people, ideas — as short dated notes on the post. The journal shows them per
 * draft and across the library, newest first.
 */

export const journalNoteIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export type JournalNoteId = number

export const JOURNAL_KINDS = ['reply', 'question', 'person', 'idea'] as const
export const journalKindSchema = z.enum(JOURNAL_KINDS)
export type JournalKind = z.infer<typeof journalKindSchema>

/** A note, not an essay: long thoughts belong in a draft ("new draft from note"). */
export const MAX_NOTE_LENGTH = 5_000

export const noteTextSchema = z
  .string()
  .max(MAX_NOTE_LENGTH)
  .refine((text) => text.trim() !== '', { message: 'a note needs some text' })

export const journalNoteSchema = z.object({
  id: journalNoteIdSchema,
  /** null once the post was deleted: the note stays (it is the author's writing). */
  postId: postIdSchema.nullable(),
  /** null once the draft was deleted for good. */
  draftId: draftIdSchema.nullable(),
  /** The platform of the post the note is about (kept when the post goes). */
  platform: z.string(),
  /** The draft's current title, or the one it had when the note was written if it is gone. */
  draftTitle: z.string(),
  /** Where the post went live, if the author gave the address. */
  postedUrl: z.string().nullable(),
  kind: journalKindSchema,
  /** The author's local day, "2026-11-23". */
  notedOn: z.string(),
  text: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type JournalNote = z.infer<typeof journalNoteSchema>

/** A search result: the note and the matching words (SNIPPET_MARK_START/END around hits). */
export const journalHitSchema = journalNoteSchema.extend({ snippet: z.string() })
export type JournalHit = z.infer<typeof journalHitSchema>

export const newJournalNoteSchema = z
  .object({ postId: postIdSchema, kind: journalKindSchema, notedOn: localDateSchema, text: noteTextSchema })
  .strict()
export type NewJournalNote = z.infer<typeof newJournalNoteSchema>

export const journalNoteEditSchema = z
  .object({ id: journalNoteIdSchema, kind: journalKindSchema.optional(), notedOn: localDateSchema.optional(), text: noteTextSchema.optional() })
  .strict()
export type JournalNoteEdit = z.infer<typeof journalNoteEditSchema>
