/** The author's calendar day as 'YYYY-MM-DD', in the computer's own time zone. */
export function localDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** A planned day ('2026-03-14' or '2026-03-14T08:30') as a local Date. */
export function plannedDate(plannedFor: string): Date {
  const [day, time] = plannedFor.split('T')
  const [year, month, date] = day!.split('-').map(Number) as [number, number, number]
  const [hours, minutes] = time ? (time.split(':').map(Number) as [number, number]) : [0, 0]
  return new Date(year, month - 1, date, hours, minutes)
}

/** "Sat, 14 Mar" / "Sa., 14. März", with the time if one was planned. */
export function formatPlanned(plannedFor: string, locale: string): string {
  const date = plannedDate(plannedFor)
  const hasTime = plannedFor.includes('T')
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(hasTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(date)
}

export function formatTimestamp(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(ms))
}

export function formatLongDay(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(date)
}
