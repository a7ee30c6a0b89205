import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/domain'
import { useApi } from '../api/context'
import { useNotices } from './notices'
import { recoveryMessage } from './recoveryMessage'

/**
 * Tells the author, once per start, that the library file was damaged or empty and what
 * Longhand did about it: where the old file went (it is never deleted), which safety copy
 * came back, from when, and what was carried over from the old file (recoveryMessage). Electron can reveal the file; in the browser the path is there to copy.
 */
export function RecoveryNotice({ language }: { language: Language }) {
  const api = useApi()
  const { i18n } = useTranslation()
  const { notify } = useNotices()

  useEffect(() => {
    // In the library's language, even if the i18n instance switches to it only after this mounts.
    const t = i18n.getFixedT(language)
    let cancelled = false
    api.invoke('app.recoveryNotice', {}).then(
      (recovery) => {
        if (cancelled || !recovery) return
        notify('warning', recoveryMessage(recovery, t, language), {
          details: [
            { label: t('store.recovery.movedAsideTo'), value: recovery.movedAsideTo },
            ...(recovery.restoredFrom ? [{ label: t('store.recovery.restoredFrom'), value: recovery.restoredFrom }] : []),
          ],
          ...(recovery.canShowFile
            ? { action: { label: t('store.recovery.showFile'), run: () => void api.invoke('app.showRecoveryFile', { file: 'moved-aside' }) } }
            : {}),
        })
      },
      // Only a notice: the library itself opened, so there is nothing else to do here.
      () => undefined,
    )
    return () => {
      cancelled = true
    }
    // Once per start (not again when the language or the notices change).
  }, [api])
  return null
}
