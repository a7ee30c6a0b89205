import { createHash } from 'node:crypto'
import { NOTHING_SALVAGED, type SalvageReport } from '@shared/ipc/channels/app'
import { collectAssetIds, safeCanonicalUrl } from '@shared/export'
import { Assets } from './assets'
import type { Clock } from './clock'
import { Drafts } from './drafts'
import { Revisions } from './revisions'
import { type DamagedLibrary, type SalvagedDraft, type SalvagedRevision, readDamagedLibrary } from './salvage-read'
import { SearchIndex } from './search-index'
import { carryPostsAndNotes } from './salvage-posts'
import type { Db, Engine } from './store/engine'

/**
 * Carries what can still be read of a damaged library file into the library restored from a
 * safety copy (database.ts: recoverFromBackup), so the text written after that copy — including
 * all of it written after the damage was found — is in the library the author gets back, not only
 * in the file put aside.
 *
 * For each draft read (salvage-read.ts): newer than the copy's (later updated_at), or missing
 * from it, it is written with the store's own services — an existing draft gets the salvaged text
 * and metadata, with the copy's text kept first as a revision ('before-restore'), so nothing in
 * the copy is lost either; a missing draft is created. Its history, its images and its times
 * (edited, trashed) come with it: a draft trashed in the damaged file stays trashed. A draft the
 * damaged file records as deleted for good after the copy is deleted from the copy again. Then the
 * passages, posts and journal notes, attached to those drafts (salvage-posts.ts).
 *
 * One transaction on the restored copy, before it becomes the library file: a crash leaves either
 * the copy untouched or everything carried over, never part of it. Never throws: a damaged file
 * that cannot be read at all, or a write that fails as a whole, is reported as nothing carried
 * over, and the recovery goes on.
 */
export function salvageDamagedLibrary(options: { engine: Engine; damaged: string; into: Db; now: Clock }): SalvageReport {
  let read: DamagedLibrary
  try {
    read = readDamagedLibrary(options.engine, options.damaged)
  } catch {
    // UnreadableLibraryError, or anything else reading it: the recovery itself goes on.
    return NOTHING_SALVAGED
  }
  try {
    return options.into.transaction(() => carryOver(read, options.into, options.now)).immediate()
  } catch {
    // Rolled back: the restored copy is as it was.
    return { ...NOTHING_SALVAGED, outcome: 'write-failed' }
  } finally {
    read.close()
  }
}

function carryOver(read: DamagedLibrary, db: Db, now: Clock): SalvageReport {
  const revisions = new Revisions(db, now)
  const drafts = new Drafts(db, new SearchIndex(db), revisions, now)
  const assets = new Assets(db, now)
  const inCopy = db.prepare('SELECT title, created_at, updated_at, trashed_at FROM drafts WHERE id = ?')
  const sameDraft = (id: number, createdAt: number | null) => {
    const row = inCopy.get(id) as { title: string; created_at: number; updated_at: number; trashed_at: number | null } | undefined
    // An id alone is not the draft: deleted for good and written again, it is another one.
    return row && (createdAt === null || row.created_at === createdAt) ? row : undefined
  }

  const report: SalvageReport = {
    outcome: 'read',
    broughtBack: 0,
    deletedAgain: 0,
    notRead: [],
    notReadButInCopy: 0,
    imagesMissing: 0,
    listIncomplete: read.listIncomplete,
    postsAndNotesBroughtBack: 0,
    postsAndNotesLeft: 0,
  }
  report.deletedAgain = deleteAgain(read.deleted, db, sameDraft)
  // Each draft of the damaged file that the copy now holds, and under which id there (a draft
  // missing from the copy is created anew): what its passages, posts and notes are attached to.
  const copyIdOf = new Map<number, number>()
  for (const unread of read.unread) {
    const copy = sameDraft(unread.id, unread.createdAt)
    if (copy && unread.createdAt !== null) copyIdOf.set(unread.id, unread.id)
    if (copy && unread.updatedAt !== null && copy.updated_at >= unread.updatedAt) report.notReadButInCopy++
    else report.notRead.push({ title: unread.title ?? copy?.title ?? null })
  }
  for (const draft of read.drafts) {
    const copy = sameDraft(draft.id, draft.createdAt)
    if (copy) copyIdOf.set(draft.id, draft.id)
    // Trashing or restoring a draft leaves updated_at as it was; the damaged file is the later state.
    if (copy && copy.updated_at >= draft.updatedAt && copy.trashed_at === draft.trashedAt) continue
    try {
      // A savepoint: a draft that cannot be written leaves no trace and the others still come over.
      const [missing, id] = db.transaction(() => {
        const unreadImages = bringImages(draft, read, db, assets)
        return [unreadImages, bringDraft(draft, read.revisions(draft.id), copy !== undefined, db, drafts, revisions)] as const
      })()
      copyIdOf.set(draft.id, id)
      report.imagesMissing += missing
      report.broughtBack++
    } catch {
      report.notRead.push({ title: draft.title })
    }
  }
  const posts = carryPostsAndNotes(read.postsAndNotes, db, copyIdOf)
  report.postsAndNotesBroughtBack = posts.broughtBack
  report.postsAndNotesLeft = posts.left
  return report
}

/**
 * Drafts deleted for good after the copy was taken: deleted from the copy too, if it holds that
 * very draft (same id and creation time) and it was not edited after the deletion (then the copy's
 * is not what the author deleted). The deletions are recorded in the copy as well, so that a later
 * recovery knows them too. How many the copy held.
 */
function deleteAgain(deleted: DamagedLibrary['deleted'], db: Db, sameDraft: (id: number, createdAt: number) => { updated_at: number } | undefined): number {
  const record = db.prepare('INSERT OR REPLACE INTO deleted_drafts (draft_id, created_at, deleted_at) VALUES (?, ?, ?)')
  const remove = db.prepare('DELETE FROM drafts WHERE id = ?')
  let count = 0
  for (const gone of deleted) {
    const copy = sameDraft(gone.id, gone.createdAt)
    if (copy && copy.updated_at <= gone.deletedAt) {
      remove.run(gone.id)
      count++
    }
    record.run(gone.id, gone.createdAt, gone.deletedAt)
  }
  return count
}

/** Writes the draft into the copy; its id there. */
function bringDraft(draft: SalvagedDraft, history: SalvagedRevision[], existing: boolean, db: Db, drafts: Drafts, revisions: Revisions): number {
  const meta = {
    title: draft.title,
    status: draft.status,
    tags: draft.tags,
    language: draft.language,
    description: draft.description,
    canonicalUrl: safeCanonicalUrl(draft.canonicalUrl) ?? '',
  }
  let id = draft.id
  if (existing) {
    if (JSON.stringify(drafts.get(id).doc) !== JSON.stringify(draft.doc)) {
      // First, so the copy's text is kept whatever the interval of automatic snapshots says.
      revisions.snapshot(id, 'before-restore')
      drafts.saveContent(id, draft.doc)
    }
    drafts.updateMeta(id, meta)
  } else {
    id = drafts.create({ ...meta, doc: draft.doc }).id
  }
  for (const revision of history) revisions.adopt(id, revision)
  // The services stamp "now"; the draft was last edited (and trashed) when the damaged file says.
  db.prepare('UPDATE drafts SET created_at = ?, updated_at = ?, trashed_at = ? WHERE id = ?').run(draft.createdAt, draft.updatedAt, draft.trashedAt, id)
  return id
}

/** The draft's images that the restored copy lacks, from the damaged file; how many could not be read. */
function bringImages(draft: SalvagedDraft, read: DamagedLibrary, db: Db, assets: Assets): number {
  let missing = 0
  const has = db.prepare('SELECT 1 FROM assets WHERE id = ?')
  for (const id of collectAssetIds(draft.doc)) {
    if (has.get(id)) continue
    const image = read.asset(id)
    // The hash proves the bytes are that very image; put() checks they are the type they claim.
    if (!image || createHash('sha256').update(image.data).digest('hex') !== id) {
      missing++
      continue
    }
    try {
      assets.put(image.mime, image.data.toString('base64'))
    } catch {
      missing++
    }
  }
  return missing
}

/** One English line for logs and stderr (the page tells the author in their language). */
export function salvageSummary(report: SalvageReport): string {
  if (report.outcome === 'unreadable') return 'Nothing could be carried over from the damaged file: it could not be read at all.'
  if (report.outcome === 'write-failed') return 'Nothing could be carried over from the damaged file: writing into the restored copy failed. The damaged file still holds it.'
  const named = report.notRead.map((d) => (d.title === null ? '(title unreadable)' : JSON.stringify(d.title))).join(', ')
  return (
    `Carried over from the damaged file: ${report.broughtBack} draft(s) with newer text.` +
    (report.deletedAgain ? ` Deleted for good after the copy, deleted again: ${report.deletedAgain} draft(s).` : '') +
    (report.notRead.length ? ` Not readable, changes may be only in the damaged file: ${named}.` : '') +
    (report.notReadButInCopy ? ` Not readable but unchanged since the copy: ${report.notReadButInCopy}.` : '') +
    (report.imagesMissing ? ` Images not readable: ${report.imagesMissing}.` : '') +
    (report.listIncomplete ? ' Part of the list of drafts was unreadable: drafts may be missing.' : '') +
    (report.postsAndNotesBroughtBack ? ` Posts and journal notes carried over: ${report.postsAndNotesBroughtBack}.` : '') +
    (report.postsAndNotesLeft ? ` Posts and journal notes changed after the copy that could not be carried over: ${report.postsAndNotesLeft}.` : '')
  )
}
