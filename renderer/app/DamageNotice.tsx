import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/domain'
import { useApi } from '../api/context'
import { useNotices } from './notices'

/** How often the page asks while the check after the start has not finished (it runs ~10 s in). */
export const INTEGRITY_POLL_MS = 5_000

/**
 * Tells the author in the page when the whole-file check that runs once the start is over finds
 * the library damaged: what happened, that nothing was changed, and what the next start does.
 * Asks until the check has an answer, then stops; told once.
 */
export function DamageNotice({ language, pollMs = INTEGRITY_POLL_MS }: { language: Language; pollMs?: number }) {
  const api = useApi()
  const { i18n } = useTranslation()
  const { notify } = useNotices()

  useEffect(() => {
    const t = i18n.getFixedT(language)
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const ask = () =>
      api.invoke('app.integrityStatus', {}).then(
        (status) => {
          if (stopped) return
          if (status.state === 'pending') timer = setTimeout(() => void ask(), pollMs)
          if (status.state !== 'damaged') return
          notify('warning', t('store.damageFound.message'), {
            ...(status.detail ? { details: [{ label: t('store.damageFound.detail'), value: status.detail }] } : {}),
          })
        },
        // Asking failed (the library is being swapped, say): ask again later.
        () => {
          if (!stopped) timer = setTimeout(() => void ask(), pollMs)
        },
      )
    void ask()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
    // Once per start (not again when the language or the notices change).
  }, [api])
  return null
}
