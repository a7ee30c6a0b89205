import type { SalvagedPostsAndNotes } from './salvage-read-posts'
import type { Db } from './store/engine'

/**
 * Carries the passages, posts and journal notes of a damaged file into the restored copy (a step
 * of salvage.ts, inside its transaction, after the drafts), so that a post planned or posted and
 * what came back after the safety copy are not left in the file put aside.
 *
 * They refer to each other and to their draft by id. Draft ids are mapped (`copyIdOf`): a draft
 * missing from the copy was created there anew, under the id the copy gave it. Passage, post and
 * note ids are kept: the drafts' documents and revisions mark each passage by its id (the
 * `passage` mark), and a note names its post. An id the copy already uses for another row (same
 * id, another creation time: ids are reused once the highest is deleted) cannot be kept: that row
 * stays in the damaged file, with everything that refers to it, and is counted as left — never
 * attached to the wrong passage, post or draft.
 *
 * A post or note the copy holds is updated when the damaged file's is newer (later updated_at);
 * one missing is inserted. Each row in a savepoint: one the copy refuses leaves no trace.
 */
export function carryPostsAndNotes(read: SalvagedPostsAndNotes, db: Db, copyIdOf: ReadonlyMap<number, number>): { broughtBack: number; left: number } {
  let broughtBack = 0
  const passages = new Set<number>()
  const passageIn = db.prepare('SELECT draft_id, created_at FROM passages WHERE id = ?')
  const insertPassage = db.prepare('INSERT INTO passages (id, draft_id, text, created_at) VALUES (?, ?, ?, ?)')
  for (const passage of read.passages) {
    const draftId = copyIdOf.get(passage.draftId)
    if (draftId === undefined) continue
    const there = passageIn.get(passage.id) as { draft_id: number; created_at: number } | undefined
    if (there) {
      if (there.created_at === passage.createdAt && there.draft_id === draftId) passages.add(passage.id)
      continue
    }
    if (inSavepoint(db, () => insertPassage.run(passage.id, draftId, passage.text, passage.createdAt))) passages.add(passage.id)
  }

  const posts = new Set<number>()
  const postIn = db.prepare('SELECT draft_id, created_at, updated_at FROM posts WHERE id = ?')
  const insertPost = db.prepare(
    `INSERT INTO posts (id, draft_id, passage_id, platform, style, parts, state, planned_for, posted_at, posted_url, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const updatePost = db.prepare('UPDATE posts SET parts = ?, state = ?, planned_for = ?, posted_at = ?, posted_url = ?, updated_at = ? WHERE id = ?')
  for (const post of read.posts) {
    const draftId = copyIdOf.get(post.draftId)
    if (draftId === undefined || !passages.has(post.passageId)) continue
    const parts = JSON.stringify(post.parts)
    const there = postIn.get(post.id) as { draft_id: number; created_at: number; updated_at: number } | undefined
    if (there) {
      if (there.created_at !== post.createdAt || there.draft_id !== draftId) continue
      if (there.updated_at >= post.updatedAt) {
        posts.add(post.id)
        continue
      }
    }
    const written = inSavepoint(db, () =>
      there
        ? updatePost.run(parts, post.state, post.plannedFor, post.postedAt, post.postedUrl, post.updatedAt, post.id)
        : insertPost.run(post.id, draftId, post.passageId, post.platform, post.style, parts, post.state, post.plannedFor, post.postedAt, post.postedUrl, post.createdAt, post.updatedAt),
    )
    if (!written) continue
    posts.add(post.id)
    broughtBack++
  }

  const noteIn = db.prepare('SELECT created_at, updated_at FROM journal_notes WHERE id = ?')
  const insertNote = db.prepare(
    `INSERT INTO journal_notes (id, post_id, draft_id, platform, source_title, kind, noted_on, text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const updateNote = db.prepare(
    'UPDATE journal_notes SET post_id = ?, draft_id = ?, platform = ?, source_title = ?, kind = ?, noted_on = ?, text = ?, updated_at = ? WHERE id = ?',
  )
  for (const note of read.notes) {
    // A note whose post or draft did not come over waits in the damaged file, whole, rather than detached here.
    if (note.postId !== null && !posts.has(note.postId)) continue
    const draftId = note.draftId === null ? null : copyIdOf.get(note.draftId)
    if (draftId === undefined) continue
    const there = noteIn.get(note.id) as { created_at: number; updated_at: number } | undefined
    if (there && (there.created_at !== note.createdAt || there.updated_at >= note.updatedAt)) continue
    const values = [note.postId, draftId, note.platform, note.sourceTitle, note.kind, note.notedOn, note.text] as const
    const written = inSavepoint(db, () =>
      there ? updateNote.run(...values, note.updatedAt, note.id) : insertNote.run(note.id, ...values, note.createdAt, note.updatedAt),
    )
    if (written) broughtBack++
  }

  // Left: each post or note of the damaged file whose last change the copy does not have now.
  const changedOf = { posts: db.prepare('SELECT updated_at FROM posts WHERE id = ?').pluck(), journal_notes: db.prepare('SELECT updated_at FROM journal_notes WHERE id = ?').pluck() }
  const left = read.changes.filter((row) => changedOf[row.table].get(row.id) !== row.updatedAt).length
  return { broughtBack, left }
}

function inSavepoint(db: Db, write: () => unknown): boolean {
  try {
    db.transaction(write)()
    return true
  } catch {
    return false
  }
}
