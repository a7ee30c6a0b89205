import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { JournalNote, JournalNoteEdit, NewJournalNote } from '@shared/domain'
import { useApi } from '../api/context'
import { useNotices } from '../app/notices'
import { insertNoteQuote } from './insertQuote'
import { journalChanged } from './journalEvents'
import { useJournalHost } from './JournalHost'

export interface JournalActions {
  add(note: NewJournalNote): Promise<boolean>
  update(edit: JournalNoteEdit): Promise<boolean>
  remove(note: JournalNote): Promise<boolean>
  toDraft(note: JournalNote): Promise<boolean>
  /** null where there is no open draft to insert into. */
  insertQuote: ((note: JournalNote) => boolean) | null
}

/** Every journal change goes to the backend first; failures are said, and the form keeps its text. */
export function useJournalActions(): JournalActions {
  const api = useApi()
  const host = useJournalHost()
  const { notify } = useNotices()
  const { t } = useTranslation()
  return useMemo<JournalActions>(() => {
    const attempt = async (run: () => Promise<unknown>, failKey: 'journal.saveFailed' | 'journal.deleteFailed') => {
      try {
        await run()
        journalChanged()
        return true
      } catch (error) {
        notify('error', t(failKey, { reason: (error as Error).message }))
        return false
      }
    }
    return {
      add: (note) => attempt(() => api.invoke('journal.add', note), 'journal.saveFailed'),
      update: (edit) => attempt(() => api.invoke('journal.update', edit), 'journal.saveFailed'),
      remove: (note) => attempt(() => api.invoke('journal.delete', { id: note.id }), 'journal.deleteFailed'),
      toDraft: (note) =>
        attempt(async () => {
          const { draftId } = await api.invoke('journal.toDraft', { id: note.id })
          host?.draftCreated(draftId)
          notify('info', t('journal.draftMade'))
        }, 'journal.saveFailed'),
      insertQuote:
        host?.editor && !host.editor.isDestroyed
          ? (note) => {
              const editor = host.editor!
              return insertNoteQuote(editor, note, host.language)
            }
          : null,
    }
  }, [api, host, notify, t])
}
