import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LibraryBackupSummary, SafetyBackupStatus, SafetyBackupSummary } from '@shared/ipc/channels/transfer'
import { LonghandError } from '@shared/ipc'
import { useApi } from '../api/context'
import { ConfirmDialog } from '../app/Dialog'
import { useNotices } from '../app/notices'
import { failureReason } from './messages'
import './transfer.css'

/** Shown once after the reload that follows a restore (the page starts fresh on the new library). */
export const AFTER_RELOAD_NOTICE = 'longhand.transfer.notice'

type Confirm = { title: string; message: string; confirmLabel: string; run(): Promise<void> }

function reasonKey(reason: string): 'scheduled' | 'manual' | 'before-restore' | 'migration' | 'other' {
  if (reason === 'scheduled' || reason === 'manual' || reason === 'before-restore') return reason
  return reason.startsWith('before-migration') ? 'migration' : 'other'
}

/**
 * Settings → Backups: the library as a folder of Markdown (back up, restore) and the safety
 * copies of the database (list, make one, go back to one). Anything that replaces the library
 * asks first, writes pending edits, and reloads the window afterwards so every view starts on
 * the restored library.
 */
export function BackupSection({ beforeRestore }: { beforeRestore(): Promise<unknown> }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { notify } = useNotices()
  const desktop = api.shell === 'electron'
  const [safety, setSafety] = useState<SafetyBackupSummary[] | null>(null)
  /** Why the copies could not be listed (errno), instead of pretending there are none. */
  const [safetyUnreadable, setSafetyUnreadable] = useState<string | null>(null)
  const [library, setLibrary] = useState<LibraryBackupSummary[] | null>(null)
  const [status, setStatus] = useState<SafetyBackupStatus | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirm, setConfirm] = useState<Confirm | null>(null)

  const refresh = useCallback(() => {
    api.invoke('safetyBackups.list', {}).then(
      (copies) => {
        setSafety(copies)
        setSafetyUnreadable(null)
      },
      (error: unknown) => {
        setSafety(null)
        setSafetyUnreadable(error instanceof LonghandError ? (error.details?.[1] ?? error.message) : String(error))
      },
    )
    api.invoke('safetyBackups.status', {}).then(setStatus, () => setStatus(null))
    if (!desktop) api.invoke('libraryBackup.list', {}).then((r) => setLibrary(r.backups), () => setLibrary([]))
  }, [api, desktop])
  useEffect(refresh, [refresh])

  const when = (ms: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms)
  const size = (bytes: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000)

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    try {
      await work()
    } finally {
      setBusy(false)
    }
  }

  const reloadWith = (message: string) => {
    sessionStorage.setItem(AFTER_RELOAD_NOTICE, message)
    location.reload()
  }

  const backUp = () =>
    run(async () => {
      try {
        const result = await api.invoke('libraryBackup.save', {})
        if (result.status === 'saved') notify('info', t('transfer.backup.saved', { count: result.drafts, folder: result.folder }))
        refresh()
      } catch (error) {
        notify('error', t('transfer.backup.failed', { reason: failureReason(t, error) }))
      }
    })

  const restoreLibrary = (name?: string) =>
    setConfirm({
      title: t('transfer.backup.restoreTitle'),
      message: t('transfer.backup.restoreMessage'),
      confirmLabel: t('transfer.backup.restoreConfirm'),
      run: () =>
        run(async () => {
          try {
            await beforeRestore()
            const result = await api.invoke('libraryBackup.restore', name === undefined ? {} : { name })
            if (result.status === 'restored') reloadWith(t('transfer.backup.restored'))
          } catch (error) {
            notify('error', t('transfer.backup.restoreFailed', { reason: failureReason(t, error) }))
          }
        }),
    })

  const makeSafetyCopy = () =>
    run(async () => {
      try {
        await api.invoke('safetyBackups.create', {})
        notify('info', t('transfer.backup.safetyMade'))
        refresh()
      } catch (error) {
        notify('error', t('transfer.backup.safetyFailed', { reason: failureReason(t, error) }))
      }
    })

  const goBackTo = (backup: SafetyBackupSummary) =>
    setConfirm({
      title: t('transfer.backup.safetyRestoreTitle'),
      message: t('transfer.backup.safetyRestoreMessage', { date: when(backup.createdAt) }),
      confirmLabel: t('transfer.backup.safetyRestore'),
      run: () =>
        run(async () => {
          try {
            await beforeRestore()
            const result = await api.invoke('safetyBackups.restore', { name: backup.name })
            if (result.status === 'restored') reloadWith(t('transfer.backup.restored'))
          } catch (error) {
            notify('error', t('transfer.backup.safetyRestoreFailed', { reason: failureReason(t, error) }))
          }
        }),
    })

  return (
    <section className="backup-section" aria-labelledby="backup-heading">
      <h3 id="backup-heading">{t('transfer.backup.heading')}</h3>

      <h4>{t('transfer.backup.libraryHeading')}</h4>
      <p className="muted">{t('transfer.backup.libraryHelp')}</p>
      <div className="backup-actions">
        <button type="button" className="button" onClick={() => void backUp()} disabled={busy}>
          {busy ? t('transfer.backup.working') : t('transfer.backup.backUp')}
        </button>
        {desktop && (
          <button type="button" className="button" onClick={() => restoreLibrary()} disabled={busy}>
            {t('transfer.backup.restore')}
          </button>
        )}
      </div>
      {!desktop && (
        <div className="backup-list" aria-label={t('transfer.backup.inLibraryFolder')}>
          <p className="backup-list-title">{t('transfer.backup.inLibraryFolder')}</p>
          {library?.length === 0 && <p className="muted">{t('transfer.backup.none')}</p>}
          <ul>
            {library?.map((backup) => (
              <li key={backup.name}>
                <span>
                  {backup.name} <span className="muted">· {t('transfer.backup.draftCount', { count: backup.drafts })}</span>
                </span>
                <button type="button" className="button button-quiet" onClick={() => restoreLibrary(backup.name)} disabled={busy}>
                  {t('transfer.backup.restoreConfirm')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <h4>{t('transfer.backup.safetyHeading')}</h4>
      <p className="muted">{t('transfer.backup.safetyHelp')}</p>
      {status?.lastFailure && (
        <p className="backup-failed">
          {t('transfer.scheduledCopy.lastFailed', {
            when: when(status.lastFailure.at),
            kind: t(`transfer.scheduledCopy.kinds.${status.lastFailure.kind}`),
          })}
        </p>
      )}
      <div className="backup-list">
        {safety?.length === 0 && <p className="muted">{t('transfer.backup.safetyNone')}</p>}
        {safetyUnreadable !== null && <p className="backup-failed">{t('transfer.backup.safetyUnreadable', { code: safetyUnreadable })}</p>}
        <ul>
          {safety?.map((backup) => (
            <li key={backup.name}>
              <span>
                {when(backup.createdAt)}{' '}
                <span className="muted">
                  · {t(`transfer.backup.reasons.${reasonKey(backup.reason)}`)} · {size(backup.bytes)}
                </span>
              </span>
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('transfer.backup.safetyRestoreLabel', { date: when(backup.createdAt) })}
                onClick={() => goBackTo(backup)}
                disabled={busy}
              >
                {t('transfer.backup.safetyRestore')}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="backup-actions">
        <button type="button" className="button" onClick={() => void makeSafetyCopy()} disabled={busy}>
          {t('transfer.backup.safetyNow')}
        </button>
      </div>

      {confirm && (
        <ConfirmDialog request={{ ...confirm, run: () => void confirm.run() }} onClose={() => setConfirm(null)} />
      )}
    </section>
  )
}
