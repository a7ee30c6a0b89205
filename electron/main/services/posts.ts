import {
  type Passage,
  type Post,
  type PostState,
  type PostStateChange,
  type PostStyle,
  type TodayPost,
  postPartsSchema,
  postStyleSchema,
} from '@shared/domain'
import { LonghandError } from '@shared/ipc'
import { type PlatformId, isPlatformId } from '@shared/platforms/ids'
import type { Clock } from './clock'
import type { Db } from './store/database'

interface PassageRow {
  id: number
  draft_id: number
  text: string
  created_at: number
}

interface PostRow {
  id: number
  draft_id: number
  passage_id: number
  platform: string
  style: string
  parts: string
  state: PostState
  planned_for: string | null
  posted_at: number | null
  posted_url: string | null
  created_at: number
  updated_at: number
}

export interface NewPost {
  draftId: number
  passageId: number
  platform: PlatformId
  style: PostStyle
  parts: string[]
}

const POST_COLUMNS = 'p.id, p.draft_id, p.passage_id, p.platform, p.style, p.parts, p.state, p.planned_for, p.posted_at, p.posted_url, p.created_at, p.updated_at'

/**
 * Parameters: the end of the day (date + 'U'), the day. CROSS JOIN fixes the join order: the
 * few planned posts first (through posts_by_plan), then their drafts; without statistics the
 * planner would walk every draft in the library instead. Exported for the query-plan test.
 */
export const TODAY_QUERY = `SELECT ${POST_COLUMNS}, d.title AS draft_title, s.text AS passage_text
  FROM posts p
  CROSS JOIN drafts d ON d.id = p.draft_id
  CROSS JOIN passages s ON s.id = p.passage_id
  WHERE p.planned_for < ? AND (p.state = 'planned' OR (p.state = 'posted' AND p.planned_for >= ?))
    AND d.trashed_at IS NULL
  ORDER BY p.planned_for, p.id`

/**
 * Passages and the posts made from them. A post always belongs to a passage of its own draft
 * (the schema's composite key makes sure), and both go when their draft is deleted for good.
 */
export class Posts {
  constructor(
    private readonly db: Db,
    private readonly now: Clock,
  ) {}

  createPassage(draftId: number, text: string): Passage {
    this.requireDraft(draftId)
    const at = this.now()
    const result = this.db.prepare('INSERT INTO passages (draft_id, text, created_at) VALUES (?, ?, ?)').run(draftId, text, at)
    return { id: Number(result.lastInsertRowid), draftId, text, createdAt: at }
  }

  /**
   * Removes a passage nobody made a post from (the author asked for posts, then saved none).
   * A passage with posts stays: they still point at it.
   */
  discardPassage(id: number): { discarded: boolean } {
    const result = this.db.prepare('DELETE FROM passages WHERE id = ? AND NOT EXISTS (SELECT 1 FROM posts WHERE passage_id = ?)').run(id, id)
    return { discarded: result.changes > 0 }
  }

  listForDraft(draftId: number): { passages: Passage[]; posts: Post[] } {
    this.requireDraft(draftId)
    const passages = this.db
      .prepare('SELECT id, draft_id, text, created_at FROM passages WHERE draft_id = ? ORDER BY created_at, id')
      .all(draftId) as PassageRow[]
    const posts = this.db
      .prepare(`SELECT ${POST_COLUMNS} FROM posts p WHERE p.draft_id = ? ORDER BY p.created_at, p.id`)
      .all(draftId) as PostRow[]
    return { passages: passages.map(toPassage), posts: posts.flatMap(toPost) }
  }

  get(id: number): Post {
    const row = this.db.prepare(`SELECT ${POST_COLUMNS} FROM posts p WHERE p.id = ?`).get(id) as PostRow | undefined
    const post = row ? toPost(row)[0] : undefined
    if (!post) throw new LonghandError('not-found', `Post ${id} does not exist (it may have been deleted).`)
    return post
  }

  create(input: NewPost): Post {
    const parts = postPartsSchema.parse(input.parts)
    const passage = this.db.prepare('SELECT draft_id FROM passages WHERE id = ?').get(input.passageId) as { draft_id: number } | undefined
    if (!passage) throw new LonghandError('not-found', `Passage ${input.passageId} does not exist (its draft may have been deleted).`)
    if (passage.draft_id !== input.draftId) {
      throw new LonghandError('conflict', `Passage ${input.passageId} belongs to another draft.`)
    }
    const at = this.now()
    const result = this.db
      .prepare(
        `INSERT INTO posts (draft_id, passage_id, platform, style, parts, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)`,
      )
      .run(input.draftId, input.passageId, input.platform, input.style, JSON.stringify(parts), at, at)
    return this.get(Number(result.lastInsertRowid))
  }

  /** New text for a saved post; its state and dates stay. */
  update(id: number, parts: string[]): Post {
    const valid = postPartsSchema.parse(parts)
    const result = this.db.prepare('UPDATE posts SET parts = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(valid), this.now(), id)
    if (result.changes === 0) throw missingPost(id)
    return this.get(id)
  }

  /**
   * draft: nothing planned, not posted. planned: for a day (and maybe a time). posted: now,
   * with the address of the live post if the author has it; the planned day stays, so the
   * post shows as done in that day's list. Posting again only changes the address.
   */
  setState(change: PostStateChange): Post {
    const current = this.get(change.id)
    const at = this.now()
    const update = this.db.prepare(
      'UPDATE posts SET state = ?, planned_for = ?, posted_at = ?, posted_url = ?, updated_at = ? WHERE id = ?',
    )
    switch (change.state) {
      case 'draft':
        update.run('draft', null, null, null, at, change.id)
        break
      case 'planned':
        update.run('planned', change.plannedFor, null, null, at, change.id)
        break
      case 'posted': {
        const postedAt = current.state === 'posted' && current.postedAt !== null ? current.postedAt : at
        update.run('posted', current.plannedFor, postedAt, change.postedUrl ?? null, at, change.id)
        break
      }
    }
    return this.get(change.id)
  }

  delete(id: number): void {
    const result = this.db.prepare('DELETE FROM posts WHERE id = ?').run(id)
    if (result.changes === 0) throw missingPost(id)
  }

  /**
   * The author's list for a day (their local date, from the renderer): everything planned for
   * it or earlier and not yet posted, and what was planned for it and is posted already.
   * Drafts in the trash are left out.
   */
  today(date: string): TodayPost[] {
    // planned_for is 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM': every value of the day sorts below date + 'U'.
    const endOfDay = `${date}U`
    const rows = this.db
      .prepare(TODAY_QUERY)
      .all(endOfDay, date) as (PostRow & { draft_title: string; passage_text: string })[]
    return rows.flatMap((row) => toPost(row).map((post) => ({ ...post, draftTitle: row.draft_title, passageText: row.passage_text })))
  }

  private requireDraft(draftId: number): void {
    if (!this.db.prepare('SELECT 1 FROM drafts WHERE id = ?').get(draftId)) {
      throw new LonghandError('not-found', `Draft ${draftId} does not exist (it may have been deleted).`)
    }
  }
}

function missingPost(id: number): LonghandError {
  return new LonghandError('not-found', `Post ${id} does not exist (it may have been deleted).`)
}

function toPassage(row: PassageRow): Passage {
  return { id: row.id, draftId: row.draft_id, text: row.text, createdAt: row.created_at }
}

/** A row as a post; none if it names a platform or style this version does not know (a newer one wrote it). */
function toPost(row: PostRow): Post[] {
  const style = postStyleSchema.safeParse(row.style)
  if (!isPlatformId(row.platform) || !style.success) return []
  let parts: unknown
  try {
    parts = JSON.parse(row.parts)
  } catch {
    return []
  }
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) return []
  return [
    {
      id: row.id,
      draftId: row.draft_id,
      passageId: row.passage_id,
      platform: row.platform,
      style: style.data,
      parts,
      state: row.state,
      plannedFor: row.planned_for,
      postedAt: row.posted_at,
      postedUrl: row.posted_url,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
  ]
}
