import { FilePlus2 } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Draft, DraftId } from '@shared/domain'
import { useApi } from '../api/context'
import { DraftView, type DraftViewProps } from './DraftView'

/** What the pane passes through to the view it shows, plus what it needs to load the draft. */
export type EditorPaneProps = Pick<
  DraftViewProps,
  'registry' | 'focusMode' | 'onFocusMode' | 'onHistory' | 'onSummary' | 'autoFocus' | 'renameRequest' | 'outlineOpen' | 'onOutlineOpen' | 'extraExtensions' | 'onEditor'
> & {
  draftId: DraftId | null
  /** Already loaded at boot: shown at once instead of fetched again. */
  initialDraft?: Draft | null
  /** Changes when the draft on disk was replaced (a restored revision): reload it. */
  reloadToken: number
  onNewDraft(): void
  onRestore?(id: DraftId): void
}

type Loaded = { draft: Draft; generation: number; autoFocus: 'title' | 'text' | null }

let generations = 0

/**
 * Loads the selected draft and shows it. The previous draft stays on screen until the next
 * one is loaded (no blank flash); its view then unmounts, which hands its text to the save
 * registry and flushes it.
 */
export function EditorPane(props: EditorPaneProps) {
  const { draftId, reloadToken, registry } = props
  const { t } = useTranslation()
  const api = useApi()
  const [loaded, setLoaded] = useState<Loaded | null>(() =>
    props.initialDraft && props.initialDraft.id === draftId
      ? { draft: props.initialDraft, generation: ++generations, autoFocus: null }
      : null,
  )
  const usedInitial = useRef(loaded !== null)
  const [error, setError] = useState<string | null>(null)
  const [retry, setRetry] = useState(0)
  const latestRequest = useRef(0)
  const autoFocusRef = useRef(props.autoFocus)
  autoFocusRef.current = props.autoFocus

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
          draft: { ...draft, doc: unsaved.doc ?? draft.doc, title: unsaved.title ?? draft.title },
          generation: ++generations,
          autoFocus: autoFocusRef.current,
        })
      } catch (e) {
        if (request === latestRequest.current) setError((e as Error).message)
      }
    })()
  }, [api, registry, draftId, reloadToken, retry])

  if (error) {
    return (
      <div className="editor-empty" role="alert">
        <p>{t('editor.loadFailed')}</p>
        <p className="muted">{error}</p>
        <button type="button" className="button" onClick={() => setRetry((n) => n + 1)}>
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
        <button type="button" className="button button-primary" onClick={props.onNewDraft}>
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
      registry={registry}
      focusMode={props.focusMode}
      onFocusMode={props.onFocusMode}
      onHistory={props.onHistory}
      onSummary={props.onSummary}
      onReplace={(next) => setLoaded({ draft: { ...draft, ...next }, generation: ++generations, autoFocus: null })}
      autoFocus={autoFocus}
      renameRequest={props.renameRequest}
      outlineOpen={props.outlineOpen}
      onOutlineOpen={props.onOutlineOpen}
      extraExtensions={props.extraExtensions}
      onEditor={props.onEditor}
      onRestore={props.onRestore ? () => props.onRestore!(draft.id) : undefined}
    />
  )
}
