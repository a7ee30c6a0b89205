/**
 * Autosave's block patches: which top-level blocks of a document changed since the version on
 * disk, as splices of that version's blocks. Pure; the renderer diffs ProseMirror nodes with it,
 * main applies the result (electron/main/services/draft-blocks.ts).
 */

/** Replace `deleteCount` items of the base starting at `from` (base indices) with `items`. */
export interface Splice<T> {
  from: number
  deleteCount: number
  items: T[]
}

/**
 * The splices that turn `before` into `after`, comparing items by identity only — ProseMirror
 * nodes are immutable, so a block an edit did not touch is the very same object in the next
 * document. O(blocks) pointer comparisons: common start and end first, then the changed middle
 * anchored on items found again further on (in order). Splices are ascending, never overlap,
 * and are empty when nothing changed. Not a minimal edit script: a moved block comes out as a
 * deletion plus an insertion, which is correct and rare.
 */
export function diffByIdentity<T>(before: readonly T[], after: readonly T[]): Splice<T>[] {
  let start = 0
  const shorter = Math.min(before.length, after.length)
  while (start < shorter && before[start] === after[start]) start++
  let endBefore = before.length
  let endAfter = after.length
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--
    endAfter--
  }
  if (start === endBefore && start === endAfter) return []

  // Where each item of the changed middle of `before` stands (an item may occur more than once).
  const at = new Map<T, number[]>()
  for (let i = endBefore - 1; i >= start; i--) {
    const list = at.get(before[i]!)
    if (list) list.push(i)
    else at.set(before[i]!, [i])
  }
  const splices: Splice<T>[] = []
  let pending: Splice<T> | null = null
  let i = start
  for (let j = start; j < endAfter; j++) {
    const item = after[j]!
    const found = nextAt(at.get(item), i)
    if (found === undefined) {
      pending ??= { from: i, deleteCount: 0, items: [] }
      pending.items.push(item)
      continue
    }
    if (found > i) {
      pending ??= { from: i, deleteCount: 0, items: [] }
      pending.deleteCount += found - i
    }
    if (pending) splices.push(pending)
    pending = null
    i = found + 1
  }
  if (i < endBefore) {
    pending ??= { from: i, deleteCount: 0, items: [] }
    pending.deleteCount += endBefore - i
  }
  if (pending) splices.push(pending)
  return splices
}

/** The first index in `list` (descending, consumed from the end) that is at least `from`. */
function nextAt(list: number[] | undefined, from: number): number | undefined {
  if (!list) return undefined
  while (list.length > 0 && list[list.length - 1]! < from) list.pop()
  return list.pop()
}

/** Applies splices from diffByIdentity to a copy of `base` (what main does with the stored rows). */
export function applySplices<T>(base: readonly T[], splices: readonly Splice<T>[]): T[] {
  const result = [...base]
  for (let k = splices.length - 1; k >= 0; k--) {
    const s = splices[k]!
    result.splice(s.from, s.deleteCount, ...s.items)
  }
  return result
}
