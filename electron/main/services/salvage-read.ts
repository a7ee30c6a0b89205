import { statSync } from 'node:fs'
import { z } from 'zod'
import {
  type EditorDoc,
  draftIdSchema,
  draftMetaSchema,
  draftStatusSchema,
  editorDocSchema,
  imageMimeSchema,
  languageSchema,
  revisionReasonSchema,
  tagsSchema,
  titleSchema,
} from '@shared/domain'
import { gateEditorDoc } from '@shared/export'
import type { Db, Engine } from './store/engine'
import { LATEST_SCHEMA_VERSION } from './store/migrations'
import { openReadOnly } from './store/read-only-look'
import { type SalvagedPostsAndNotes, readPostsAndNotes } from './salvage-read-posts'

/**
 * Reading what is still readable of a damaged library file, read-only. Damage is usually a few
 * pages: each draft is read on its own, and a draft any part of which fails to read (SQLite says
 * corrupt) or does not validate as a save would be validated is skipped whole, never half-taken.
 */

const timeSchema = z.number().int().safe()

/** A draft as read back; validated like a save (the same domain schemas and the document gate). */
const salvagedDraftSchema = z.object({
  id: draftIdSchema,
  title: titleSchema,
  status: draftStatusSchema,
  language: languageSchema,
  tags: tagsSchema,
  description: draftMetaSchema.shape.description,
  canonicalUrl: draftMetaSchema.shape.canonicalUrl,
  createdAt: timeSchema,
  updatedAt: timeSchema,
  trashedAt: timeSchema.nullable(),
  doc: editorDocSchema,
})

export type SalvagedDraft = z.infer<typeof salvagedDraftSchema>

const salvagedRevisionSchema = z.object({
  title: titleSchema,
  doc: editorDocSchema,
  reason: revisionReasonSchema,
  createdAt: timeSchema,
})
export type SalvagedRevision = z.infer<typeof salvagedRevisionSchema>

/** A draft that could not be read: what is known of it (the row may have been readable when the body was not). */
export interface UnreadDraft {
  id: number
  title: string | null
  createdAt: number | null
  updatedAt: number | null
}

export interface DamagedLibrary {
  drafts: SalvagedDraft[]
  unread: UnreadDraft[]
  /** The list of drafts itself could not be read to the end: some drafts may not have been found. */
  listIncomplete: boolean
  /** Drafts deleted for good (schema v6), as far as that list reads: named by id and creation time. */
  deleted: { id: number; createdAt: number; deletedAt: number }[]
  /** Passages, posts and journal notes, as far as they read (salvage-read-posts.ts). */
  postsAndNotes: SalvagedPostsAndNotes
  /** A draft's history, as far as it reads (asked only for the drafts carried over). */
  revisions(id: number): SalvagedRevision[]
  /** An image by its id, if it can be read; null otherwise. */
  asset(id: string): { mime: z.infer<typeof imageMimeSchema>; data: Buffer } | null
  close(): void
}

/** The damaged file cannot be read at all: not a database, its schema unreadable, an unknown schema. */
export class UnreadableLibraryError extends Error {
  constructor(readonly reason: unknown) {
    super(`The damaged library file cannot be read at all: ${reason instanceof Error ? reason.message : String(reason)}`)
    this.name = 'UnreadableLibraryError'
  }
}

/**
 * Opens `file` read-only (store/read-only-look.ts: neither it nor its -wal is written, nothing is
 * left beside it; it stays exactly as the author's last session left it) and reads every draft
 * that can still be read. Throws UnreadableLibraryError if nothing can be.
 */
export function readDamagedLibrary(engine: Engine, file: string): DamagedLibrary {
  let look: ReturnType<typeof openReadOnly>
  try {
    // SQLite deletes a -wal beside a 0-byte database file, even read-only: never opened.
    if (statSync(file).size === 0) throw new Error('the file is empty (0 bytes)')
    look = openReadOnly(engine, file)
  } catch (error) {
    throw new UnreadableLibraryError(error)
  }
  const db = look.db
  try {
    const version = Number(db.pragma('user_version', { simple: true }))
    if (!(version >= 1 && version <= LATEST_SCHEMA_VERSION)) throw new Error(`schema version ${version}`)
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all() as string[])
    for (const needed of ['drafts', 'draft_bodies', 'draft_tags', 'revisions']) if (!tables.has(needed)) throw new Error(`no ${needed} table`)
    return readDrafts(db, tables, look.close)
  } catch (error) {
    look.close()
    throw error instanceof UnreadableLibraryError ? error : new UnreadableLibraryError(error)
  }
}

function readDrafts(db: Db, tables: Set<string>, close: () => void): DamagedLibrary {
  const rows = idsFrom(db, 'SELECT id FROM drafts ORDER BY id', 'SELECT id FROM drafts ORDER BY id DESC')
  // A body whose draft row sits on a damaged page is still counted (as unread).
  const bodies = tables.has('draft_docs')
    ? idsFrom(db, 'SELECT draft_id FROM draft_docs ORDER BY draft_id', 'SELECT draft_id FROM draft_docs ORDER BY draft_id DESC')
    : idsFrom(db, 'SELECT draft_id FROM draft_bodies ORDER BY draft_id', 'SELECT draft_id FROM draft_bodies ORDER BY draft_id DESC')
  const ids = [...new Set([...rows.ids, ...bodies.ids])].sort((a, b) => a - b)

  const rowOf = db.prepare('SELECT id, title, status, language, description, canonical_url, created_at, updated_at, trashed_at FROM drafts WHERE id = ?')
  const tagsOf = db.prepare('SELECT tag FROM draft_tags WHERE draft_id = ? ORDER BY position').pluck()
  const docOf = db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').pluck()
  // The view joins the blocks it finds; a count that differs from what the draft recorded means blocks are missing.
  const blockCount = tables.has('draft_docs') ? db.prepare('SELECT blocks, (SELECT count(*) FROM draft_blocks b WHERE b.draft_id = d.draft_id) AS found FROM draft_docs d WHERE d.draft_id = ?') : null
  const revisionsOf = db.prepare('SELECT title, doc, reason, created_at FROM revisions WHERE draft_id = ? ORDER BY created_at, id')

  const drafts: SalvagedDraft[] = []
  const unread: UnreadDraft[] = []
  for (const id of ids) {
    let row: Record<string, unknown> | undefined
    try {
      row = rowOf.get(id) as Record<string, unknown> | undefined
    } catch {
      row = undefined
    }
    const known: UnreadDraft = {
      id,
      title: typeof row?.title === 'string' ? row.title : null,
      createdAt: typeof row?.created_at === 'number' ? row.created_at : null,
      updatedAt: typeof row?.updated_at === 'number' ? row.updated_at : null,
    }
    if (!row) {
      unread.push(known)
      continue
    }
    try {
      const counted = blockCount?.get(id) as { blocks: number; found: number } | undefined
      if (counted && counted.blocks !== counted.found) throw new Error('blocks missing')
      const json = docOf.get(id)
      if (typeof json !== 'string') throw new Error('no body')
      const parsed = salvagedDraftSchema.safeParse({
        id: row.id,
        title: row.title,
        status: row.status,
        language: row.language,
        tags: tagsOf.all(id),
        description: row.description,
        canonicalUrl: row.canonical_url,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        trashedAt: row.trashed_at,
        doc: JSON.parse(json),
      })
      if (!parsed.success) throw parsed.error
      drafts.push({ ...parsed.data, doc: gateEditorDoc(parsed.data.doc as EditorDoc) })
    } catch {
      unread.push(known)
    }
  }

  const postsAndNotes = readPostsAndNotes(db, tables)

  const deleted: DamagedLibrary['deleted'] = []
  if (tables.has('deleted_drafts')) {
    try {
      for (const [id, createdAt, deletedAt] of db.prepare('SELECT draft_id, created_at, deleted_at FROM deleted_drafts').raw().iterate() as Iterable<unknown[]>) {
        if (typeof id === 'number' && typeof createdAt === 'number' && typeof deletedAt === 'number') deleted.push({ id, createdAt, deletedAt })
      }
    } catch {
      // As far as it reads: a deletion not read leaves that draft as the copy has it.
    }
  }

  const assetOf = tables.has('assets') ? db.prepare('SELECT mime, data FROM assets WHERE id = ?') : null
  return {
    drafts,
    unread,
    listIncomplete: !rows.complete || !bodies.complete,
    deleted,
    postsAndNotes,
    revisions: (id) => readRevisions(revisionsOf, id),
    asset(id) {
      try {
        const row = assetOf?.get(id) as { mime: unknown; data: unknown } | undefined
        const mime = imageMimeSchema.safeParse(row?.mime)
        return mime.success && Buffer.isBuffer(row?.data) ? { mime: mime.data, data: row.data } : null
      } catch {
        return null
      }
    },
    close,
  }
}

/** The ids a scan reads before it meets a damaged page; from both ends, so one bad page loses only what is on it. */
function idsFrom(db: Db, ascending: string, descending: string): { ids: Set<number>; complete: boolean } {
  const ids = new Set<number>()
  const scan = (sql: string) => {
    try {
      for (const id of db.prepare(sql).pluck().iterate()) if (typeof id === 'number') ids.add(id)
      return true
    } catch {
      return false
    }
  }
  if (scan(ascending)) return { ids, complete: true }
  scan(descending)
  return { ids, complete: false }
}

/** A draft's history, as far as it reads; a revision that does not is left out (the draft's text matters more). */
function readRevisions(statement: ReturnType<Db['prepare']>, id: number): SalvagedRevision[] {
  const revisions: SalvagedRevision[] = []
  try {
    for (const row of statement.iterate(id) as Iterable<{ title: unknown; doc: unknown; reason: unknown; created_at: unknown }>) {
      let doc: unknown
      try {
        doc = typeof row.doc === 'string' ? JSON.parse(row.doc) : null
      } catch {
        continue
      }
      const parsed = salvagedRevisionSchema.safeParse({ title: row.title, doc, reason: row.reason, createdAt: row.created_at })
      if (parsed.success) revisions.push({ ...parsed.data, doc: gateEditorDoc(parsed.data.doc as EditorDoc) })
    }
  } catch {
    // The rest of the history sits on a damaged page.
  }
  return revisions
}
