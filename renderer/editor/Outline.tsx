import { useTranslation } from 'react-i18next'
import type { OutlineEntry } from './docStats'

export function Outline({ entries, onJump }: { entries: OutlineEntry[]; onJump(entry: OutlineEntry): void }) {
  const { t } = useTranslation()
  return (
    <nav className="outline" aria-label={t('outline.label')}>
      <h2 className="pane-heading">{t('outline.label')}</h2>
      {entries.length === 0 ? (
        <p className="outline-empty">{t('outline.empty')}</p>
      ) : (
        <ol>
          {entries.map((entry) => (
            <li key={entry.pos} className={`outline-level-${entry.level}`}>
              <button type="button" className="outline-item" onClick={() => onJump(entry)} title={entry.text}>
                {entry.text || t('outline.untitledHeading')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  )
}
