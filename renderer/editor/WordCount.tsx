import { useTranslation } from 'react-i18next'
import { useDocStat, type DocStatsStore } from './useDocStats'

/** One formatter per language: building one costs more than the rest of this render. */
const formatters = new Map<string, Intl.NumberFormat>()
function formatNumber(language: string, n: number): string {
  let format = formatters.get(language)
  if (!format) formatters.set(language, (format = new Intl.NumberFormat(language)))
  return format.format(n)
}

/** Words and reading time in the status line; re-renders only when the count changed. */
export function WordCount({ stats }: { stats: DocStatsStore }) {
  const { t, i18n } = useTranslation()
  const words = useDocStat(stats, (s) => s.words)
  const minutes = useDocStat(stats, (s) => s.minutes)
  return (
    <>
      <span>{t('editor.words', { count: words, formatted: formatNumber(i18n.language, words) })}</span>
      <span aria-hidden>·</span>
      <span>{t('editor.readingTime', { count: minutes })}</span>
    </>
  )
}
