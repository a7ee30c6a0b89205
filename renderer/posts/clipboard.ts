/**
 * Plain text to the clipboard. In Electron the permission policy allows exactly this
 * (clipboard-sanitized-write from our origin); browsers allow it after a click.
 */
export async function copyText(text: string): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) {
    throw new Error('no clipboard access in this window')
  }
  await navigator.clipboard.writeText(text)
}

/** How a post's parts read as one text (a thread pasted somewhere as a whole). */
export function joinParts(parts: readonly string[]): string {
  return parts.join('\n\n')
}
