import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { App } from '../../../renderer/app/App'
import { useTestLibrary } from '../support/library'
import { buttonByText, click, type Rendered, typeInto, waitFor } from '../support/render'

/**
 * The library stores text exactly or refuses it (a lone UTF-16 surrogate cannot be stored as
 * UTF-8). The title field never hands the backend such a string: what it shows is what is saved.
 */
const library = useTestLibrary()
let view: Rendered

describe('the title field', () => {
  it('shows and saves a broken character as U+FFFD instead of sending it, and the save succeeds', async () => {
    view = await library.mount(<App />, { language: 'en', notices: false })
    const root = view.container
    await waitFor(() => root.querySelector('.ProseMirror'), 4000, 'editor')
    await click(buttonByText(root, /New draft/))
    const field = await waitFor(() => {
      const f = root.querySelector<HTMLTextAreaElement>('textarea.title-field')
      return f && f.value === '' ? f : null
    }, 4000, 'empty title field')
    await typeInto(field, 'a\uD800b \u{1F600}')
    expect(field.value).toBe('a\uFFFDb \u{1F600}')
    await act(async () => void window.dispatchEvent(new Event('blur')))
    await waitFor(() => root.querySelector('.save-saved'), 4000, 'Saved')
    const titles = (await library.backend.api.invoke('drafts.list', { view: 'active' })).map((d) => d.title)
    expect(titles).toContain('a\uFFFDb \u{1F600}')
    expect(root.querySelector('.save-error')).toBeNull()
  })
})
