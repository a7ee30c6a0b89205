import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftId, DraftSummary, Language } from '@shared/domain'
import { importKindOf } from '@shared/export/import-kind'
import { useApi } from '../api/context'
import type { Command } from '../app/commands'
import { useNotices } from '../app/notices'
import { AFTER_RELOAD_NOTICE, BackupSection } from './BackupSection'
import { lazyNamed } from '../app/lazy'
import type { ExportFormat } from './exporting'
import { IMPORT_ACCEPT } from './importAccept'
import type { ImportResult, ImportSource } from './importing'
import { failureReason, importFailureMessage } from './messages'

export interface TransferContext {
  selectedId: DraftId | null
  /** Language for imported drafts whose file does not say. */
  language: Language
  /** Writes pending edits (before an export reads the draft, before a restore replaces it). */
  flushAll(): Promise<unknown>
  /** New drafts were imported: show them (reload the library, open the first). */
  onImported(drafts: DraftSummary[]): void | Promise<void>
  /** The open draft's text was replaced by an import: load it again. */
  onReplaced(draftId: DraftId): void
  openSettings(): void
}

export interface Transfer {
  commands: Command[]
  /** The export dialog, the hidden file input and the drop target; render once. */
  elements: ReactNode
  /** Settings → Backups. */
  settingsSection: ReactNode
}

type ImportMode = { kind: 'new' } | { kind: 'replace'; draftId: DraftId }

// Export and import (the converters: mdast, micromark, yaml, DOMPurify) load on first use.
const ExportDialog = lazyNamed(() => import('./ExportDialog'), 'ExportDialog')
const importing = () => import('./importing')
const exporting = () => import('./exporting')

/**
 * Export, import and backups, wired to the menus (File → Import/Export), the command palette,
 * drag and drop, files opened with Longhand and the settings dialog.
 */
export function useTransfer(ctx: TransferContext): Transfer {
  const api = useApi()
  const { t } = useTranslation()
  const { notify } = useNotices()
  const [exportRequest, setExportRequest] = useState<{ draftId: DraftId; format: ExportFormat } | null>(null)
  const [dropping, setDropping] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const mode = useRef<ImportMode>({ kind: 'new' })
  const latest = useRef(ctx)
  latest.current = ctx

  const runImport = useCallback(
    async (sources: ImportSource[], failures: ImportResult[], importMode: ImportMode) => {
      if (importMode.kind === 'replace' && sources.length + failures.length !== 1) {
        notify('error', t('transfer.import.replaceOnlyOne'))
        return
      }
      if (importMode.kind === 'replace') await latest.current.flushAll()
      const results = [
        ...failures,
        ...(await (await importing()).importSources(api, window, sources, {
          language: latest.current.language,
          ...(importMode.kind === 'replace' ? { replaceDraftId: importMode.draftId } : {}),
        })),
      ]
      for (const result of results) if (!result.ok) notify('error', importFailureMessage(t, result))
      const done = results.filter((r): r is Extract<ImportResult, { ok: true }> => r.ok)
      if (done.length === 0) return
      if (importMode.kind === 'replace') {
        latest.current.onReplaced(importMode.draftId)
        notify('info', t('transfer.import.replaced', { name: done[0]!.name }))
        return
      }
      await latest.current.onImported(done.map((r) => r.draft))
      notify('info', t('transfer.import.done', { count: done.length, title: done[0]!.draft.title || t('library.untitled') }))
    },
    [api, notify, t],
  )

  const openImport = useCallback(
    async (importMode: ImportMode) => {
      if (api.shell === 'electron') {
        // A menu click is no user gesture for <input type=file>: main shows the native dialog.
        const chosen = await api.invoke('import.choose', {})
        if (chosen.status === 'chosen') {
          const { sources, failures } = (await importing()).sourcesFromOpened(chosen.files)
          await runImport(sources, failures, importMode)
          return
        }
        if (chosen.status === 'cancelled') return
      }
      mode.current = importMode
      input.current?.click()
    },
    [api, runImport],
  )

  const takeOpened = useCallback(async () => {
    try {
      const { files } = await api.invoke('import.takeOpened', {})
      if (files.length === 0) return
      const { sources, failures } = (await importing()).sourcesFromOpened(files)
      await runImport(sources, failures, { kind: 'new' })
    } catch (error) {
      notify('error', t('library.actionFailed', { reason: (error as Error).message }))
    }
  }, [api, notify, runImport, t])

  const openExport = useCallback(
    (format: ExportFormat) => {
      const draftId = latest.current.selectedId
      if (draftId === null) notify('error', t('transfer.export.nothingOpen'))
      else setExportRequest({ draftId, format })
    },
    [notify, t],
  )

  const copyAs = useCallback(
    async (format: ExportFormat) => {
      const draftId = latest.current.selectedId
      if (draftId === null) return notify('error', t('transfer.export.nothingOpen'))
      try {
        await latest.current.flushAll()
        const { copyToClipboard, loadExportSource, renderForClipboard } = await exporting()
        const source = await loadExportSource(api, draftId)
        await copyToClipboard(window, renderForClipboard(source, format, window), format)
        notify('info', format === 'html' ? t('transfer.export.copiedHtml') : t('transfer.export.copiedMarkdown'))
      } catch (error) {
        notify('error', t('transfer.export.copyFailed', { reason: (error as Error)?.message ?? String(error) }))
      }
    },
    [api, notify, t],
  )

  const backUpLibrary = useCallback(async () => {
    try {
      const result = await api.invoke('libraryBackup.save', {})
      if (result.status === 'saved') notify('info', t('transfer.backup.saved', { count: result.drafts, folder: result.folder }))
    } catch (error) {
      notify('error', t('transfer.backup.failed', { reason: failureReason(t, error) }))
    }
  }, [api, notify, t])

  // Menu commands and files opened with Longhand (Electron). Files that arrived before this
  // listener existed wait in main; ask for them once at start.
  useEffect(() => {
    const off = api.onEvent((event) => {
      if (event.type === 'open-files') void takeOpened()
      else if (event.type === 'command') {
        if (event.command === 'import') void openImport({ kind: 'new' })
        else if (event.command === 'export-html') openExport('html')
        else if (event.command === 'export-markdown') openExport('markdown')
      }
    })
    if (api.shell === 'electron') void takeOpened()
    return off
  }, [api, openExport, openImport, takeOpened])

  // A restore reloads the window; say what happened once the new library is on screen.
  useEffect(() => {
    const message = sessionStorage.getItem(AFTER_RELOAD_NOTICE)
    if (message) {
      sessionStorage.removeItem(AFTER_RELOAD_NOTICE)
      notify('info', message)
    }
  }, [notify])

  // Drag and drop of text files anywhere in the window. Images dropped alone stay the editor's.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false
    const onlyImages = (e: DragEvent) => [...(e.dataTransfer?.items ?? [])].every((item) => item.kind === 'file' && item.type.startsWith('image/'))
    let depth = 0
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e) || onlyImages(e)) return
      depth++
      setDropping(true)
    }
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e) || onlyImages(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDropping(false)
    }
    const onOver = (e: DragEvent) => {
      if (hasFiles(e) && !onlyImages(e)) e.preventDefault()
    }
    const onDrop = (e: DragEvent) => {
      depth = 0
      setDropping(false)
      const files = [...(e.dataTransfer?.files ?? [])]
      if (files.length === 0 || !files.some((f) => importKindOf(f.name))) return
      e.preventDefault()
      e.stopPropagation()
      void importing()
        .then(({ sourcesFromFiles }) => sourcesFromFiles(files))
        .then(({ sources, failures }) => runImport(sources, failures, { kind: 'new' }))
    }
    window.addEventListener('dragenter', onEnter, true)
    window.addEventListener('dragleave', onLeave, true)
    window.addEventListener('dragover', onOver, true)
    window.addEventListener('drop', onDrop, true)
    return () => {
      window.removeEventListener('dragenter', onEnter, true)
      window.removeEventListener('dragleave', onLeave, true)
      window.removeEventListener('dragover', onOver, true)
      window.removeEventListener('drop', onDrop, true)
    }
  }, [runImport])

  const selected = ctx.selectedId
  const commands: Command[] = [
    { id: 'import', label: t('transfer.commands.import'), keywords: 'markdown html text open öffnen', run: () => void openImport({ kind: 'new' }) },
    ...(selected !== null
      ? [
          { id: 'export-html', label: t('transfer.commands.exportHtml'), keywords: 'export save', run: () => openExport('html') },
          { id: 'export-markdown', label: t('transfer.commands.exportMarkdown'), keywords: 'export save hugo jekyll', run: () => openExport('markdown') },
          { id: 'copy-html', label: t('transfer.commands.copyHtml'), keywords: 'clipboard blog', run: () => void copyAs('html') },
          { id: 'copy-markdown', label: t('transfer.commands.copyMarkdown'), keywords: 'clipboard', run: () => void copyAs('markdown') },
          { id: 'replace-text', label: t('transfer.commands.replaceText'), keywords: 'import', run: () => void openImport({ kind: 'replace', draftId: selected }) },
        ]
      : []),
    { id: 'backup-library', label: t('transfer.commands.backUpLibrary'), keywords: 'backup export', run: () => void backUpLibrary() },
    { id: 'restore-library', label: t('transfer.commands.restoreLibrary'), keywords: 'backup', run: () => latest.current.openSettings() },
    { id: 'safety-copies', label: t('transfer.commands.safetyCopies'), keywords: 'backup', run: () => latest.current.openSettings() },
  ]

  const elements = (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])]
          e.currentTarget.value = ''
          const importMode = mode.current
          mode.current = { kind: 'new' }
          if (files.length > 0)
            void importing()
              .then(({ sourcesFromFiles }) => sourcesFromFiles(files))
              .then(({ sources, failures }) => runImport(sources, failures, importMode))
        }}
      />
      {dropping && (
        <div className="import-drop" aria-hidden>
          <span>{t('transfer.import.dropHint')}</span>
        </div>
      )}
      {exportRequest && (
        <Suspense fallback={null}>
          <ExportDialog
            draftId={exportRequest.draftId}
            initialFormat={exportRequest.format}
            beforeExport={() => latest.current.flushAll()}
            onClose={() => setExportRequest(null)}
          />
        </Suspense>
      )}
    </>
  )

  return { commands, elements, settingsSection: <BackupSection beforeRestore={() => latest.current.flushAll()} /> }
}
