import { DRAFT_STATUSES, LANGUAGES, wellFormed, type DraftStatus, type Language } from '@shared/domain'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { parseTags } from '../library/libraryModel'

export interface MetaValues {
  status: DraftStatus
  tags: string[]
  language: Language
}

/** Status, tags and the draft's language (which also picks its quotation marks). */
export function DraftMeta({ values, onChange, children }: { values: MetaValues; onChange(patch: Partial<MetaValues>): void; children?: ReactNode }) {
  const { t } = useTranslation()
  const [tagText, setTagText] = useState(values.tags.join(', '))
  useEffect(() => setTagText(values.tags.join(', ')), [values.tags])
  const commitTags = () => {
    const tags = parseTags(tagText)
    if (tags.join('\u0000') !== values.tags.join('\u0000')) onChange({ tags })
    else setTagText(tags.join(', '))
  }
  return (
    <div className="draft-meta">
      <label className="meta-field">
        <select
          aria-label={t('meta.status')}
          className={`status-select status-${values.status}`}
          value={values.status}
          onChange={(e) => onChange({ status: e.target.value as DraftStatus })}
        >
          {DRAFT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="meta-field meta-tags">
        <span className="meta-label" aria-hidden>
          #
        </span>
        <input
          aria-label={t('meta.tags')}
          type="text"
          value={tagText}
          placeholder={t('meta.tagsPlaceholder')}
          onChange={(e) => setTagText(wellFormed(e.target.value))}
          onBlur={commitTags}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              commitTags()
            }
          }}
        />
      </label>
      <label className="meta-field">
        <select aria-label={t('meta.language')} value={values.language} onChange={(e) => onChange({ language: e.target.value as Language })}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {children}
    </div>
  )
}
