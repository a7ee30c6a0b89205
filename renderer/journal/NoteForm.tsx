import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { JOURNAL_KINDS, MAX_NOTE_LENGTH, type JournalKind } from '@shared/domain'
import { localDate } from '../posts/localDate'

export interface NoteValues {
  kind: JournalKind
  notedOn: string
  text: string
}

/** Adding or editing a note: the day (today unless changed), what kind of thing came back, the note. */
export function NoteForm({ initial, onSave, onCancel }: { initial?: NoteValues; onSave(values: NoteValues): Promise<boolean>; onCancel(): void }) {
  const { t } = useTranslation()
  const id = useId()
  const [kind, setKind] = useState<JournalKind>(initial?.kind ?? 'reply')
  const [notedOn, setNotedOn] = useState(initial?.notedOn ?? localDate())
  const [text, setText] = useState(initial?.text ?? '')
  const [busy, setBusy] = useState(false)
  const valid = text.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(notedOn)
  return (
    <form
      className="post-form note-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!valid || busy) return
        setBusy(true)
        // On failure the form stays with the author's text; the notice says why.
        void onSave({ kind, notedOn, text: text.trim() }).then((ok) => {
          setBusy(false)
          if (ok && !initial) setText('')
        })
      }}
    >
      <div className="post-form-fields">
        <label className="field">
          <span>{t('journal.date')}</span>
          <input type="date" value={notedOn} required onChange={(e) => setNotedOn(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('journal.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as JournalKind)}>
            {JOURNAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`journal.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field" htmlFor={`${id}-text`}>
        <span>{t('journal.noteText')}</span>
      </label>
      <textarea
        id={`${id}-text`}
        className="note-text"
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={text}
        placeholder={t('journal.notePlaceholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="post-form-buttons">
        <span className="spacer" />
        <button type="button" className="button button-small button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-small button-primary" disabled={!valid || busy}>
          {t('journal.save')}
        </button>
      </div>
    </form>
  )
}
