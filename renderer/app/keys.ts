import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { KEYMAP, type KeyChord, matchesChord, shortcutLabel, type ShortcutName } from '@shared/keymap'

/** Cmd on macOS, Ctrl elsewhere: the "Mod" of every shortcut in the brief. */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

/** Whether a keydown is the named shortcut of the keymap, on this platform. */
export function isShortcut(event: KeyboardEvent, name: ShortcutName): boolean {
  return matchesChord(event, KEYMAP[name], isMac())
}

/** Label of a shortcut in the UI language and the platform's key names ("Strg+Umschalt+M", "⇧⌘M"). */
export function useShortcutLabel(): (name: ShortcutName | KeyChord) => string {
  const { i18n } = useTranslation()
  const language = i18n.language === 'de' ? 'de' : 'en'
  return useCallback(
    (name: ShortcutName | KeyChord) => shortcutLabel(typeof name === 'string' ? KEYMAP[name] : name, { mac: isMac(), language }),
    [language],
  )
}
