import { useEffect, useRef } from 'react'
import type { Api } from '../api/client'
import type { SaveRegistry } from '../editor/saveRegistry'
import { isShortcut } from './keys'
import type { WorkspaceStore } from './workspaceStore'

interface WindowCommands {
  api: Api
  registry: SaveRegistry
  store: WorkspaceStore
  newDraft(): Promise<void>
  focusSearch(): void
  toggleLibrary(): void
}

/**
 * What reaches the workspace from outside React: shortcuts, menu commands and the flush points
 * (window blur, hidden tab, quit). Listeners are added once and call the latest render's handlers.
 */
export function useWindowCommands({ api, registry, store, ...latest }: WindowCommands): void {
  // Keyboard and menu commands; handlers read the latest render through a ref.
  const handlers = useRef(latest)
  handlers.current = latest

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const h = handlers.current
      if (isShortcut(e, 'palette')) {
        e.preventDefault()
        store.dispatch({ type: 'togglePalette' })
      } else if (isShortcut(e, 'newDraft')) {
        e.preventDefault()
        void h.newDraft()
      } else if (isShortcut(e, 'search')) {
        e.preventDefault()
        h.focusSearch()
      } else if (e.key === 'Escape' && store.get().focusMode && !store.get().modal) {
        store.dispatch({ type: 'focusMode', on: false })
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store])

  // Flush points besides switching drafts: window blur, hidden tab/window, quit.
  useEffect(() => {
    const flush = () => void registry.flushAll()
    const onVisibility = () => document.visibilityState === 'hidden' && flush()
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!registry.hasUnsaved) return
      flush()
      // A browser cannot wait for the save: ask the user to stay. In Electron the main process
      // asks for a flush before closing (answered below), and a prevented unload would make
      // quitting impossible while a disk keeps failing.
      if (api.shell === 'web') e.preventDefault()
    }
    window.addEventListener('blur', flush)
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('beforeunload', onBeforeUnload)
    const offEvents = api.onEvent((event) => {
      const h = handlers.current
      if (event.type === 'flush') {
        // Answered even when a write failed: main must not hang on quit. The failed text stays
        // in the editor and keeps retrying while the window lives.
        void registry
          .flushAll()
          .catch(() => false)
          .then((saved) => api.invoke('app.flushed', { requestId: event.requestId, saved }))
        return
      }
      if (event.type !== 'command') return
      switch (event.command) {
        case 'new-draft':
          return void h.newDraft()
        case 'find':
          return h.focusSearch()
        case 'command-palette':
          return store.dispatch({ type: 'modal', modal: { kind: 'palette' } })
        case 'toggle-focus':
          return store.dispatch({ type: 'focusMode', on: !store.get().focusMode })
        case 'toggle-library':
          return h.toggleLibrary()
        case 'settings':
          return store.dispatch({ type: 'modal', modal: { kind: 'settings' } })
        case 'about':
          return store.dispatch({ type: 'modal', modal: { kind: 'about' } })
      }
    })
    return () => {
      window.removeEventListener('blur', flush)
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('beforeunload', onBeforeUnload)
      offEvents()
    }
  }, [api, registry, store])
}
