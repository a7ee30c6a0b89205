import { useTranslation } from 'react-i18next'
import { useDocStat, type DocStatsStore } from './useDocStats'

/** Words and reading time in the status line; re-renders only when the count changed. */
export function WordCount({ stats }: { stats: DocStatsStore }) {
  const { t, i18n } = useTranslation()
  const words = useDocStat(stats, (s) => s.words)
  const minutes = useDocStat(stats, (s) => s.minutes)
  return (
    <>
      <span>{t('editor.words', { count: words, formatted: new Intl.NumberFormat(i18n.language).format(words) })}</span>
      <span aria-hidden>·</span>
      <span>{t('editor.readingTime', { count: minutes })}</span>
    </>
  )
}
