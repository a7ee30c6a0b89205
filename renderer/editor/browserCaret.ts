import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Brings the editor's selection to where the browser's caret is now. The browser moves the caret
 * itself for arrows, Home/End and clicks, and ProseMirror learns of it only from the
 * `selectionchange` event, a task later: a key typed right after an arrow would otherwise go in
 * where the caret was before it ("Aber", ←← , "x" gave "Abexr"), and any update of the view in
 * between (proofing marks arriving) would put the old selection back and undo a click. False
 * when the browser's selection is not a text position in this editor (then the browser types, as
 * before).
 */
export function followBrowserCaret(view: EditorView): boolean {
  const { selection, doc } = view.state
  if (!(selection instanceof TextSelection)) return true
  const dom = (view.root as Document).getSelection?.() ?? null
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return false
  let anchor: number
  let head: number
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset)
    head = view.posAtDOM(dom.focusNode, dom.focusOffset)
  } catch {
    return false
  }
  if (anchor === selection.anchor && head === selection.head) return true
  if (anchor < 0 || head < 0 || anchor > doc.content.size || head > doc.content.size) return false
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, anchor, head)))
  return true
}

/**
 * followBrowserCaret before an update that does not come from the author's own key or click
 * (proofing marks, a passage marked when the backend answers): only while the text has the
 * focus — otherwise the page's selection is not the editor's — and not during a composition.
 */
export function followBrowserCaretIfFocused(view: EditorView): void {
  if (!view.isDestroyed && view.hasFocus() && !view.composing) followBrowserCaret(view)
}
