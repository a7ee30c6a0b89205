import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language, UiLanguage } from '@shared/domain'
import { uiDe } from '@shared/i18n/ui.de'
import { uiEn } from '@shared/i18n/ui.en'

export const UI_RESOURCES = { en: { translation: uiEn }, de: { translation: uiDe } } as const

/** The first of the browser's/OS's preferred languages that Longhand speaks; English otherwise. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (base === 'de' || base === 'en') return base
  }
  return 'en'
}

export function preferredLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  return navigator.languages?.length ? navigator.languages : [navigator.language]
}

/** The language the UI shows: the user's pick, or the OS/browser locale while they have not picked one. */
export function resolveUiLanguage(setting: UiLanguage, preferred: readonly string[] = preferredLanguages()): Language {
  return setting === 'system' ? detectLanguage(preferred) : setting
}

/**
 * One i18next instance per app (and per test). Resources are bundled, so init is synchronous
 * and the very first render already has every string.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: UI_RESOURCES,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'de'],
    initAsync: false,
    // React escapes text itself; double escaping would show "&amp;" in titles.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
