import { FilePlus, Pencil, Quote, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isPlatformId } from '@shared/platforms'
import type { JournalHit, JournalNote } from '@shared/domain'
import { Snippet } from '../library/Snippet'
import { plannedDate } from '../posts/localDate'
import { PlatformName } from '../posts/PostCard'
import { isHit } from './journalModel'
import { NoteForm } from './NoteForm'
import type { JournalActions } from './useJournalActions'

/** One note: its kind, day and origin, the text (search hits highlighted), and what can be done with it. */
export function JournalNoteItem({ note, actions, showOrigin }: { note: JournalNote | JournalHit; actions: JournalActions; showOrigin: boolean }) {
  const { t, i18n } = useTranslation()
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const day = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', year: 'numeric' }).format(plannedDate(note.notedOn))
  if (mode === 'edit') {
    return (
      <NoteForm
        initial={{ kind: note.kind, notedOn: note.notedOn, text: note.text }}
        onCancel={() => setMode('view')}
        onSave={async (values) => {
          const ok = await actions.update({ id: note.id, ...values })
          if (ok) setMode('view')
          return ok
        }}
      />
    )
  }
  return (
    <article className={`journal-note kind-${note.kind}`} data-note-id={note.id}>
      <header className="journal-note-head">
        <span className="state-chip">{t(`journal.kinds.${note.kind}`)}</span>
        <time dateTime={note.notedOn}>{day}</time>
        {isPlatformId(note.platform) && <PlatformName platform={note.platform} />}
        {note.postId === null && <span className="muted">{t('journal.detached')}</span>}
        {/* Edit and delete stay together: in a narrow pane they wrap as one, never the bin alone under the date. */}
        <span className="journal-note-tools">
          <button type="button" className="icon-button" aria-label={t('journal.edit')} title={t('journal.edit')} onClick={() => setMode('edit')}>
            <Pencil size={16} aria-hidden />
          </button>
          <button
            type="button"
            className="icon-button is-danger"
            aria-label={t('journal.delete')}
            title={t('journal.delete')}
            aria-expanded={mode === 'delete'}
            onClick={() => setMode(mode === 'delete' ? 'view' : 'delete')}
          >
            <Trash2 size={16} aria-hidden />
          </button>
        </span>
      </header>
      {showOrigin && <p className="journal-note-origin muted">{t('journal.fromDraft', { title: note.draftTitle.trim() || t('journal.untitled') })}</p>}
      <p className="journal-note-text">{isHit(note) && note.snippet ? <Snippet text={note.snippet} /> : note.text}</p>
      <div className="post-actions-row">
        {actions.insertQuote && (
          <button type="button" className="button button-small" onMouseDown={(e) => e.preventDefault()} onClick={() => actions.insertQuote?.(note)}>
            <Quote size={14} aria-hidden /> {t('journal.insertQuote')}
          </button>
        )}
        <button type="button" className="button button-small" onClick={() => void actions.toDraft(note)}>
          <FilePlus size={14} aria-hidden /> {t('journal.toDraft')}
        </button>
      </div>
      {mode === 'delete' && (
        <div className="post-form" role="group" aria-label={t('journal.deleteConfirm')}>
          <p>{t('journal.deleteConfirm')}</p>
          <div className="post-form-buttons">
            <button type="button" className="button button-small" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-small button-danger" onClick={() => void actions.remove(note)}>
              {t('journal.delete')}
            </button>
          </div>
        </div>
      )}
    </article>
  )
}
