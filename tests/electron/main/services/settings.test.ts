import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain'
import { tempLibrary } from '../../support/temp-library'

describe('SettingsStore', () => {
  it('reads defaults from an empty library', async () => {
    const { settings } = await tempLibrary()
    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
  })

  it('stores patches, merging nested pane sizes', async () => {
    const { settings } = await tempLibrary()
    settings.update({ uiLanguage: 'de', theme: 'dark' })
    const next = settings.update({ panes: { libraryWidth: 300 } })
    expect(next).toMatchObject({ uiLanguage: 'de', theme: 'dark', panes: { ...DEFAULT_SETTINGS.panes, libraryWidth: 300 } })
    expect(settings.get()).toEqual(next)
  })

  it('reads a damaged or foreign value as the default instead of failing', async () => {
    const { settings, db } = await tempLibrary()
    settings.update({ theme: 'dark' })
    db.prepare("INSERT INTO settings (key, value) VALUES ('uiLanguage', '\"klingon\"'), ('panes', 'not json'), ('unknownKey', '1')").run()
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
  })

  it('rejects invalid patches', async () => {
    const { settings } = await tempLibrary()
    expect(() => settings.update({ theme: 'neon' as never })).toThrow()
    expect(settings.get().theme).toBe('system')
  })
})
