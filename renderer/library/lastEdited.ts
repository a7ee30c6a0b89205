/**
 * "Last edited" in the reader's language: relative within the last day ("vor 5 Minuten",
 * "2 hours ago"), then a date. Intl does the wording, so both languages stay correct.
 */
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function formatLastEdited(timestamp: number, now: number, locale: string): string {
  const age = now - timestamp
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' })
  if (age < MINUTE) return relative.format(0, 'second')
  if (age < HOUR) return relative.format(-Math.floor(age / MINUTE), 'minute')
  if (age < DAY) return relative.format(-Math.floor(age / HOUR), 'hour')
  const sameYear = new Date(timestamp).getFullYear() === new Date(now).getFullYear()
  return new Intl.DateTimeFormat(locale, sameYear ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' }).format(
    timestamp,
  )
}

/** Full date and time, for tooltips and the revision list. */
export function formatDateTime(timestamp: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(timestamp)
}
