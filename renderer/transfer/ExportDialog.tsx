import { Copy, Download } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftId, Post } from '@shared/domain'
import type { MarkdownImageMode } from '@shared/export'
import { useApi } from '../api/context'
import { Dialog } from '../app/Dialog'
import { useNotices } from '../app/notices'
import {
  copyToClipboard,
  deliver,
  loadExportSource,
  loadPosts,
  renderExport,
  renderForClipboard,
  renderPostsExport,
  type ExportFormat,
  type ExportSource,
  type PostsFormat,
  type RenderedExport,
} from './exporting'
import { failureReason } from './messages'
import './transfer.css'

export interface ExportDialogProps {
  draftId: DraftId
  initialFormat: ExportFormat
  /** Writes pending edits first, so the export has the text as it is on screen. */
  beforeExport(): Promise<unknown>
  onClose(): void
}

/** Pick HTML or Markdown (and where Markdown's images go), then export or copy. */
export function ExportDialog({ draftId, initialFormat, beforeExport, onClose }: ExportDialogProps) {
  const { t } = useTranslation()
  const api = useApi()
  const { notify } = useNotices()
  const [format, setFormat] = useState<ExportFormat>(initialFormat)
  const [images, setImages] = useState<MarkdownImageMode>('embed')
  const [busy, setBusy] = useState(false)
  const [title, setTitle] = useState<string | null>(null)
  const [posts, setPosts] = useState<Post[] | null>(null)
  const desktop = api.shell === 'electron'

  useEffect(() => {
    let live = true
    api.invoke('drafts.get', { id: draftId }).then(
      (draft) => live && setTitle(draft.title.trim() || t('library.untitled')),
      () => live && setTitle(t('library.untitled')),
    )
    loadPosts(api, draftId).then(
      (list) => live && setPosts(list),
      () => live && setPosts([]),
    )
    return () => {
      live = false
    }
  }, [api, draftId, t])

  const load = async (): Promise<ExportSource> => {
    await beforeExport()
    return loadExportSource(api, draftId)
  }

  const save = async (render: () => Promise<RenderedExport>) => {
    setBusy(true)
    try {
      const delivered = await deliver(api, window, await render())
      if (delivered.status === 'cancelled') return
      notify('info', delivered.status === 'saved' ? t('transfer.export.saved', { path: delivered.where }) : t('transfer.export.downloaded', { name: delivered.where }))
      onClose()
    } catch (error) {
      notify('error', t('transfer.export.failed', { reason: failureReason(t, error) }))
    } finally {
      setBusy(false)
    }
  }

  const exportFile = () =>
    save(async () => renderExport(await load(), format, desktop ? images : 'embed', window, t('library.untitled')))

  const exportPosts = (postsFormat: PostsFormat) =>
    save(async () => {
      const name = title ?? t('library.untitled')
      const notes = await api.invoke('journal.listForDraft', { draftId })
      return renderPostsExport(await loadPosts(api, draftId), postsFormat, name, t('transfer.export.postsFileName', { title: name }), notes)
    })

  const copy = async () => {
    setBusy(true)
    try {
      const source = await load()
      await copyToClipboard(window, renderForClipboard(source, format, window), format)
      notify('info', format === 'html' ? t('transfer.export.copiedHtml') : t('transfer.export.copiedMarkdown'))
      onClose()
    } catch (error) {
      notify('error', t('transfer.export.copyFailed', { reason: (error as Error)?.message ?? String(error) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('transfer.export.title', { title: title ?? '…' })}
      onClose={onClose}
      className="dialog-small export-dialog"
      initialFocus="[data-autofocus]"
      footer={
        <>
          <button type="button" className="button" onClick={() => void copy()} disabled={busy}>
            <Copy size={16} aria-hidden /> {t('transfer.export.copy')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void exportFile()} disabled={busy} data-autofocus>
            <Download size={16} aria-hidden /> {busy ? t('transfer.export.working') : desktop ? t('transfer.export.save') : t('transfer.export.download')}
          </button>
        </>
      }
    >
      <fieldset className="radio-group">
        <legend>{t('transfer.export.format')}</legend>
        {(['html', 'markdown'] as const).map((value) => (
          <label key={value} className="export-choice">
            <input type="radio" name="export-format" value={value} checked={format === value} onChange={() => setFormat(value)} />
            <span>
              <strong>{t(`transfer.export.${value}`)}</strong>
              <span className="muted">{t(`transfer.export.${value}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {format === 'markdown' && (
        <fieldset className="radio-group">
          <legend>{t('transfer.export.images')}</legend>
          <label>
            <input type="radio" name="export-images" value="embed" checked={images === 'embed' || !desktop} onChange={() => setImages('embed')} />
            {t('transfer.export.imagesEmbed')}
          </label>
          <label>
            <input type="radio" name="export-images" value="folder" checked={desktop && images === 'folder'} disabled={!desktop} onChange={() => setImages('folder')} />
            {t('transfer.export.imagesFolder')}
          </label>
          {!desktop && <p className="muted export-note">{t('transfer.export.imagesFolderDesktopOnly')}</p>}
        </fieldset>
      )}
      <section className="export-posts" aria-labelledby="export-posts-heading">
        <h3 id="export-posts-heading">{t('transfer.export.postsHeading')}</h3>
        {posts !== null && posts.length === 0 && <p className="muted">{t('transfer.export.postsNone')}</p>}
        {posts !== null && posts.length > 0 && (
          <>
            <p className="muted">{t('transfer.export.postsCount', { count: posts.length })}</p>
            <div className="backup-actions">
              <button type="button" className="button" onClick={() => void exportPosts('markdown')} disabled={busy}>
                {t('transfer.export.postsMarkdown')}
              </button>
              <button type="button" className="button" onClick={() => void exportPosts('csv')} disabled={busy}>
                {t('transfer.export.postsCsv')}
              </button>
            </div>
          </>
        )}
      </section>
    </Dialog>
  )
}
