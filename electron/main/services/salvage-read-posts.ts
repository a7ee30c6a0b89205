import { z } from 'zod'
import {
  draftIdSchema,
  journalKindSchema,
  journalNoteIdSchema,
  localDateSchema,
  noteTextSchema,
  passageIdSchema,
  plannedForSchema,
  postIdSchema,
  postPartsSchema,
  postStateSchema,
  postStyleSchema,
  postedUrlSchema,
} from '@shared/domain'
import { platformIdSchema } from '@shared/platforms/ids'
import type { Db } from './store/engine'

/**
 * The passages, posts and journal notes of a damaged library file, as far as they read (a
 * helper of salvage-read.ts). Each row is read on its own and validated as the services would
 * have written it; one that does not read or validate is left out (and, if it changed after the
 * copy, counted as left in the damaged file).
 */

const timeSchema = z.number().int().safe()

const salvagedPassageSchema = z.object({ id: passageIdSchema, draftId: draftIdSchema, text: z.string(), createdAt: timeSchema })
export type SalvagedPassage = z.infer<typeof salvagedPassageSchema>

const salvagedPostSchema = z
  .object({
    id: postIdSchema,
    draftId: draftIdSchema,
    passageId: passageIdSchema,
    platform: platformIdSchema,
    style: postStyleSchema,
    parts: postPartsSchema,
    state: postStateSchema,
    plannedFor: plannedForSchema.nullable(),
    postedAt: timeSchema.nullable(),
    postedUrl: postedUrlSchema.nullable(),
    createdAt: timeSchema,
    updatedAt: timeSchema,
  })
  // The schema's own checks, so that a row that passes here is one the copy accepts.
  .refine((p) => p.state !== 'planned' || p.plannedFor !== null)
  .refine((p) => (p.state === 'posted' ? p.postedAt !== null : p.postedAt === null && p.postedUrl === null))
export type SalvagedPost = z.infer<typeof salvagedPostSchema>

const salvagedNoteSchema = z.object({
  id: journalNoteIdSchema,
  postId: postIdSchema.nullable(),
  draftId: draftIdSchema.nullable(),
  platform: z.string(),
  sourceTitle: z.string(),
  kind: journalKindSchema,
  notedOn: localDateSchema,
  text: noteTextSchema,
  createdAt: timeSchema,
  updatedAt: timeSchema,
})
export type SalvagedNote = z.infer<typeof salvagedNoteSchema>

export interface SalvagedPostsAndNotes {
  passages: SalvagedPassage[]
  posts: SalvagedPost[]
  notes: SalvagedNote[]
  /** Each post's and journal note's id and last change, as far as they read, valid or not: what the copy is compared with. */
  changes: { table: 'posts' | 'journal_notes'; id: number; updatedAt: number }[]
}

export function readPostsAndNotes(db: Db, tables: Set<string>): SalvagedPostsAndNotes {
  const read: SalvagedPostsAndNotes = { passages: [], posts: [], notes: [], changes: [] }
  if (tables.has('passages')) {
    read.passages = rowsOf(db, 'passages', 'id, draft_id AS draftId, text, created_at AS createdAt', salvagedPassageSchema)
  }
  if (tables.has('posts')) {
    read.posts = rowsOf(
      db,
      'posts',
      `id, draft_id AS draftId, passage_id AS passageId, platform, style, parts, state, planned_for AS plannedFor,
       posted_at AS postedAt, posted_url AS postedUrl, created_at AS createdAt, updated_at AS updatedAt`,
      salvagedPostSchema,
      (row) => ({ ...row, parts: parseJson(row.parts) }),
      (id, updatedAt) => read.changes.push({ table: 'posts', id, updatedAt }),
    )
  }
  if (tables.has('journal_notes')) {
    read.notes = rowsOf(
      db,
      'journal_notes',
      `id, post_id AS postId, draft_id AS draftId, platform, source_title AS sourceTitle, kind, noted_on AS notedOn, text,
       created_at AS createdAt, updated_at AS updatedAt`,
      salvagedNoteSchema,
      (row) => row,
      (id, updatedAt) => read.changes.push({ table: 'journal_notes', id, updatedAt }),
    )
  }
  return read
}

function rowsOf<T>(
  db: Db,
  table: string,
  columns: string,
  schema: z.ZodType<T>,
  shape: (row: Record<string, unknown>) => unknown = (row) => row,
  seen?: (id: number, updatedAt: number) => void,
): T[] {
  const rowOf = db.prepare(`SELECT ${columns} FROM ${table} WHERE id = ?`)
  const rows: T[] = []
  for (const id of idsOf(db, table)) {
    let row: Record<string, unknown> | undefined
    try {
      row = rowOf.get(id) as Record<string, unknown> | undefined
    } catch {
      continue
    }
    if (!row) continue
    if (seen && typeof row.updatedAt === 'number') seen(id, row.updatedAt)
    const parsed = schema.safeParse(shape(row))
    if (parsed.success) rows.push(parsed.data)
  }
  return rows
}

/** The ids a scan reads before it meets a damaged page; from both ends, so one bad page loses only what is on it. */
function idsOf(db: Db, table: string): number[] {
  const ids = new Set<number>()
  const scan = (order: 'ASC' | 'DESC') => {
    try {
      for (const id of db.prepare(`SELECT id FROM ${table} ORDER BY id ${order}`).pluck().iterate()) if (typeof id === 'number') ids.add(id)
      return true
    } catch {
      return false
    }
  }
  if (!scan('ASC')) scan('DESC')
  return [...ids].sort((a, b) => a - b)
}

function parseJson(value: unknown): unknown {
  try {
    return typeof value === 'string' ? JSON.parse(value) : null
  } catch {
    return null
  }
}
