/**
 * The one keymap: every keyboard shortcut of the app, read by the menu (accelerators), the
 * window's key handler, the editor (Tiptap key names), the palette and every label or help
 * text that names a shortcut. "mod" is Cmd on macOS and Ctrl elsewhere.
 */
export interface KeyChord {
  readonly mod?: boolean
  readonly shift?: boolean
  readonly alt?: boolean
  /** One character (upper case for letters) or a key name such as "Enter". */
  readonly key: string
}

export const KEYMAP = {
  palette: { mod: true, shift: true, key: 'P' },
  newDraft: { mod: true, key: 'N' },
  search: { mod: true, key: 'F' },
  settings: { mod: true, key: ',' },
  import: { mod: true, key: 'O' },
  exportHtml: { mod: true, shift: true, key: 'E' },
  toggleLibrary: { mod: true, shift: true, key: 'L' },
  toggleFocus: { mod: true, shift: true, key: 'F' },
  /** Cmd+M minimizes on macOS; the shift keeps it apart. */
  makePosts: { mod: true, shift: true, key: 'M' },
  undo: { mod: true, key: 'Z' },
  redo: { mod: true, shift: true, key: 'Z' },
  bold: { mod: true, key: 'B' },
  italic: { mod: true, key: 'I' },
  underline: { mod: true, key: 'U' },
  link: { mod: true, key: 'K' },
  copy: { mod: true, key: 'C' },
} as const satisfies Record<string, KeyChord>

export type ShortcutName = keyof typeof KEYMAP

/** Electron accelerator: "CmdOrCtrl+Shift+P" (or with "Cmd"/"Ctrl" where a platform's convention asks). */
export function toAccelerator(chord: KeyChord, mod: 'CmdOrCtrl' | 'Cmd' | 'Ctrl' = 'CmdOrCtrl'): string {
  return [chord.mod && mod, chord.alt && 'Alt', chord.shift && 'Shift', chord.key].filter(Boolean).join('+')
}

/** ProseMirror/Tiptap key name: "Mod-Shift-m" (letters lower case; Shift is spelled out). */
export function toTiptapKey(chord: KeyChord): string {
  return [chord.mod && 'Mod', chord.alt && 'Alt', chord.shift && 'Shift', chord.key.length === 1 ? chord.key.toLowerCase() : chord.key]
    .filter(Boolean)
    .join('-')
}

/** The parts of a DOM KeyboardEvent a chord needs (shared/ has no DOM types). */
interface KeyEvent {
  readonly key: string
  readonly metaKey: boolean
  readonly ctrlKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

/** Whether a keydown is exactly this chord (extra modifiers do not match). */
export function matchesChord(event: KeyEvent, chord: KeyChord, mac: boolean): boolean {
  const mod = mac ? event.metaKey : event.ctrlKey
  const other = mac ? event.ctrlKey : event.metaKey
  return (
    mod === Boolean(chord.mod) &&
    !other &&
    event.shiftKey === Boolean(chord.shift) &&
    event.altKey === Boolean(chord.alt) &&
    event.key.toLowerCase() === chord.key.toLowerCase()
  )
}

/** Key names as printed on the keyboards of each UI language (Windows/Linux); macOS uses its symbols. */
const KEY_NAMES = {
  de: { mod: 'Strg', shift: 'Umschalt', alt: 'Alt' },
  en: { mod: 'Ctrl', shift: 'Shift', alt: 'Alt' },
} as const

/** "Strg+Umschalt+M" / "Ctrl+Shift+M" / "⇧⌘M" (macOS order: ⌥ ⇧ ⌘, as its menus print them). */
export function shortcutLabel(chord: KeyChord, options: { mac: boolean; language: 'de' | 'en' }): string {
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key
  if (options.mac) return [chord.alt && '⌥', chord.shift && '⇧', chord.mod && '⌘', key].filter(Boolean).join('')
  const names = KEY_NAMES[options.language]
  return [chord.mod && names.mod, chord.alt && names.alt, chord.shift && names.shift, key].filter(Boolean).join('+')
}
