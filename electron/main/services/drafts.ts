import {
  type Draft,
  type DraftFilter,
  type DraftStatus,
  type DocNode,
  type DraftSummary,
  type EditorDoc,
  type Language,
  type StoredBody,
  type TagCount,
  draftFilterSchema,
  editorDocSchema,
  emptyDoc,
} from '@shared/domain'
import { gateEditorDoc } from '@shared/export'
import { LonghandError } from '@shared/ipc'
import type { Db } from './store/database'
import type { Clock } from './clock'
import type { SearchIndex } from './search-index'
import type { Revisions } from './revisions'
import { DraftBlocks, frameOf, type StoredText } from './draft-blocks'

interface DraftRow {
  id: number
  title: string
  status: DraftStatus
  language: Language
  description: string
  canonical_url: string
  word_count: number
  created_at: number
  updated_at: number
  trashed_at: number | null
  preview: string
  tags: string | null
}

const SUMMARY_COLUMNS = `d.id, d.title, d.status, d.language, d.description, d.canonical_url, d.word_count,
  d.created_at, d.updated_at, d.trashed_at, d.preview,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM draft_tags t WHERE t.draft_id = d.id ORDER BY position)) AS tags`

export interface NewDraft {
  title?: string
  status?: DraftStatus
  tags?: string[]
  language?: Language
  doc?: EditorDoc
  description?: string
  canonicalUrl?: string
}

/** Autosave's block patch: splices of the top-level blocks of body version `baseVersion`. */
export interface BlocksPatch {
  baseVersion: number
  splices: { from: number; deleteCount: number; blocks: DocNode[] }[]
  /** How many top-level blocks the document has after the splices (a check on the diff). */
  blockCount: number
}

export type SaveBlocksResult = { status: 'saved'; updatedAt: number; bodyVersion: number } | { status: 'stale' }

export interface MetaPatch {
  title?: string
  status?: DraftStatus
  tags?: string[]
  language?: Language
  description?: string
  canonicalUrl?: string
}

/** The library: drafts, their metadata and tags, trash. Knows nothing of IPC. */
export class Drafts {
  private readonly blocks: DraftBlocks

  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
    private readonly revisions: Revisions,
    private readonly now: Clock,
  ) {
    this.blocks = new DraftBlocks(db)
  }

  /**
   * The library listing, built for 10,000+ drafts: raw rows (no per-row objects from the driver),
   * and all tags in one query joined here rather than a correlated subquery per row.
   */
  list(filter: DraftFilter = {}): DraftSummary[] {
    const f = draftFilterSchema.parse(filter)
    // Best-effort: on a full or read-only disk the list still answers, stale drafts with their
    // last known word count.
    this.index.catchUpForReading()
    const where = [f.view === 'trash' ? 'd.trashed_at IS NOT NULL' : 'd.trashed_at IS NULL']
    const params: unknown[] = []
    if (f.status) {
      where.push('d.status = ?')
      params.push(f.status)
    }
    if (f.tag) {
      where.push('EXISTS (SELECT 1 FROM draft_tags t WHERE t.draft_id = d.id AND t.tag = ?)')
      params.push(f.tag)
    }
    const order = f.view === 'trash' ? 'd.trashed_at DESC' : 'd.updated_at DESC'
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.status, d.language, d.word_count, d.created_at, d.updated_at, d.trashed_at, d.preview
         FROM drafts d WHERE ${where.join(' AND ')} ORDER BY ${order}, d.id DESC${f.limit === undefined ? '' : ' LIMIT ?'}`,
      )
      .raw()
      .all(...params, ...(f.limit === undefined ? [] : [f.limit])) as [number, string, DraftStatus, Language, number, number, number, number | null, string][]
    const tags = new Map<number, string[]>()
    const tagRows = this.db.prepare('SELECT draft_id, tag FROM draft_tags ORDER BY draft_id, position').raw().all() as [number, string][]
    for (const [draftId, tag] of tagRows) {
      const list = tags.get(draftId)
      if (list) list.push(tag)
      else tags.set(draftId, [tag])
    }
    return rows.map(([id, title, status, language, wordCount, createdAt, updatedAt, trashedAt, preview]) => ({
      id,
      title,
      status,
      tags: tags.get(id) ?? [],
      language,
      wordCount,
      createdAt,
      updatedAt,
      trashedAt,
      preview,
    }))
  }

  summary(id: number): DraftSummary {
    return toSummary(this.row(id))
  }

  get(id: number): Draft {
    const row = this.row(id)
    // One read transaction: the text, its rows and its version always belong together.
    const body = this.db.transaction(() => this.blocks.read(id))()
    if (!body) throw notFound(id)
    const doc = parseStoredDoc(body.text, id)
    return { ...toSummary(row), description: row.description, canonicalUrl: row.canonical_url, doc, storedBody: storedBodyOf(doc, body) }
  }

  create(input: NewDraft = {}): Draft {
    const at = this.now()
    const doc = input.doc ? gateEditorDoc(input.doc) : emptyDoc()
    const id = this.write(() => {
      const result = this.db
        .prepare(
          `INSERT INTO drafts (title, status, language, description, canonical_url, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.title ?? '', input.status ?? 'draft', input.language ?? 'en', input.description ?? '', input.canonicalUrl ?? '', at, at)
      const newId = Number(result.lastInsertRowid)
      this.db.prepare('INSERT INTO draft_bodies (draft_id, doc) VALUES (?, ?)').run(newId, JSON.stringify(doc))
      this.writeTags(newId, input.tags ?? [])
      this.index.indexNow(newId)
      return newId
    })
    return this.get(id)
  }

  updateMeta(id: number, patch: MetaPatch): DraftSummary {
    const columns: Record<keyof Omit<MetaPatch, 'tags'>, string> = {
      title: 'title',
      status: 'status',
      language: 'language',
      description: 'description',
      canonicalUrl: 'canonical_url',
    }
    this.write(() => {
      this.row(id)
      const sets: string[] = []
      const values: unknown[] = []
      for (const [key, column] of Object.entries(columns)) {
        const value = patch[key as keyof typeof columns]
        if (value !== undefined) {
          sets.push(`${column} = ?`)
          values.push(value)
        }
      }
      if (sets.length) this.db.prepare(`UPDATE drafts SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...values, this.now(), id)
      if (patch.tags) {
        this.writeTags(id, patch.tags)
        this.db.prepare('UPDATE drafts SET updated_at = ? WHERE id = ?').run(this.now(), id)
      }
      if (patch.title !== undefined) this.index.updateTitle(id, patch.title)
    })
    return this.summary(id)
  }

  /**
   * A whole document (the first autosave of an editor opened on other text than the stored
   * body, and whenever a block patch no longer fits): the rows of the blocks whose JSON differs
   * from what is stored are written
   * (plus, at most every few minutes, a snapshot of what it replaces). Plain text, word
   * count and the search index catch up lazily (see SearchIndex). The document gate is one
   * linear walk that returns the editor's own JSON as it is.
   */
  saveContent(id: number, doc: EditorDoc, options: { baseVersion?: number } = {}): { updatedAt: number; bodyVersion: number; keptOther: boolean } {
    const at = this.now()
    const gated = gateEditorDoc(doc)
    return this.write(() => {
      const row = this.db.prepare('SELECT trashed_at FROM drafts WHERE id = ?').get(id) as { trashed_at: number | null } | undefined
      if (!row) throw notFound(id)
      // Written by someone else since the renderer's base (another window, an import): that text
      // is not in the renderer's document, so it is kept before it is replaced, interval or not.
      const keptOther = options.baseVersion !== undefined && this.blocks.version(id) !== options.baseVersion && this.revisions.keepBeforeOverwrite(id, at)
      if (!keptOther) this.revisions.snapshotBeforeOverwrite(id, at)
      const bodyVersion = this.blocks.replace(id, gated)
      this.db.prepare('UPDATE drafts SET updated_at = ?, text_stale = 1 WHERE id = ?').run(at, id)
      return { updatedAt: at, bodyVersion, keptOther }
    })
  }

  /**
   * The autosave path: only the top-level blocks an edit changed, so its cost follows the edit,
   * not the draft's length. The same gate as saveContent, on the new blocks; a block it would
   * have to rebuild, or a base that is no longer the stored version, answers `stale` and the
   * renderer saves the whole document instead (which is gated and cleaned as always). One
   * IMMEDIATE transaction: a crash leaves the old version or the new one, never a mix.
   */
  saveBlocks(id: number, patch: BlocksPatch): SaveBlocksResult {
    const at = this.now()
    // The gate's rules for a whole document, on what changed: a document has at least one block
    // (the old blocks passed the gate when they were written).
    if (patch.blockCount === 0) return { status: 'stale' }
    const incoming = patch.splices.flatMap((s) => s.blocks)
    if (incoming.length > 0) {
      const asDoc: EditorDoc = { type: 'doc', content: incoming }
      if (gateEditorDoc(asDoc) !== asDoc) return { status: 'stale' }
    }
    const splices = patch.splices.map((s) => ({ from: s.from, deleteCount: s.deleteCount, json: s.blocks.map((b) => JSON.stringify(b)) }))
    return this.write(() => {
      const row = this.db.prepare('SELECT trashed_at FROM drafts WHERE id = ?').get(id) as { trashed_at: number | null } | undefined
      if (!row) throw notFound(id)
      if (!this.blocks.fits(id, patch.baseVersion, splices, patch.blockCount)) return { status: 'stale' as const }
      this.revisions.snapshotBeforeOverwrite(id, at)
      const bodyVersion = this.blocks.apply(id, splices)
      this.db.prepare('UPDATE drafts SET updated_at = ?, text_stale = 1 WHERE id = ?').run(at, id)
      return { status: 'saved' as const, updatedAt: at, bodyVersion }
    })
  }

  duplicate(id: number): DraftSummary {
    const source = this.get(id)
    const copy = this.create({
      title: source.title ? `${source.title} (2)` : '',
      status: source.status,
      tags: source.tags,
      language: source.language,
      doc: source.doc,
      description: source.description,
      canonicalUrl: source.canonicalUrl,
    })
    return this.summary(copy.id)
  }

  trash(id: number): DraftSummary {
    return this.write(() => {
      this.row(id)
      this.db.prepare('UPDATE drafts SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL').run(this.now(), id)
      return this.summary(id)
    })
  }

  restore(id: number): DraftSummary {
    return this.write(() => {
      this.row(id)
      this.db.prepare('UPDATE drafts SET trashed_at = NULL WHERE id = ?').run(id)
      return this.summary(id)
    })
  }

  /** Only drafts already in the trash can be deleted: a second, deliberate step. */
  deleteForever(id: number): void {
    this.write(() => {
      const row = this.row(id)
      if (row.trashed_at === null) throw new LonghandError('conflict', 'Move the draft to the trash before deleting it forever.')
      this.recordDeleted('id = ?', id)
      this.db.prepare('DELETE FROM drafts WHERE id = ?').run(id)
    })
  }

  emptyTrash(): number {
    return this.write(() => {
      this.recordDeleted('trashed_at IS NOT NULL')
      return this.db.prepare('DELETE FROM drafts WHERE trashed_at IS NOT NULL').run().changes
    })
  }

  tags(): TagCount[] {
    return this.db
      .prepare(
        // Tags differing only in case are one tag, shown as first written (SQLite takes the bare
        // column from the row that min() picked).
        `SELECT t.tag AS tag, count(*) AS count, min(t.draft_id) FROM draft_tags t JOIN drafts d ON d.id = t.draft_id
         WHERE d.trashed_at IS NULL GROUP BY t.tag COLLATE NOCASE ORDER BY count DESC, t.tag COLLATE NOCASE`,
      )
      .all()
      .map((row) => ({ tag: (row as TagCount).tag, count: (row as TagCount).count }))
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n
  }

  /**
   * Every write that reads first runs in an IMMEDIATE transaction: it takes the write lock
   * before reading, so it waits (busy_timeout) for another writer instead of failing with
   * SQLITE_BUSY when its read snapshot went stale, and nothing changes between check and write.
   * Nested calls (create inside another write) become savepoints.
   */
  private write<T>(run: () => T): T {
    return this.db.transaction(run).immediate()
  }

  /**
   * Which drafts were deleted for good, and when (schema v6: deleted_drafts), so that a recovery
   * from an older safety copy does not bring them back (services/salvage.ts).
   */
  private recordDeleted(where: string, ...params: number[]): void {
    this.db
      .prepare(`INSERT OR REPLACE INTO deleted_drafts (draft_id, created_at, deleted_at) SELECT id, created_at, ? FROM drafts WHERE ${where}`)
      .run(this.now(), ...params)
  }

  private row(id: number): DraftRow {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM drafts d WHERE d.id = ?`).get(id) as DraftRow | undefined
    if (!row) throw notFound(id)
    return row
  }

  private writeTags(id: number, tags: string[]): void {
    this.db.prepare('DELETE FROM draft_tags WHERE draft_id = ?').run(id)
    const insert = this.db.prepare('INSERT OR IGNORE INTO draft_tags (draft_id, tag, position) VALUES (?, ?, ?)')
    tags.forEach((tag, position) => insert.run(id, tag.trim(), position))
  }
}

function toSummary(row: DraftRow): DraftSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    language: row.language,
    wordCount: row.word_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    trashedAt: row.trashed_at,
    preview: row.preview,
  }
}

/**
 * What the renderer needs to patch the body it was sent: the version, and which blocks are
 * not stored as JSON.stringify of the block it reads (validation returns known keys only, in
 * the editor's order). Null when the blocks and the document around them do not line up.
 * One stringify of the document, no copy kept.
 */
function storedBodyOf(doc: EditorDoc, body: StoredText): StoredBody | null {
  if (body.blocks === null || body.blocks.length !== doc.content.length) return null
  const frame = frameOf(doc)
  if (!frame || frame.head !== body.head || frame.tail !== body.tail) return null
  const rewrite: number[] = []
  doc.content.forEach((block, i) => {
    if (JSON.stringify(block) !== body.blocks![i]) rewrite.push(i)
  })
  return { version: body.version, rewrite }
}

export function notFound(id: number): LonghandError {
  return new LonghandError('not-found', `Draft ${id} does not exist (it may have been deleted).`)
}

/** A stored document is validated before it reaches the editor, like any other input. */
export function parseStoredDoc(json: string, id: number): EditorDoc {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new LonghandError('storage', `Draft ${id} could not be read: its stored text is not valid JSON.`)
  }
  const parsed = editorDocSchema.safeParse(value)
  if (!parsed.success) throw new LonghandError('storage', `Draft ${id} could not be read: its stored document is malformed.`)
  return parsed.data
}

