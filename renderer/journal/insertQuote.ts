import type { Editor } from '@tiptap/core'
import type { JournalNote, Language } from '@shared/domain'
import { noteQuote } from '@shared/journal/note-quote'

/**
 * Puts the note into the draft as a blockquote with its reference line (linked to the live
 * post when it has an address), after the block the cursor is in, so no sentence is split.
 */
export function insertNoteQuote(editor: Editor, note: JournalNote, language: Language): boolean {
  const { $to } = editor.state.selection
  const after = $to.depth > 0 ? $to.after(1) : $to.pos
  return editor.chain().focus().insertContentAt(after, noteQuote(note, language)).run()
}
