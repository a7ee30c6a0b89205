import { describe, expect, it } from 'vitest'
import { LonghandError } from '@shared/ipc'
import { createI18n } from '../../../renderer/i18n/i18n'
import { failureReason } from '../../../renderer/transfer/messages'

describe('why a safety copy was refused, in the UI language', () => {
  it('names an interrupted (empty) copy in German and English instead of the backend sentence', () => {
    const refused = new LonghandError('storage', 'The backup x is empty (0 bytes …', ['empty'])
    expect(failureReason(createI18n('en').t, refused)).toMatch(/empty: it was interrupted/)
    expect(failureReason(createI18n('de').t, refused)).toMatch(/leer: Sie wurde beim Anlegen unterbrochen/)
    expect(failureReason(createI18n('de').t, new LonghandError('storage', 'x', ['too-new']))).toMatch(/neueren Longhand-Version/)
  })

  it('keeps the backend sentence for a reason it does not know', () => {
    expect(failureReason(createI18n('en').t, new LonghandError('storage', 'Something else.', ['mystery']))).toBe('Something else.')
  })
})
