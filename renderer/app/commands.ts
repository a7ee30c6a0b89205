export interface Command {
  id: string
  label: string
  /** Extra words the palette matches on (e.g. "dark" for the theme commands). */
  keywords?: string
  shortcut?: string
  run(): void
}

/**
 * Palette matching: every word typed must start a word of the label (or keywords), in any
 * order, ignoring case and accents ("neu ent" finds "Neuer Entwurf").
 */
export function matchCommands(commands: readonly Command[], query: string): Command[] {
  const words = fold(query).split(SEPARATORS).filter(Boolean)
  if (words.length === 0) return [...commands]
  return commands.filter((c) => {
    const haystack = fold(`${c.label} ${c.keywords ?? ''}`).split(SEPARATORS)
    return words.every((w) => haystack.some((h) => h.startsWith(w)))
  })
}

/** Word boundaries, the same for labels and for what is typed ("Sprache:" is the word "sprache"). */
const SEPARATORS = /[\s\-–—/:(),.]+/

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}
