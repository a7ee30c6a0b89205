import {
  type JournalHit,
  type JournalKind,
  type JournalNote,
  type JournalNoteEdit,
  type Language,
  type NewJournalNote,
  SNIPPET_MARK_END,
  SNIPPET_MARK_START,
} from '@shared/domain'
import { LonghandError } from '@shared/ipc'
import { noteDraftDoc, noteDraftTitle } from '@shared/journal/note-quote'
import type { Clock } from './clock'
import type { Drafts } from './drafts'
import { looksLikeFtsSyntax, plainMatchExpression } from './search-query'
import type { Db } from './store/database'

interface NoteRow {
  id: number
  post_id: number | null
  draft_id: number | null
  platform: string
  source_title: string
  live_title: string | null
  posted_url: string | null
  kind: JournalKind
  noted_on: string
  text: string
  created_at: number
  updated_at: number
}

/** The note with its draft's live title and its post's address (both may be gone). */
const NOTE_SELECT = `SELECT n.id, n.post_id, n.draft_id, n.platform, n.source_title, d.title AS live_title, p.posted_url,
    n.kind, n.noted_on, n.text, n.created_at, n.updated_at
  FROM journal_notes n LEFT JOIN drafts d ON d.id = n.draft_id LEFT JOIN posts p ON p.id = n.post_id`
/** Newest first: the author's day, then the order they were written in. */
const NEWEST_FIRST = 'ORDER BY n.noted_on DESC, n.created_at DESC, n.id DESC'
const SNIPPET_TOKENS = 14

/**
 * The dialog journal: short dated notes on posted posts (replies, questions, people, ideas).
 * Notes are never deleted as a side effect: the schema detaches them (SET NULL) when their
 * post or draft goes, so only `delete` removes one.
 */
export class Journal {
  constructor(
    private readonly db: Db,
    private readonly drafts: Drafts,
    private readonly now: Clock,
  ) {}

  listForDraft(draftId: number): JournalNote[] {
    if (!this.db.prepare('SELECT 1 FROM drafts WHERE id = ?').get(draftId)) {
      throw new LonghandError('not-found', `Draft ${draftId} does not exist (it may have been deleted).`)
    }
    return (this.db.prepare(`${NOTE_SELECT} WHERE n.draft_id = ? ${NEWEST_FIRST}`).all(draftId) as NoteRow[]).map(toNote)
  }

  /** Across the library, newest first; notes of drafts in the trash are left out (like Today). */
  listAll(limit = 200): JournalNote[] {
    return (
      this.db.prepare(`${NOTE_SELECT} WHERE d.trashed_at IS NULL OR n.draft_id IS NULL ${NEWEST_FIRST} LIMIT ?`).all(limit) as NoteRow[]
    ).map(toNote)
  }

  /**
   * The same query language as the draft search (search-query.ts): FTS syntax when it parses,
   * otherwise every word, the last as a prefix, ß/ss both ways. Newest first, like the lists.
   */
  search(text: string, limit = 50): JournalHit[] {
    const trimmed = text.trim()
    if (!trimmed) return []
    if (looksLikeFtsSyntax(trimmed)) {
      try {
        return this.run(trimmed, limit)
      } catch {
        // Malformed FTS syntax: fall through to a plain search, as the draft search does.
      }
    }
    const plain = plainMatchExpression(text)
    return plain ? this.run(plain, limit) : []
  }

  private run(match: string, limit: number): JournalHit[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM (
           SELECT n.id, n.post_id, n.draft_id, n.platform, n.source_title, d.title AS live_title, p.posted_url,
             n.kind, n.noted_on, n.text, n.created_at, n.updated_at,
             snippet(journal_fts, 0, '${SNIPPET_MARK_START}', '${SNIPPET_MARK_END}', '…', ${SNIPPET_TOKENS}) AS snippet
           FROM journal_fts f JOIN journal_notes n ON n.id = f.rowid
             LEFT JOIN drafts d ON d.id = n.draft_id LEFT JOIN posts p ON p.id = n.post_id
           WHERE journal_fts MATCH ? AND (d.trashed_at IS NULL OR n.draft_id IS NULL)) n
         ${NEWEST_FIRST} LIMIT ?`,
      )
      .all(match, limit) as (NoteRow & { snippet: string })[]
    return rows.map((row) => ({ ...toNote(row), snippet: row.snippet }))
  }

  get(id: number): JournalNote {
    const row = this.db.prepare(`${NOTE_SELECT} WHERE n.id = ?`).get(id) as NoteRow | undefined
    if (!row) throw missingNote(id)
    return toNote(row)
  }

  /** Notes belong to posts that went out: a post still being written has had no dialog yet. */
  add(input: NewJournalNote): JournalNote {
    const post = this.db
      .prepare('SELECT p.state, p.draft_id, p.platform, d.title FROM posts p JOIN drafts d ON d.id = p.draft_id WHERE p.id = ?')
      .get(input.postId) as { state: string; draft_id: number; platform: string; title: string } | undefined
    if (!post) throw new LonghandError('not-found', `Post ${input.postId} does not exist (it may have been deleted).`)
    if (post.state !== 'posted') throw new LonghandError('conflict', 'Mark the post as posted before noting what came back.')
    const at = this.now()
    const result = this.db
      .prepare(
        `INSERT INTO journal_notes (post_id, draft_id, platform, source_title, kind, noted_on, text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.postId, post.draft_id, post.platform, post.title, input.kind, input.notedOn, input.text.trim(), at, at)
    return this.get(Number(result.lastInsertRowid))
  }

  update(edit: JournalNoteEdit): JournalNote {
    const current = this.get(edit.id)
    this.db
      .prepare('UPDATE journal_notes SET kind = ?, noted_on = ?, text = ?, updated_at = ? WHERE id = ?')
      .run(edit.kind ?? current.kind, edit.notedOn ?? current.notedOn, edit.text?.trim() ?? current.text, this.now(), edit.id)
    return this.get(edit.id)
  }

  delete(id: number): void {
    if (this.db.prepare('DELETE FROM journal_notes WHERE id = ?').run(id).changes === 0) throw missingNote(id)
  }

  /**
   * A new draft that starts from the note: the note as a quote with its reference line (the
   * post's platform, day and draft, linked to the live post), in the source draft's language.
   */
  toDraft(id: number): { draftId: number } {
    const note = this.get(id)
    const source = note.draftId === null ? undefined : (this.db.prepare('SELECT language FROM drafts WHERE id = ?').get(note.draftId) as { language: Language } | undefined)
    const language = source?.language ?? 'en'
    const draft = this.drafts.create({ title: noteDraftTitle(note), language, status: 'idea', doc: noteDraftDoc(note, language) })
    return { draftId: draft.id }
  }
}

function missingNote(id: number): LonghandError {
  return new LonghandError('not-found', `Note ${id} does not exist (it may have been deleted).`)
}

function toNote(row: NoteRow): JournalNote {
  return {
    id: row.id,
    postId: row.post_id,
    draftId: row.draft_id,
    platform: row.platform,
    draftTitle: row.live_title ?? row.source_title,
    postedUrl: row.posted_url,
    kind: row.kind,
    notedOn: row.noted_on,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
