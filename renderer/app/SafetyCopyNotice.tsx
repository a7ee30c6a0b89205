import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/domain'
import { useApi } from '../api/context'
import { useNotices } from './notices'

/** How often the running app asks whether the scheduled safety copy still works. */
export const SAFETY_STATUS_POLL_MS = 10 * 60_000

/**
 * Warns the author when the scheduled safety copy failed (a full disk, a folder that cannot be
 * written): otherwise only stderr would know, and weeks could pass without a copy. Asks at
 * start and then every ten minutes; each distinct failure is told once (its time tells them
 * apart), so the warning does not come back every ten minutes while nothing changed.
 */
export function SafetyCopyNotice({ language }: { language: Language }) {
  const api = useApi()
  const { i18n } = useTranslation()
  const { notify } = useNotices()

  useEffect(() => {
    const t = i18n.getFixedT(language)
    let told: number | null = null
    let stopped = false
    const ask = () =>
      api.invoke('safetyBackups.status', {}).then(
        ({ lastFailure }) => {
          if (stopped || !lastFailure || lastFailure.at === told) return
          told = lastFailure.at
          const what = t(`transfer.scheduledCopy.what.${lastFailure.kind}`)
          const todo = t(`transfer.scheduledCopy.todo.${lastFailure.kind}`)
          notify('warning', t('transfer.scheduledCopy.notice', { what, todo }))
        },
        // Only a warning: if asking fails, the next round asks again.
        () => undefined,
      )
    void ask()
    const interval = setInterval(() => void ask(), SAFETY_STATUS_POLL_MS)
    return () => {
      stopped = true
      clearInterval(interval)
    }
    // Not again when the language or the notices change: that would tell the same failure twice.
  }, [api])
  return null
}
