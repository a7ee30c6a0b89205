import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applySettingsPatch, type Draft, type Settings, type SettingsPatch } from '@shared/domain'
import { useApi } from '../api/context'
import { resolveUiLanguage } from '../i18n/i18n'
import { loadBoot } from './boot'
import { NoticeProvider, useNotices } from './notices'
import { DamageNotice } from './DamageNotice'
import { RecoveryNotice } from './RecoveryNotice'
import { SafetyCopyNotice } from './SafetyCopyNotice'
import { applyLanguage, applyTheme } from './theme'
import { Workspace } from './Workspace'

/** Loads the settings (and the draft open last time), applies language and theme, then shows the workspace. */
export function App() {
  return (
    <NoticeProvider>
      <SettingsGate />
    </NoticeProvider>
  )
}

function SettingsGate() {
  const api = useApi()
  const { t, i18n } = useTranslation()
  const { notify } = useNotices()
  const [settings, setSettings] = useState<Settings | null>(null)
  const [initialDraft, setInitialDraft] = useState<Draft | null>(null)
  const [failed, setFailed] = useState<string | null>(null)

  useEffect(() => {
    loadBoot(api).then(
      (boot) => {
        setInitialDraft(boot.draft)
        setSettings(boot.settings)
      },
      (e: Error) => setFailed(e.message),
    )
  }, [api])

  const language = resolveUiLanguage(settings?.uiLanguage ?? 'system')
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language)
    applyLanguage(language)
  }, [i18n, language])
  useEffect(() => applyTheme(settings?.theme ?? 'system'), [settings?.theme])

  const update = useCallback(
    (patch: SettingsPatch) => {
      // Show the change at once; the backend's answer is the truth afterwards.
      setSettings((s) => s && applySettingsPatch(s, patch))
      api.invoke('settings.update', { patch }).then(setSettings, (e: Error) =>
        notify('error', t('settings.saveFailed', { reason: e.message })),
      )
    },
    [api, notify, t],
  )

  if (failed) {
    return (
      <div className="boot-failed" role="alert">
        <h1>{t('app.bootFailedTitle')}</h1>
        <p>{t('app.bootFailed')}</p>
        <p className="muted">{failed}</p>
        <button type="button" className="button" onClick={() => location.reload()}>
          {t('common.tryAgain')}
        </button>
      </div>
    )
  }
  if (!settings) return <div className="boot" aria-busy="true" aria-label={t('app.loading')} />
  return (
    <>
      <RecoveryNotice language={language} />
      <SafetyCopyNotice language={language} />
      <DamageNotice language={language} />
      <Workspace settings={settings} initialDraft={initialDraft} onSettings={update} language={language} />
    </>
  )
}
