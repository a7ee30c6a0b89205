import type { Editor } from '@tiptap/core'
import { createContext, useContext } from 'react'
import type { DraftId, Language } from '@shared/domain'

/** What journal actions need from the workspace: the open draft, its editor, opening a draft. */
export interface JournalHost {
  draftId: DraftId | null
  /** The editor showing `draftId` (null while none is): where "insert as quote" writes. */
  editor: Editor | null
  /** The open draft's language: the quote's reference line is written in it. */
  language: Language
  /** A draft was made from a note: list it and open it. */
  draftCreated(id: DraftId): void
}

const JournalHostContext = createContext<JournalHost | null>(null)

export const JournalHostProvider = JournalHostContext.Provider

/** null outside the posts pane (then notes can be read and edited, not inserted). */
export function useJournalHost(): JournalHost | null {
  return useContext(JournalHostContext)
}
