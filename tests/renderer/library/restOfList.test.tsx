import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Api } from '../../../renderer/api/client'
import { App } from '../../../renderer/app/App'
import { FIRST_PAGE } from '../../../renderer/library/useLibrary'
import { testBackend, type TestBackend } from '../support/backend'
import { buttonByText, byLabel, click, render, type Rendered, typeInto, waitFor } from '../support/render'

/**
 * The start shows the first screen of the list; the rest (3.6 MB with 10,000 drafts) must not
 * compete with it, and nothing in the library may look wrong while it is still on its way.
 */
let backend: TestBackend
let view: Rendered | null = null
const OLDEST = 'Alte Idee'

beforeEach(async () => {
  localStorage.clear()
  backend = await testBackend()
  await backend.api.invoke('drafts.ensureWelcome', { language: 'en' })
  backend.advance(1000)
  // The oldest draft is the only idea, far below the first screen.
  await backend.api.invoke('drafts.create', { title: OLDEST, status: 'idea' })
  for (let i = 1; i <= FIRST_PAGE + 20; i++) {
    backend.advance(1000)
    await backend.api.invoke('drafts.create', { title: `Entwurf ${i}`, status: 'draft' })
  }
})
afterEach(async () => {
  await view?.unmount()
  view = null
  backend.close()
})

/**
 * The backend reached through an api that notes, when the whole list is asked for, whether the
 * editor was editable then, and holds that answer back until the test releases it.
 */
function holdingTheRest() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const asked: { editable: boolean }[] = []
  const api: Api = {
    ...backend.api,
    async invoke(channel, args) {
      if (channel === 'drafts.list' && (args as { view: string; limit?: number }).view === 'active' && (args as { limit?: number }).limit === undefined) {
        asked.push({ editable: document.querySelector('.ProseMirror[contenteditable="true"]') !== null })
        await released
      }
      return backend.api.invoke(channel, args)
    },
  }
  return { api, asked, release }
}

async function boot(api: Api) {
  view = await render(<App />, { api, notices: false })
  const root = view.container
  await waitFor(() => root.querySelector('.ProseMirror[contenteditable="true"]'), 4000, 'editable draft')
  await waitFor(() => root.querySelector('.draft-row'), 4000, 'first screen of the list')
  return root
}

const titles = (root: HTMLElement) => [...root.querySelectorAll('.draft-row-title')].map((t) => t.textContent)

describe('the rest of the library list', () => {
  it('is asked for only once the draft is editable, and then shown whole', async () => {
    const { api, asked, release } = holdingTheRest()
    const root = await boot(api)
    await waitFor(() => asked.length === 1, 4000, 'the rest asked for once the page is idle')
    expect(asked).toEqual([{ editable: true }])
    // Counts wait for the whole list rather than counting the first screen.
    expect(buttonByText(root, /^All/)?.querySelector('.count')?.textContent).toBe('')
    release()
    await waitFor(() => buttonByText(root, /^All/)?.querySelector('.count')?.textContent === String(FIRST_PAGE + 22), 4000, 'whole count')
    expect(asked).toHaveLength(1)
  })

  it('a filter chosen before the rest arrives says it is loading, never "no drafts match", then finds the old draft', async () => {
    const { api, release } = holdingTheRest()
    const root = await boot(api)
    await click(buttonByText(root, /^Ideas/))
    await waitFor(() => root.querySelector('.library-empty[aria-busy="true"]')?.textContent === 'Loading the older drafts…', 2000, 'loading row')
    expect(root.querySelector('.library')?.textContent).not.toContain('No drafts match')
    release()
    await waitFor(() => titles(root).length === 1, 4000, 'the one idea')
    expect(titles(root)).toEqual([OLDEST])
  })

  it('a search typed before the rest arrives finds an old draft', async () => {
    const { api, release } = holdingTheRest()
    const root = await boot(api)
    await typeInto(byLabel(root, 'Search drafts'), 'alte idee')
    const hit = await waitFor(() => root.querySelector('.search-hit'), 3000, 'search hit')
    expect(hit.textContent).toContain(OLDEST)
    release()
  })
})
