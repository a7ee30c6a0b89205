import type { ReactNode } from 'react'
import type { Settings, SettingsPatch, Theme, UiLanguage } from '@shared/domain'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../app/Dialog'
import { detectLanguage, preferredLanguages } from '../i18n/i18n'

const UI_LANGUAGES: UiLanguage[] = ['system', 'de', 'en']
const THEMES: Theme[] = ['system', 'light', 'dark']

/** Changes apply at once (no OK button); the caller persists them through settings.update. */
export function SettingsDialog({
  settings,
  onChange,
  onClose,
  children,
}: {
  settings: Settings
  onChange(patch: SettingsPatch): void
  onClose(): void
  /** Sections other features add below (Backups). */
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const systemLanguage = t(`languages.${detectLanguage(preferredLanguages())}`)
  return (
    <Dialog title={t('settings.title')} onClose={onClose} className="dialog-small">
      <fieldset className="radio-group">
        <legend>{t('settings.language')}</legend>
        {UI_LANGUAGES.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="uiLanguage"
              value={value}
              checked={settings.uiLanguage === value}
              onChange={() => onChange({ uiLanguage: value })}
            />
            {value === 'system' ? t('settings.languageSystem', { language: systemLanguage }) : t(`languages.${value}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="radio-group">
        <legend>{t('settings.theme')}</legend>
        {THEMES.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={settings.theme === value}
              onChange={() => onChange({ theme: value })}
            />
            {t(`settings.themes.${value}`)}
          </label>
        ))}
      </fieldset>
      {children}
    </Dialog>
  )
}
