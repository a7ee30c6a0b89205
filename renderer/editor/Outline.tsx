import { useTranslation } from 'react-i18next'
import type { DocStatsStore } from './useDocStats'
import { useDocStat } from './useDocStats'

/** The headings of the open draft; re-renders only when a heading's text or level changed, not per keystroke. */
export function Outline({ stats, onJump }: { stats: DocStatsStore; onJump(index: number): void }) {
  const { t } = useTranslation()
  const entries = useDocStat(stats, (s) => s.outline)
  return (
    <nav className="outline" aria-label={t('outline.label')}>
      <h2 className="pane-heading">{t('outline.label')}</h2>
      {entries.length === 0 ? (
        <p className="outline-empty">{t('outline.empty')}</p>
      ) : (
        <ol>
          {entries.map((entry, index) => (
            // By index: positions move as the text above changes, the n-th heading stays the n-th.
            <li key={index} className={`outline-level-${entry.level}`}>
              <button type="button" className="outline-item" onClick={() => onJump(index)} title={entry.text}>
                {entry.text || t('outline.untitledHeading')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  )
}
