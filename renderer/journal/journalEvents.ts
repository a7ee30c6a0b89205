/**
 * "The journal changed": every journal list on screen (a post's notes, the journal tab)
 * reloads when a note is added, edited or deleted anywhere, without sharing state.
 */
const target = new EventTarget()

export function journalChanged(): void {
  target.dispatchEvent(new Event('change'))
}

export function onJournalChanged(listener: () => void): () => void {
  target.addEventListener('change', listener)
  return () => target.removeEventListener('change', listener)
}
