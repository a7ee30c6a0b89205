import { Mark, mergeAttributes, type Editor } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import type { EditorState } from '@tiptap/pm/state'
import { followBrowserCaretIfFocused } from '../editor/browserCaret'

export const PASSAGE_MARK = 'passage'

/**
 * Marks the text the author made posts from. The attribute `passageId` is the passage's row in
 * SQLite, so the mark survives any edit around it (ProseMirror maps marks through every
 * change) and the posts find their place again after a reload.
 * - inclusive: false: typing right before or after the passage does not grow it;
 * - excludes: '': passages may overlap (two selections that share a sentence), each keeps its id.
 */
export const PassageMark = Mark.create({
  name: PASSAGE_MARK,
  inclusive: false,
  excludes: '',
  addAttributes() {
    return {
      passageId: {
        default: null,
        parseHTML: (element) => toPassageId(element.getAttribute('data-passage-id')),
        renderHTML: (attributes) => (attributes.passageId == null ? {} : { 'data-passage-id': String(attributes.passageId) }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-passage-id]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'passage-mark' }, HTMLAttributes), 0]
  },
})

export function toPassageId(value: unknown): number | null {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

export interface PassageRange {
  from: number
  to: number
}

/** Where the passage is in the document (adjacent text nodes merged), in document order. */
export function passageRanges(doc: PmNode, passageId: number): PassageRange[] {
  const ranges: PassageRange[] = []
  doc.descendants((node, pos) => {
    if (!node.isText) return true
    if (!node.marks.some((mark) => mark.type.name === PASSAGE_MARK && mark.attrs.passageId === passageId)) return false
    const last = ranges[ranges.length - 1]
    if (last && last.to === pos) last.to = pos + node.nodeSize
    else ranges.push({ from: pos, to: pos + node.nodeSize })
    return false
  })
  return ranges
}

/** The passages marked at a position, innermost (most recently added) last. */
export function passageIdsAt(doc: PmNode, pos: number): number[] {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)))
  const node = $pos.parent.childAfter($pos.parentOffset).node ?? $pos.nodeBefore
  if (!node?.isText) return []
  return node.marks.flatMap((mark) => {
    const id = mark.type.name === PASSAGE_MARK ? toPassageId(mark.attrs.passageId) : null
    return id === null ? [] : [id]
  })
}

/** The passage every character of [from, to) is marked with, if the selection is exactly one passage. */
export function passageCovering(state: EditorState, from: number, to: number): number | null {
  let candidates: Set<number> | null = null
  state.doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true
    const ids = new Set(node.marks.filter((m) => m.type.name === PASSAGE_MARK).map((m) => m.attrs.passageId as number))
    candidates = candidates === null ? ids : new Set([...candidates].filter((id) => ids.has(id)))
    return false
  })
  for (const id of (candidates ?? new Set<number>()) as Set<number>) {
    const ranges = passageRanges(state.doc, id)
    if (ranges.length === 1 && ranges[0]!.from === from && ranges[0]!.to === to) return id
  }
  return null
}

/**
 * Mark and unmark outside the undo history: undoing the last word typed must not take the
 * passage's mark (and so its posts' place) with it. Both run when the backend answers, so the
 * editor first takes the browser's caret: a click made meanwhile that ProseMirror has not read
 * yet would otherwise be put back by this update (browserCaret.ts).
 */
export function addPassageMark(editor: Editor, range: PassageRange, passageId: number): void {
  const type = editor.schema.marks[PASSAGE_MARK]
  if (!type) return
  followBrowserCaretIfFocused(editor.view)
  const tr = editor.state.tr.addMark(range.from, range.to, type.create({ passageId }))
  editor.view.dispatch(tr.setMeta('addToHistory', false))
}

export function removePassageMark(editor: Editor, passageId: number): void {
  const type = editor.schema.marks[PASSAGE_MARK]
  if (!type || editor.isDestroyed) return
  const ranges = passageRanges(editor.state.doc, passageId)
  if (ranges.length === 0) return
  followBrowserCaretIfFocused(editor.view)
  const tr = editor.state.tr
  for (const range of ranges) tr.removeMark(range.from, range.to, type.create({ passageId }))
  editor.view.dispatch(tr.setMeta('addToHistory', false))
}

/** Scrolls the passage into view, selects it and lets it light up briefly. False if it is not in the text. */
export function revealPassage(editor: Editor, passageId: number): boolean {
  if (editor.isDestroyed) return false
  const [first] = passageRanges(editor.state.doc, passageId)
  if (!first) return false
  const selector = `[data-passage-id="${passageId}"]`
  const elements = [...editor.view.dom.querySelectorAll<HTMLElement>(selector)]
  editor.chain().setTextSelection(first).focus(undefined, { scrollIntoView: false }).run()
  elements[0]?.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' })
  for (const element of elements) {
    element.classList.remove('passage-flash')
    // Restart the animation if it is still running from the last click.
    void element.offsetWidth
    element.classList.add('passage-flash')
    setTimeout(() => element.classList.remove('passage-flash'), 1600)
  }
  return true
}

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
}
