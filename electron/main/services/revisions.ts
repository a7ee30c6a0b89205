import type { EditorDoc, Revision, RevisionReason, RevisionSummary } from '@shared/domain'
import { LonghandError } from '@shared/ipc'
import { gateEditorDoc } from '@shared/export'
import { countWords, docToPlainText } from '@shared/text/words'
import type { Db } from './store/database'
import type { Clock } from './clock'
import { parseStoredDoc } from './drafts'

/** While writing, at most one automatic snapshot per this interval. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 5 * 60_000
/** Every snapshot younger than this is kept; older automatic ones are thinned to one per day. */
export const KEEP_ALL_FOR_MS = 48 * 60 * 60_000

interface RevisionRow {
  id: number
  draft_id: number
  title: string
  word_count: number
  reason: RevisionReason
  created_at: number
}

export class Revisions {
  constructor(
    private readonly db: Db,
    private readonly now: Clock,
  ) {}

  /**
   * Called by autosave inside its transaction, before the new text replaces the old one.
   * It snapshots the text being replaced — the state at the start of an editing burst — when
   * the last snapshot is older than the interval and the text differs from it.
   */
  snapshotBeforeOverwrite(draftId: number, at: number): void {
    // Only the timestamp on the hot path: reading the documents is for the rare save that snapshots.
    const latest = this.latest(draftId)
    if (latest && at - latest.created_at < AUTO_SNAPSHOT_INTERVAL_MS) return
    this.keep(draftId, at, latest)
  }

  /**
   * Like snapshotBeforeOverwrite, whatever the interval: the text about to be replaced was
   * written by someone else than the writer replacing it (drafts.saveContent with a base version
   * that is no longer stored). Whether a revision now holds it that did not before (false when
   * the newest revision already is that text, or it has no words).
   */
  keepBeforeOverwrite(draftId: number, at: number): boolean {
    return this.keep(draftId, at, this.latest(draftId))
  }

  private latest(draftId: number): { id: number; created_at: number } | undefined {
    return this.db.prepare('SELECT id, created_at FROM revisions WHERE draft_id = ? ORDER BY created_at DESC, id DESC LIMIT 1').get(draftId) as
      | { id: number; created_at: number }
      | undefined
  }

  private keep(draftId: number, at: number, latest: { id: number; created_at: number } | undefined): boolean {
    this.prune(draftId, at)
    const current = this.db.prepare('SELECT d.title, b.doc FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id WHERE d.id = ?').get(draftId) as { title: string; doc: string }
    if (latest && this.db.prepare('SELECT doc FROM revisions WHERE id = ?').pluck().get(latest.id) === current.doc) return false
    const words = countWords(docToPlainText(JSON.parse(current.doc) as EditorDoc))
    if (words === 0) return false
    this.insert(draftId, current.title, current.doc, words, 'auto', at)
    return true
  }

  /** Snapshot of the current text, taken before something replaces it (restore, import) or on request. */
  snapshot(draftId: number, reason: RevisionReason): RevisionSummary {
    const current = this.db.prepare('SELECT d.title, b.doc FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id WHERE d.id = ?').get(draftId) as { title: string; doc: string } | undefined
    if (!current) throw new LonghandError('not-found', `Draft ${draftId} does not exist.`)
    const words = countWords(docToPlainText(parseStoredDoc(current.doc, draftId)))
    const id = this.insert(draftId, current.title, current.doc, words, reason, this.now())
    return this.summary(id)
  }

  /**
   * Takes over a snapshot kept elsewhere (the damaged library a recovery salvages), with its own
   * time and reason, unless the draft already has that very text from that very time.
   */
  adopt(draftId: number, revision: { title: string; doc: EditorDoc; reason: RevisionReason; createdAt: number }): boolean {
    const doc = JSON.stringify(gateEditorDoc(revision.doc))
    if (this.db.prepare('SELECT 1 FROM revisions WHERE draft_id = ? AND created_at = ? AND doc = ?').get(draftId, revision.createdAt, doc)) return false
    this.insert(draftId, revision.title, doc, countWords(docToPlainText(revision.doc)), revision.reason, revision.createdAt)
    return true
  }

  list(draftId: number): RevisionSummary[] {
    const rows = this.db
      .prepare('SELECT id, draft_id, title, word_count, reason, created_at FROM revisions WHERE draft_id = ? ORDER BY created_at DESC, id DESC')
      .all(draftId) as RevisionRow[]
    return rows.map(toSummary)
  }

  get(id: number): Revision {
    const row = this.db.prepare('SELECT id, draft_id, title, word_count, reason, created_at, doc FROM revisions WHERE id = ?').get(id) as
      | (RevisionRow & { doc: string })
      | undefined
    if (!row) throw new LonghandError('not-found', `Revision ${id} does not exist.`)
    return { ...toSummary(row), doc: parseStoredDoc(row.doc, row.draft_id) }
  }

  /**
   * Puts a snapshot's text back. The current text is snapshotted first ('before-restore'),
   * so a restore is itself undoable from the same list. The title is left as it is. A version
   * written before the document gate existed passes it now.
   */
  restore(id: number): number {
    const revision = this.get(id)
    this.db.transaction(() => {
      this.snapshot(revision.draftId, 'before-restore')
      this.db.prepare('UPDATE draft_bodies SET doc = ? WHERE draft_id = ?').run(JSON.stringify(gateEditorDoc(revision.doc)), revision.draftId)
      this.db.prepare('UPDATE drafts SET updated_at = ?, text_stale = 1 WHERE id = ?').run(this.now(), revision.draftId)
    })()
    return revision.draftId
  }

  private insert(draftId: number, title: string, doc: string, words: number, reason: RevisionReason, at: number): number {
    const result = this.db
      .prepare('INSERT INTO revisions (draft_id, title, doc, word_count, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(draftId, title, doc, words, reason, at)
    return Number(result.lastInsertRowid)
  }

  private summary(id: number): RevisionSummary {
    return toSummary(
      this.db.prepare('SELECT id, draft_id, title, word_count, reason, created_at FROM revisions WHERE id = ?').get(id) as RevisionRow,
    )
  }

  /** Older automatic snapshots: keep the newest of each UTC day. Deliberate ones are never thinned. */
  private prune(draftId: number, at: number): void {
    this.db
      .prepare(
        `DELETE FROM revisions WHERE draft_id = ? AND reason = 'auto' AND created_at < ? AND id NOT IN (
           SELECT max(id) FROM revisions WHERE draft_id = ? AND reason = 'auto' AND created_at < ?
           GROUP BY created_at / 86400000)`,
      )
      .run(draftId, at - KEEP_ALL_FOR_MS, draftId, at - KEEP_ALL_FOR_MS)
  }
}

function toSummary(row: RevisionRow): RevisionSummary {
  return {
    id: row.id,
    draftId: row.draft_id,
    title: row.title,
    wordCount: row.word_count,
    reason: row.reason,
    createdAt: row.created_at,
  }
}
