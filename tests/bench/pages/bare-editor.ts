import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

/** The baseline the app's editor is compared with: Tiptap + StarterKit and nothing else. */
document.title = 'Bare StarterKit editor (benchmark baseline)'

declare global {
  interface Window {
    mountBareEditor(doc: unknown): void
  }
}

window.mountBareEditor = (doc) => {
  new Editor({ element: document.getElementById('editor')!, extensions: [StarterKit], content: doc as never })
}
