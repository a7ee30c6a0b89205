import { Editor, getSchema } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import StarterKit from '@tiptap/starter-kit'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

/**
 * The Yjs lever measured (issue 12): the bare StarterKit editor, its document held in a local
 * Y.Doc through @tiptap/extension-collaboration (y-prosemirror's binding), as Hocuspocus sync
 * would use it. Nothing leaves the page: no provider. Every Y update (what would be stored or
 * sent instead of the document) is recorded with its size and the time the binding took.
 */
document.title = 'StarterKit bound to a local Y.Doc (the Yjs lever, issue 12)'

declare global {
  interface Window {
    mountYjsEditor(doc: unknown): void
    yjsUpdates(): { bytes: number[] }
    yjsStateBytes(): number
  }
}

const updates: number[] = []
let ydoc: Y.Doc | null = null

window.mountYjsEditor = (doc) => {
  // StarterKit's own history must go: Collaboration brings Yjs's undo manager.
  const extensions = [StarterKit.configure({ undoRedo: false })]
  ydoc = prosemirrorJSONToYDoc(getSchema(extensions), doc, 'default')
  new Editor({ element: document.getElementById('editor')!, extensions: [...extensions, Collaboration.configure({ document: ydoc, field: 'default' })] })
  ydoc!.on('update', (update: Uint8Array) => updates.push(update.byteLength))
}

window.yjsUpdates = () => ({ bytes: updates.splice(0) })

window.yjsStateBytes = () => (ydoc ? Y.encodeStateAsUpdate(ydoc).byteLength : 0)
