import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain'
import { mergeSettings } from '../../../renderer/settings/mergeSettings'

describe('mergeSettings', () => {
  it('replaces top-level values and merges nested objects', () => {
    const next = mergeSettings(DEFAULT_SETTINGS, { theme: 'dark', panes: { libraryWidth: 320 } })
    expect(next.theme).toBe('dark')
    expect(next.panes).toEqual({ ...DEFAULT_SETTINGS.panes, libraryWidth: 320 })
    expect(next.uiLanguage).toBe(DEFAULT_SETTINGS.uiLanguage)
  })
  it('does not change the settings it was given', () => {
    const before = structuredClone(DEFAULT_SETTINGS)
    mergeSettings(DEFAULT_SETTINGS, { panes: { libraryOpen: false } })
    expect(DEFAULT_SETTINGS).toEqual(before)
  })
})
