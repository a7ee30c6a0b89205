import { MessageCirclePlus } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Post } from '@shared/domain'
import { JournalNoteItem } from './JournalNoteItem'
import { NoteForm } from './NoteForm'
import { useJournalActions } from './useJournalActions'
import { useJournalNotes } from './useJournalNotes'
import './journal.css'

/** "What came back" under a posted post: its notes, newest first, and a way to add one. */
export function PostJournal({ post }: { post: Post }) {
  const { t } = useTranslation()
  const { notes } = useJournalNotes({ kind: 'post', draftId: post.draftId, postId: post.id })
  const actions = useJournalActions()
  const [adding, setAdding] = useState(false)
  return (
    <section className="post-journal" aria-label={t('journal.cameBack')}>
      <div className="post-journal-head">
        <h4 className="pane-heading">{t('journal.cameBack')}</h4>
        <span className="spacer" />
        {!adding && (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            <MessageCirclePlus size={14} aria-hidden /> {t('journal.addNote')}
          </button>
        )}
      </div>
      {adding && (
        <NoteForm
          onCancel={() => setAdding(false)}
          onSave={async (values) => {
            const ok = await actions.add({ postId: post.id, ...values })
            if (ok) setAdding(false)
            return ok
          }}
        />
      )}
      {notes?.map((note) => <JournalNoteItem key={note.id} note={note} actions={actions} showOrigin={false} />)}
    </section>
  )
}
