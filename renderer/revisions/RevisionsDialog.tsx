import { EditorContent, useEditor } from '@tiptap/react'
import { RotateCcw } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Draft, DraftId, Revision, RevisionSummary } from '@shared/domain'
import { useApi } from '../api/context'
import { Dialog } from '../app/Dialog'
import { assetCacheFor } from '../editor/assets'
import { editorExtensions } from '../editor/extensions'
import { formatDateTime } from '../library/lastEdited'

/**
 * Snapshots of one draft: time, word count and why it was taken; preview one, restore it.
 * Restoring is itself undoable: the backend snapshots the current text first.
 */
export function RevisionsDialog({
  draftId,
  beforeRestore,
  onRestored,
  onClose,
}: {
  draftId: DraftId
  /** Writes pending edits first, so the snapshot taken before restoring holds the latest text. */
  beforeRestore(): Promise<boolean>
  onRestored(draft: Draft): void
  onClose(): void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [list, setList] = useState<RevisionSummary[] | null>(null)
  const [selected, setSelected] = useState<Revision | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [restoring, setRestoring] = useState(false)

  useEffect(() => {
    let live = true
    void (async () => {
      try {
        // Save first: the newest snapshot should include what was typed a moment ago.
        await beforeRestore()
        const revisions = await api.invoke('revisions.list', { draftId })
        if (live) setList(revisions)
      } catch (e) {
        if (live) setError((e as Error).message)
      }
    })()
    return () => {
      live = false
    }
  }, [api, draftId, beforeRestore])

  const select = async (summary: RevisionSummary) => {
    try {
      setSelected(await api.invoke('revisions.get', { id: summary.id }))
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const restore = async () => {
    if (!selected) return
    setRestoring(true)
    try {
      if (!(await beforeRestore())) throw new Error(t('revisions.pendingNotSaved'))
      const draft = await api.invoke('revisions.restore', { id: selected.id })
      onRestored(draft)
    } catch (e) {
      setError((e as Error).message)
      setRestoring(false)
    }
  }

  return (
    <Dialog
      title={t('revisions.title')}
      onClose={onClose}
      className="dialog-wide revisions"
      footer={
        <>
          <p className="muted revisions-note">{t('revisions.restoreNote')}</p>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="button" className="button button-primary" disabled={!selected || restoring} onClick={() => void restore()}>
            <RotateCcw size={16} aria-hidden /> {t('revisions.restore')}
          </button>
        </>
      }
    >
      {error && (
        <p className="field-error" role="alert">
          {t('revisions.failed', { reason: error })}
        </p>
      )}
      <div className="revisions-layout">
        {list === null ? (
          <div aria-busy="true" className="revisions-list" />
        ) : list.length === 0 ? (
          <p className="revisions-list muted">{t('revisions.empty')}</p>
        ) : (
          <ul className="revisions-list" aria-label={t('revisions.listLabel')}>
            {list.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="revision-item"
                  aria-pressed={selected?.id === r.id}
                  onClick={() => void select(r)}
                >
                  <span className="revision-time">{formatDateTime(r.createdAt, i18n.language)}</span>
                  <span className="muted">
                    {t('editor.words', { count: r.wordCount, formatted: new Intl.NumberFormat(i18n.language).format(r.wordCount) })}
                    {' · '}
                    {t(`revisions.reason.${r.reason}`)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <section className="revision-preview" aria-label={t('revisions.previewLabel')}>
          {selected ? <RevisionPreview key={selected.id} revision={selected} /> : <p className="muted">{t('revisions.pick')}</p>}
        </section>
      </div>
    </Dialog>
  )
}

function RevisionPreview({ revision }: { revision: Revision }) {
  const { i18n } = useTranslation()
  const api = useApi()
  const editor = useEditor({
    editable: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    content: revision.doc,
    extensions: editorExtensions({
      language: 'en',
      placeholder: '',
      resolveAsset: (id) => assetCacheFor(api).resolve(id),
      imageLabels: { notStored: i18n.t('editor.imageNotStored'), broken: i18n.t('editor.imageBroken') },
    }),
    editorProps: { attributes: { class: 'doc doc-preview' } },
  })
  return (
    <>
      <h3 className="revision-title">{revision.title}</h3>
      <EditorContent editor={editor} />
    </>
  )
}
