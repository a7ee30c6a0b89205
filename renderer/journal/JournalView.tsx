import { NotebookPen } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftId } from '@shared/domain'
import { JournalNoteItem } from './JournalNoteItem'
import { useJournalActions } from './useJournalActions'
import { useJournalNotes } from './useJournalNotes'
import './journal.css'

type Reach = 'draft' | 'all'

/** The journal tab: this draft's notes or the whole library's, newest first, with search. */
export function JournalView({ draftId }: { draftId: DraftId | null }) {
  const { t } = useTranslation()
  const [reach, setReach] = useState<Reach>(draftId === null ? 'all' : 'draft')
  const [query, setQuery] = useState('')
  const scope = reach === 'draft' && draftId !== null ? ({ kind: 'draft', draftId } as const) : ({ kind: 'all' } as const)
  const { notes, error } = useJournalNotes(scope, query)
  const actions = useJournalActions()
  return (
    <div className="journal-view">
      <div className="segmented" role="group" aria-label={t('journal.tab')}>
        {(['draft', 'all'] as const).map((r) => (
          <button
            key={r}
            type="button"
            className={`segmented-option${scope.kind === r ? ' is-checked' : ''}`}
            aria-pressed={scope.kind === r}
            disabled={r === 'draft' && draftId === null}
            onClick={() => setReach(r)}
          >
            {t(r === 'draft' ? 'journal.draftJournal' : 'journal.libraryJournal')}
          </button>
        ))}
      </div>
      <input
        type="search"
        className="journal-search"
        aria-label={t('journal.search')}
        placeholder={t('journal.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {error && (
        <p className="posts-error" role="alert">
          {t('journal.loadFailed', { reason: error })}
        </p>
      )}
      {!notes && !error && <div className="posts-loading" aria-busy="true" />}
      {notes && notes.length === 0 && (
        <div className="posts-empty">
          <NotebookPen size={28} aria-hidden className="posts-empty-icon" />
          <p className="muted">{query.trim() ? t('journal.noHits', { query: query.trim() }) : t('journal.empty')}</p>
        </div>
      )}
      {notes && notes.length > 0 && (
        <ol className="journal-list" aria-label={t('journal.tab')}>
          {notes.map((note) => (
            <li key={note.id}>
              <JournalNoteItem note={note} actions={actions} showOrigin={scope.kind === 'all'} />
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
