/**
 * The floor of the typing bench: no editor at all — a plain contenteditable with a few short
 * paragraphs, typed into by the browser itself, no script on a key. What it measures is only
 * the browser's own work and the wait for the next frame, which no editor can go below.
 */
document.title = 'Plain contenteditable (benchmark floor)'

// A module (for `declare global`), though it imports nothing.
export {}

declare global {
  interface Window {
    mountPlainEditable(paragraphs: string[]): void
  }
}

window.mountPlainEditable = (paragraphs) => {
  const editable = document.getElementById('editor')!
  // The class only lets the bench's probe find the text the same way as in the editors.
  editable.className = 'ProseMirror'
  editable.contentEditable = 'true'
  editable.replaceChildren(
    ...paragraphs.map((text) => {
      const p = document.createElement('p')
      p.textContent = text
      return p
    }),
  )
}
