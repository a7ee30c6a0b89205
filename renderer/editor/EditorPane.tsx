import { FilePlus2 } from 'lucide-react'
import { memo, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Draft } from '@shared/domain'
import { useApi } from '../api/context'
import { useWorkspace, useWorkspaceState } from '../app/workspaceContext'
import type { OpenFocus } from '../app/workspaceStore'
import { DraftView } from './DraftView'

export interface EditorPaneProps {
  /** Already loaded at boot: shown at once instead of fetched again. */
  initialDraft: Draft | null
}

type Loaded = { draft: Draft; generation: number; autoFocus: OpenFocus }

let generations = 0

/**
 * Loads the selected draft and shows it. The previous draft stays on screen until the next
 * one is loaded (no blank flash); its view then unmounts, which hands its text to the save
 * registry and flushes it. Memoised: the workspace re-renders after every save (the library's
 * word counts and order) and must not take the draft view with it (see workspaceContext).
 */
export const EditorPane = memo(EditorPaneView)

function EditorPaneView({ initialDraft }: EditorPaneProps) {
  const { store, registry, actions } = useWorkspace()
  const draftId = useWorkspaceState((s) => s.selectedId)
  const { t } = useTranslation()
  const api = useApi()
  const [loaded, setLoaded] = useState<Loaded | null>(() =>
    initialDraft && initialDraft.id === draftId ? { draft: initialDraft, generation: ++generations, autoFocus: null } : null,
  )
  const usedInitial = useRef(loaded !== null)
  const [error, setError] = useState<string | null>(null)
  // Bumped by "try again" and when the draft on disk was replaced (a restored revision).
  const [loads, setLoads] = useState(0)
  const latestRequest = useRef(0)

  useEffect(() => store.events.on((event) => event.type === 'reloadDraft' && setLoads((n) => n + 1)), [store])

  useEffect(() => {
    const request = ++latestRequest.current
    setError(null)
    if (usedInitial.current) {
      usedInitial.current = false
      return
    }
    if (draftId === null) {
      setLoaded(null)
      return
    }
    void (async () => {
      try {
        // A save of this draft may still be on its way to disk: read after it, not before.
        await registry.settled(draftId)
        const draft = await api.invoke('drafts.get', { id: draftId })
        if (request !== latestRequest.current) return
        // Text that could not be written yet wins over the older copy on disk.
        const unsaved = registry.unsaved(draftId)
        setLoaded({
          // Unsaved text is not the stored body: nothing to patch against.
          draft: { ...draft, doc: unsaved.doc ?? draft.doc, title: unsaved.title ?? draft.title, storedBody: unsaved.doc ? null : draft.storedBody },
          generation: ++generations,
          autoFocus: store.get().openFocus,
        })
      } catch (e) {
        if (request === latestRequest.current) setError((e as Error).message)
      }
    })()
  }, [api, registry, store, draftId, loads])

  if (error) {
    return (
      <div className="editor-empty" role="alert">
        <p>{t('editor.loadFailed')}</p>
        <p className="muted">{error}</p>
        <button type="button" className="button" onClick={() => setLoads((n) => n + 1)}>
          {t('common.tryAgain')}
        </button>
      </div>
    )
  }
  if (draftId === null || !loaded) {
    if (draftId !== null) return <div className="editor-empty" aria-busy="true" />
    return (
      <div className="editor-empty">
        <p>{t('editor.nothingOpen')}</p>
        <button type="button" className="button button-primary" onClick={actions.newDraft}>
          <FilePlus2 size={16} aria-hidden /> {t('library.newDraft')}
        </button>
      </div>
    )
  }
  const { draft, generation, autoFocus } = loaded
  return (
    <DraftView
      key={`${draft.id}:${generation}`}
      draft={draft}
      // The editor's text in a new editor: not known to be the stored body, its first save is whole.
      onReplace={(next) => setLoaded({ draft: { ...draft, ...next, storedBody: null }, generation: ++generations, autoFocus: null })}
      autoFocus={autoFocus}
    />
  )
}
