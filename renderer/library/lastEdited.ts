/**
 * "Last edited" in the reader's language: relative within the last day ("vor 5 Minuten",
 * "2 hours ago"), then a date. Intl does the wording, so both languages stay correct.
 */
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

// Intl formatters are expensive to build (~0.1 ms each) and every library row needs two:
// build each one once per locale.
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>()

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  const key = `relative:${locale}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' })))
  return f as Intl.RelativeTimeFormat
}

function dateFormat(locale: string, kind: 'dayMonth' | 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`
  let f = formatters.get(key)
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'dayMonth' ? { day: 'numeric', month: 'short' } : kind === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' }
    formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)))
  }
  return f as Intl.DateTimeFormat
}

export function formatLastEdited(timestamp: number, now: number, locale: string): string {
  const age = now - timestamp
  if (age < MINUTE) return relativeFormat(locale).format(0, 'second')
  if (age < HOUR) return relativeFormat(locale).format(-Math.floor(age / MINUTE), 'minute')
  if (age < DAY) return relativeFormat(locale).format(-Math.floor(age / HOUR), 'hour')
  const sameYear = new Date(timestamp).getFullYear() === new Date(now).getFullYear()
  return dateFormat(locale, sameYear ? 'dayMonth' : 'date').format(timestamp)
}

/** Full date and time, for tooltips and the revision list. */
export function formatDateTime(timestamp: number, locale: string): string {
  return dateFormat(locale, 'dateTime').format(timestamp)
}
