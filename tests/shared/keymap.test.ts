import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { KEYMAP, matchesChord, shortcutLabel, toAccelerator, toTiptapKey } from '../../shared/keymap'
import { buildMenuTemplate } from '../../electron/main/menu/template'
import type { MenuItemConstructorOptions } from 'electron'

const actions = { command: () => undefined, showAbout: () => undefined, showDataFolder: () => undefined }
const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])

describe('the one keymap', () => {
  it('follows the brief: palette Ctrl/Cmd+Shift+P, link Ctrl/Cmd+K', () => {
    expect(toAccelerator(KEYMAP.palette)).toBe('CmdOrCtrl+Shift+P')
    expect(toTiptapKey(KEYMAP.link)).toBe('Mod-k')
  })

  it('is what the menu uses', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const items = flatten(buildMenuTemplate('en', platform, actions))
      const byId = (id: string) => items.find((item) => item.id === id)?.accelerator
      expect(byId('command-palette')).toBe(toAccelerator(KEYMAP.palette))
      expect(byId('new-draft')).toBe(toAccelerator(KEYMAP.newDraft))
      expect(byId('find')).toBe(toAccelerator(KEYMAP.search))
      expect(byId('toggle-focus')).toBe(toAccelerator(KEYMAP.toggleFocus))
      expect(byId('toggle-library')).toBe(toAccelerator(KEYMAP.toggleLibrary))
    }
  })

  it('has no chord twice', () => {
    const chords = Object.values(KEYMAP).map((chord) => toAccelerator(chord))
    expect(new Set(chords).size).toBe(chords.length)
  })

  it('no renderer or menu file spells a chord by hand', () => {
    const files = [
      'electron/main/menu/template.ts',
      'renderer/app/Workspace.tsx',
      'renderer/editor/extensions.ts',
      'renderer/editor/Toolbar.tsx',
      'renderer/library/LibraryPane.tsx',
      'renderer/posts/usePostsFeature.tsx',
      'renderer/posts/PostActions.tsx',
    ]
    for (const file of files) {
      const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      expect(text, file).not.toMatch(/CmdOrCtrl\+|'Mod-[a-z]'|'Ctrl\+C'|key: '[A-Z]'/)
    }
  })

  it('labels use the platform names and the UI language', () => {
    expect(shortcutLabel(KEYMAP.makePosts, { mac: false, language: 'de' })).toBe('Strg+Umschalt+M')
    expect(shortcutLabel(KEYMAP.makePosts, { mac: false, language: 'en' })).toBe('Ctrl+Shift+M')
    expect(shortcutLabel(KEYMAP.makePosts, { mac: true, language: 'de' })).toBe('⇧⌘M')
    expect(shortcutLabel(KEYMAP.copy, { mac: true, language: 'en' })).toBe('⌘C')
    expect(shortcutLabel(KEYMAP.copy, { mac: false, language: 'de' })).toBe('Strg+C')
  })

  it('matches key events with Cmd on macOS and Ctrl elsewhere', () => {
    const event = { key: 'P', metaKey: false, ctrlKey: true, shiftKey: true, altKey: false }
    expect(matchesChord(event, KEYMAP.palette, false)).toBe(true)
    expect(matchesChord(event, KEYMAP.palette, true)).toBe(false)
    expect(matchesChord({ ...event, shiftKey: false }, KEYMAP.palette, false)).toBe(false)
    expect(matchesChord({ ...event, key: 'n', shiftKey: false }, KEYMAP.newDraft, false)).toBe(true)
  })
})
