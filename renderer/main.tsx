import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { createApi } from './api/client'
import { ApiProvider } from './api/context'
import { App } from './app/App'
import { createI18n, resolveUiLanguage } from './i18n/i18n'
import './styles/theme.css'
import './styles/app.css'
import './styles/editor.css'

// Start in the OS/browser language; App switches if the user picked another one in settings.
const i18n = createI18n(resolveUiLanguage('system'))
const api = createApi()
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={api}>
        <App />
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
)
