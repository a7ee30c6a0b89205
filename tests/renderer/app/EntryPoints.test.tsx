import { describe, expect, it } from 'vitest'
import { App } from '../../../renderer/app/App'
import { useTestLibrary } from '../support/library'
import { buttonByText, click, type Rendered, waitFor } from '../support/render'

/** Issue 10 §5: the daily entry points, Today and Settings, are visible without the palette. */
const library = useTestLibrary()
let view: Rendered

describe('visible entry points in the library', () => {
  it('"Heute" opens the posts pane on Today; "Einstellungen" opens the settings', async () => {
    await library.backend.api.invoke('settings.update', { patch: { uiLanguage: 'de' } })
    view = await library.mount(<App />, { language: 'de', notices: false })
    const root = view.container
    const bottom = await waitFor(() => root.querySelector<HTMLElement>('.library-bottom'), 4000, 'library footer')

    await click(buttonByText(bottom, 'Heute'))
    const today = await waitFor(() => root.querySelector<HTMLElement>('aside[aria-label="Posts"] [role="tab"][aria-selected="true"]'), 4000, 'posts pane')
    expect(today.textContent).toBe('Heute')

    await click(buttonByText(bottom, 'Einstellungen'))
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"], dialog[open]'), 4000, 'settings dialog')
    expect(dialog.textContent).toContain('Einstellungen')
  })
})
