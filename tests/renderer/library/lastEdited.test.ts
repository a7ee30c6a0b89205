import { describe, expect, it } from 'vitest'
import { formatLastEdited } from '../../../renderer/library/lastEdited'

const now = Date.UTC(2025, 5, 15, 12, 0)

describe('formatLastEdited', () => {
  it('is relative within a day, in the reader’s language', () => {
    expect(formatLastEdited(now - 5_000, now, 'en')).toBe('now')
    expect(formatLastEdited(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago')
    expect(formatLastEdited(now - 5 * 60_000, now, 'de')).toBe('vor 5 Minuten')
    expect(formatLastEdited(now - 3 * 3_600_000, now, 'de')).toBe('vor 3 Stunden')
  })
  it('shows a date after that', () => {
    expect(formatLastEdited(Date.UTC(2025, 2, 3, 12), now, 'de')).toBe('3. März')
    expect(formatLastEdited(Date.UTC(2023, 2, 3, 12), now, 'en')).toBe('Mar 3, 2023')
  })
})
