import { describe, expect, it } from 'vitest'
import { NOTHING_SALVAGED, type RecoveryNotice, type SalvageReport } from '@shared/ipc/channels/app'
import { recoveryMessage } from '../../../renderer/app/recoveryMessage'
import { createI18n } from '../../../renderer/i18n/i18n'

/** The sentences of the recovery notice for the salvage outcomes the services tests cannot cause on purpose. */
const recovery = (salvage: SalvageReport | null, restoredFrom: string | null = '/lib/backups/copy.sqlite'): Omit<RecoveryNotice, 'canShowFile'> => ({
  reason: 'damaged',
  at: Date.UTC(2026, 10, 23, 9),
  movedAsideTo: '/lib/longhand.sqlite.unreadable-x',
  restoredFrom,
  restoredFromTakenAt: restoredFrom ? Date.UTC(2026, 10, 20, 8, 30) : null,
  salvage,
})
const read = (report: Partial<SalvageReport>): SalvageReport => ({ ...NOTHING_SALVAGED, outcome: 'read', ...report })

describe('recoveryMessage', () => {
  const en = createI18n('en').getFixedT('en')
  const de = createI18n('de').getFixedT('de')

  it('a write that failed as a whole: nothing came back, and the old file still holds the latest changes', () => {
    const text = recoveryMessage(recovery({ ...NOTHING_SALVAGED, outcome: 'write-failed' }), en, 'en')
    expect(text).toContain('Your library file could not be read.')
    expect(text).toContain('Longhand could not bring anything back from the old file this time (writing into the copy failed). Keep the old file: it still holds your latest changes.')
    expect(recoveryMessage(recovery({ ...NOTHING_SALVAGED, outcome: 'write-failed' }), de, 'de')).toContain('Behalte die alte Datei: Sie enthält deine letzten Änderungen noch.')
  })

  it('names drafts without a readable title, counts missing images, says when the list itself was damaged', () => {
    const text = recoveryMessage(recovery(read({ broughtBack: 1, notRead: [{ title: null }, { title: 'Brief' }], imagesMissing: 2, listIncomplete: true })), en, 'en')
    expect(text).toContain('One draft changed after that was brought back from the old file with its newest text')
    expect(text).toContain('2 drafts could not be read from the old file: one whose title cannot be read either, “Brief”.')
    expect(text).toContain('2 images in the drafts brought back could not be read.')
    expect(text).toContain('Part of the old file’s list of drafts could not be read')
  })

  it('without a safety copy: the drafts read make the new library; nothing newer is said as such', () => {
    expect(recoveryMessage(recovery(read({ broughtBack: 12 }), null), en, 'en')).toBe(
      'Your library file could not be read and there was no safety copy, so Longhand started a new library. Nothing was deleted: the old file is kept. 12 drafts were brought back from the old file.',
    )
    expect(recoveryMessage(recovery(read({}), null), de, 'de')).toContain('Aus der alten Datei ließ sich kein Entwurf lesen.')
    expect(recoveryMessage(recovery(read({ notReadButInCopy: 3 })), en, 'en')).toContain(
      'The old file held nothing newer than the copy. 3 drafts could not be read from the old file, but the copy holds them as they were last saved.',
    )
  })

  it('says how many drafts deleted for good after the copy stay deleted', () => {
    expect(recoveryMessage(recovery(read({ broughtBack: 2, deletedAgain: 1 })), en, 'en')).toContain(
      'One draft in the copy that you had deleted for good after it was taken stays deleted.',
    )
    expect(recoveryMessage(recovery(read({ deletedAgain: 3 })), de, 'de')).toContain('3 Entwürfe der Kopie, die du danach endgültig gelöscht hattest, bleiben gelöscht.')
    expect(recoveryMessage(recovery(read({ broughtBack: 2 })), en, 'en')).not.toContain('deleted for good')
  })

  it('says how many posts and journal notes came back, and how many stay only in the old file', () => {
    const text = recoveryMessage(recovery(read({ broughtBack: 1, postsAndNotesBroughtBack: 3, postsAndNotesLeft: 1 })), en, 'en')
    expect(text).toContain('3 posts and journal notes changed after the copy were brought back too.')
    expect(text).toContain('One post or journal note changed after the copy could not be brought back and is only in the old file. Keep it.')
    expect(recoveryMessage(recovery(read({ postsAndNotesBroughtBack: 1 })), de, 'de')).toContain('Ein nach der Kopie geänderter Post oder eine Journal-Notiz wurde ebenfalls zurückgeholt.')
  })

  it('an empty file says only what it always said', () => {
    const text = recoveryMessage({ ...recovery(NOTHING_SALVAGED), reason: 'empty' }, en, 'en')
    expect(text).toMatch(/^Your library file was empty\. .+ are not in the copy\.$/)
  })
})
