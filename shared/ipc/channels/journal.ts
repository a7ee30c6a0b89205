import { z } from 'zod'
import {
  draftIdSchema,
  journalHitSchema,
  journalNoteEditSchema,
  journalNoteIdSchema,
  journalNoteSchema,
  newJournalNoteSchema,
} from '../../domain'
import { defineChannels } from './define'

const byId = z.object({ id: journalNoteIdSchema }).strict()

/** The dialog journal: notes on posted posts (electron/main/services/journal.ts). */
export const journalChannels = defineChannels({
  'journal.listForDraft': {
    args: z.object({ draftId: draftIdSchema }).strict(),
    result: z.array(journalNoteSchema),
  },
  /** Across the library, newest first. */
  'journal.listAll': {
    args: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    result: z.array(journalNoteSchema),
  },
  /** The draft search's query language (words, "phrases", OR, NOT, prefix*), newest first. */
  'journal.search': {
    args: z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
    result: z.array(journalHitSchema),
  },
  'journal.add': { args: newJournalNoteSchema, result: journalNoteSchema },
  'journal.update': { args: journalNoteEditSchema, result: journalNoteSchema },
  'journal.delete': { args: byId, result: z.object({ deleted: z.literal(true) }) },
  /** A new draft that starts with the note as a quote linked back to its post. */
  'journal.toDraft': { args: byId, result: z.object({ draftId: draftIdSchema }) },
})
