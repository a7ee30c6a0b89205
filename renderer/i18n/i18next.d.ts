import 'i18next'
import type { uiEn } from '@shared/i18n/ui.en'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof uiEn }
    returnNull: false
  }
}
