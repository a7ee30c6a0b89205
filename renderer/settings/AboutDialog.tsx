import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Result } from '@shared/ipc'
import { useApi } from '../api/context'
import { Dialog } from '../app/Dialog'

export function AboutDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [info, setInfo] = useState<Result<'app.info'> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.invoke('app.info', {}).then(setInfo, (e: Error) => setError(e.message))
  }, [api])
  return (
    <Dialog title={t('about.title')} onClose={onClose} className="dialog-small">
      <p>{t('about.tagline')}</p>
      {error && <p className="field-error">{error}</p>}
      {info && (
        <dl className="about-facts">
          <dt>{t('about.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('about.dataFolder')}</dt>
          <dd className="selectable">{info.dataDir}</dd>
        </dl>
      )}
    </Dialog>
  )
}
