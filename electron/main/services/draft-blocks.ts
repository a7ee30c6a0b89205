import type { EditorDoc } from '@shared/domain'
import type { Db } from './store/database'

/**
 * A draft's document as rows of top-level blocks (schema v5, migrations/0005_draft_blocks.sql),
 * patched in place by autosave. Whole documents are written and read through the draft_bodies
 * view, whose triggers split and reassemble them byte for byte; this class only does what the
 * view cannot: replace a few blocks. Runs inside the caller's transaction.
 */

/** Distance between the positions of blocks written whole; the migration uses the same (2^24). */
export const BLOCK_GAP = 2 ** 24

/** `from` and `deleteCount` count blocks of the base document; `json` is each new block's JSON text. */
export interface StoredSplice {
  from: number
  deleteCount: number
  json: string[]
}

export class DraftBlocks {
  private readonly head
  private readonly positionsOf
  private readonly update
  private readonly deleteRange
  private readonly insert
  private readonly bump
  private readonly rowsOf
  private readonly setFrame
  private readonly frameOf
  private readonly jsonOf
  /**
   * The positions of the blocks of the draft patched last, in order, for the version they belong
   * to. Finding the rows around a splice in SQLite costs a walk of the index up to it (no order
   * statistics in a B-tree); this keeps that walk to once per whole write. Any write of another
   * kind changes the version, so a stale entry is never used (and one from a transaction that
   * rolled back names a version that never existed).
   */
  private cached: { draftId: number; version: number; positions: number[] } | null = null

  constructor(private readonly db: Db) {
    this.head = db.prepare('SELECT version, tail, blocks FROM draft_docs WHERE draft_id = ?')
    this.positionsOf = db.prepare('SELECT position FROM draft_blocks WHERE draft_id = ? ORDER BY position').pluck()
    this.update = db.prepare('UPDATE draft_blocks SET json = ? WHERE draft_id = ? AND position = ?')
    this.deleteRange = db.prepare('DELETE FROM draft_blocks WHERE draft_id = ? AND position BETWEEN ? AND ?')
    this.insert = db.prepare('INSERT INTO draft_blocks (draft_id, position, json) VALUES (?, ?, ?)')
    this.bump = db.prepare('UPDATE draft_docs SET version = random() & 9007199254740991, blocks = ? WHERE draft_id = ? RETURNING version').pluck()
    this.rowsOf = db.prepare('SELECT position, json FROM draft_blocks WHERE draft_id = ? ORDER BY position').raw()
    this.setFrame = db.prepare('UPDATE draft_docs SET head = ?, tail = ? WHERE draft_id = ?')
    this.frameOf = db.prepare('SELECT head, tail, version FROM draft_docs WHERE draft_id = ?')
    this.jsonOf = db.prepare('SELECT json FROM draft_blocks WHERE draft_id = ? ORDER BY position').pluck()
  }

  /**
   * A whole document (already gated), stored as what draft_bodies would make of
   * JSON.stringify(doc) — but writing only the rows whose text differs from what is stored, so
   * the first save of an opened draft, typically a few edited paragraphs, writes a few rows.
   * Anything the frame below does not cover goes through the view, which splits and checks it.
   * Returns the new version.
   */
  replace(draftId: number, doc: EditorDoc): number {
    const frame = frameOf(doc)
    const head = this.head.get(draftId) as Head | undefined
    const blocks = frame ? doc.content.map((block) => JSON.stringify(block)) : []
    if (!frame || !head || !blocks.every((text) => text.startsWith('{'))) {
      this.db.prepare('UPDATE draft_bodies SET doc = ? WHERE draft_id = ?').run(JSON.stringify(doc), draftId)
      return this.version(draftId)!
    }
    const rows = head.tail.startsWith(']') ? (this.rowsOf.all(draftId) as [number, string][]) : []
    if (rows.length === 0) this.db.prepare('DELETE FROM draft_blocks WHERE draft_id = ?').run(draftId)
    const positions = rows.map(([position]) => position)
    let start = 0
    while (start < rows.length && start < blocks.length && rows[start]![1] === blocks[start]) start++
    let end = 0
    while (end < rows.length - start && end < blocks.length - start && rows[rows.length - 1 - end]![1] === blocks[blocks.length - 1 - end]) end++
    if (start + end < Math.max(rows.length, blocks.length)) {
      this.applyOne(draftId, positions, { from: start, deleteCount: rows.length - start - end, json: blocks.slice(start, blocks.length - end) })
    }
    this.setFrame.run(frame.head, frame.tail, draftId)
    const version = this.bump.get(positions.length, draftId) as number
    this.cached = { draftId, version, positions }
    return version
  }

  /**
   * The body as draft_bodies gives it, with its version and — when it is stored block by block —
   * each block's text and the text around them. Undefined for a draft that does not exist.
   */
  read(draftId: number): StoredText | undefined {
    const head = this.frameOf.get(draftId) as { head: string; tail: string; version: number } | undefined
    if (!head) return undefined
    if (!head.tail.startsWith(']')) {
      const text = this.db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').pluck().get(draftId) as string
      return { text, version: head.version, head: head.head, tail: head.tail, blocks: null }
    }
    const blocks = this.jsonOf.all(draftId) as string[]
    // What the view assembles (migrations/0005_draft_blocks.sql), from the rows read once.
    return { text: head.head + blocks.join(',') + head.tail, version: head.version, head: head.head, tail: head.tail, blocks }
  }

  /** The tag of the body as stored now; undefined for a draft that does not exist. */
  version(draftId: number): number | undefined {
    return (this.head.get(draftId) as Head | undefined)?.version
  }

  /**
   * Whether `splices` can be applied to the stored body: it is still the version the renderer
   * diffed against, it is stored as blocks (not kept whole), the splices are in order, inside
   * the document and do not overlap, and the result has the number of blocks the renderer has.
   */
  fits(draftId: number, baseVersion: number, splices: readonly StoredSplice[], blockCount: number): boolean {
    const head = this.head.get(draftId) as Head | undefined
    if (!head || head.version !== baseVersion || !head.tail.startsWith(']')) return false
    let end = 0
    let count = head.blocks
    for (const s of splices) {
      if (s.from < end || s.from + s.deleteCount > head.blocks) return false
      end = s.from + s.deleteCount
      count += s.json.length - s.deleteCount
    }
    return count === blockCount
  }

  /**
   * Applies splices that fit (see fits) and returns the body's new version. A block replaced by
   * one block is one UPDATE of its row; a new block takes a free position between its
   * neighbours, and only when there is none left are the draft's positions renumbered.
   */
  apply(draftId: number, splices: readonly StoredSplice[]): number {
    const version = this.version(draftId)
    const positions =
      this.cached?.draftId === draftId && this.cached.version === version ? this.cached.positions : (this.positionsOf.all(draftId) as number[])
    this.cached = null
    // From the last to the first, so the indices of the ones still to come stay valid.
    for (let i = splices.length - 1; i >= 0; i--) this.applyOne(draftId, positions, splices[i]!)
    const next = this.bump.get(positions.length, draftId) as number
    this.cached = { draftId, version: next, positions }
    return next
  }

  /** One splice; `positions` (the draft's, in order) is kept in step. */
  private applyOne(draftId: number, positions: number[], { from, deleteCount, json }: StoredSplice): void {
    const before = from > 0 ? positions[from - 1] : undefined
    const deleted = positions.slice(from, from + deleteCount)
    const after = positions[from + deleteCount]
    const reused = Math.min(deleted.length, json.length)
    for (let k = 0; k < reused; k++) this.update.run(json[k], draftId, deleted[k])
    if (deleted.length > reused) this.deleteRange.run(draftId, deleted[reused], deleted[deleted.length - 1])
    let spots: number[] = []
    if (json.length > reused) {
      const lo = reused > 0 ? deleted[reused - 1] : before
      const found = freePositions(lo, after, json.length - reused)
      if (found) spots = found
      else {
        this.renumber(draftId, positions)
        // The new blocks go at index `at` of the document as it is now (the reused rows are in place).
        const at = from + reused
        spots = freePositions(at > 0 ? positions[at - 1] : undefined, positions[from + deleteCount], json.length - reused) ?? []
        if (spots.length === 0) throw new Error(`Cannot insert ${json.length - reused} blocks at once into draft ${draftId}.`)
      }
      json.slice(reused).forEach((text, k) => this.insert.run(draftId, spots[k], text))
    }
    // The reused rows' positions are read again: a renumbering above moved them.
    positions.splice(from, deleteCount, ...positions.slice(from, from + reused), ...spots)
  }

  /** Positions back to multiples of BLOCK_GAP, in order. Rare: after many inserts at one spot. */
  private renumber(draftId: number, positions: number[]): void {
    const rows = this.db.prepare('SELECT json FROM draft_blocks WHERE draft_id = ? ORDER BY position').pluck().all(draftId) as string[]
    this.db.prepare('DELETE FROM draft_blocks WHERE draft_id = ?').run(draftId)
    rows.forEach((text, i) => this.insert.run(draftId, i * BLOCK_GAP, text))
    positions.splice(0, positions.length, ...rows.map((_, i) => i * BLOCK_GAP))
  }
}

/** A body as read: its text, its version, and (stored block by block) the text around and of each block. */
export interface StoredText {
  text: string
  version: number
  head: string
  tail: string
  blocks: string[] | null
}

interface Head {
  version: number
  tail: string
  /** How many rows the draft has in draft_blocks (kept with them, so a patch never counts them). */
  blocks: number
}

/**
 * The JSON around a document's content array, as JSON.stringify writes it (any key order, other
 * keys included): JSON.stringify(doc) === head + content.map(JSON.stringify).join(',') + tail.
 * Null when that cannot be told apart safely (another "content" key further down).
 */
export function frameOf(doc: EditorDoc): { head: string; tail: string } | null {
  const outer = JSON.stringify({ ...doc, content: [] })
  const marker = '"content":[]'
  const at = outer.indexOf(marker)
  if (at < 0 || outer.indexOf(marker, at + 1) >= 0) return null
  const split = at + marker.length - 1
  return { head: outer.slice(0, split), tail: outer.slice(split) }
}

/** `count` increasing integers strictly between lo and hi (either may be open), or null if there is no room. */
export function freePositions(lo: number | undefined, hi: number | undefined, count: number): number[] | null {
  const spots: number[] = []
  if (lo === undefined && hi === undefined) for (let i = 0; i < count; i++) spots.push(i * BLOCK_GAP)
  else if (hi === undefined) for (let i = 1; i <= count; i++) spots.push(lo! + i * BLOCK_GAP)
  else if (lo === undefined) for (let i = count; i >= 1; i--) spots.push(hi - i * BLOCK_GAP)
  else {
    const step = Math.floor((hi - lo) / (count + 1))
    if (step < 1) return null
    for (let i = 1; i <= count; i++) spots.push(lo + i * step)
  }
  return spots.every(Number.isSafeInteger) ? spots : null
}
