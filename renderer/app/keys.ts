/** Cmd on macOS, Ctrl elsewhere: the "Mod" of every shortcut in the brief. */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

export function hasMod(event: Pick<KeyboardEvent, 'metaKey' | 'ctrlKey'>): boolean {
  return isMac() ? event.metaKey : event.ctrlKey
}

/** "Ctrl+Shift+P" / "⌘⇧P", for labels next to commands. */
export function shortcutLabel(keys: { mod?: boolean; shift?: boolean; key: string }): string {
  const mac = isMac()
  const parts: string[] = []
  if (keys.mod) parts.push(mac ? '⌘' : 'Ctrl')
  if (keys.shift) parts.push(mac ? '⇧' : 'Shift')
  parts.push(keys.key.length === 1 ? keys.key.toUpperCase() : keys.key)
  return parts.join(mac ? '' : '+')
}
