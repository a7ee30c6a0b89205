import type { Language } from '@shared/domain'
// The Hunspell files ship inside the app and come from the app's own origin (app:// in Electron,
// the loopback bridge in `npm run web`): nothing is downloaded from anywhere. The small .aff files
// are bundled into the worker as text; the large .dic files are assets fetched with connect-src
// 'self'. DO NOT import the .aff files with ?url: Vite inlines small assets as data: URLs, which
// the CSP (connect-src 'self') refuses to fetch. Imported by path because the packages'
// "exports" only expose their Node loader (index.js).
import deAff from '../../../node_modules/dictionary-de/index.aff?raw'
import deDic from '../../../node_modules/dictionary-de/index.dic?url'
import enAff from '../../../node_modules/dictionary-en/index.aff?raw'
import enDic from '../../../node_modules/dictionary-en/index.dic?url'

export const DICTIONARIES: Record<Language, { aff: string; dicUrl: string }> = {
  de: { aff: deAff, dicUrl: deDic },
  en: { aff: enAff, dicUrl: enDic },
}
