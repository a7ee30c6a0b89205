import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Api } from '../../../renderer/api/client'
import { FIRST_PAGE, prefetchFirstPage, useLibrary, type Library } from '../../../renderer/library/useLibrary'
import { testBackend, type TestBackend } from '../support/backend'
import { render, waitFor, type Rendered } from '../support/render'

let backend: TestBackend
let rendered: Rendered | null = null
afterEach(async () => {
  await rendered?.unmount()
  rendered = null
  backend.close()
})

/** The whole list answers only when the test says so; everything else goes straight through. */
function holdingTheWholeList(api: Api) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const held: Api = {
    ...api,
    async invoke(channel, args) {
      const whole = channel === 'drafts.list' && (args as { limit?: number }).limit === undefined
      if (whole) await released
      return api.invoke(channel, args)
    },
  }
  return { api: held, release }
}

/** A library of one draft, "Eins", reached through an api that notes each request for the list. */
async function oneDraftListsNoted() {
  backend = await testBackend()
  await backend.api.invoke('drafts.create', { title: 'Eins' })
  const asked: unknown[] = []
  const api: Api = {
    ...backend.api,
    invoke(channel, args) {
      if (channel === 'drafts.list') asked.push(args)
      return backend.api.invoke(channel, args)
    },
  }
  return { api, asked }
}

function Probe({ api, into }: { api: Api; into: { current: Library | null } }) {
  into.current = useLibrary(api)
  return null
}

/** Renders useLibrary(api); the returned box holds what the hook returned last. */
async function renderLibrary(api: Api): Promise<{ current: Library | null }> {
  const library = { current: null as Library | null }
  rendered = await render(<Probe api={api} into={library} />, { api })
  return library
}

describe('the library list at start', () => {
  it('shows the first screen of drafts at once and the rest only when asked; counts wait for the whole list', async () => {
    backend = await testBackend()
    const total = FIRST_PAGE + 30
    for (let i = 1; i <= total; i++) {
      await backend.api.invoke('drafts.create', { title: `Entwurf ${i}` })
      backend.advance(1000)
    }
    const { api, release } = holdingTheWholeList(backend.api)
    const library = await renderLibrary(api)
    await act(async () => void (await library.current!.loadFirst()))
    expect(library.current!.active).toHaveLength(FIRST_PAGE)
    expect(library.current!.active![0]!.title).toBe(`Entwurf ${total}`)
    expect(library.current!.complete).toBe(false)
    let rest: Promise<void> = Promise.resolve()
    await act(async () => {
      rest = library.current!.loadRest()
    })
    // Asked once, however often the library, a filter or a scroll asks for it.
    expect(library.current!.loadRest()).toBe(rest)
    release()
    await act(async () => void (await rest))
    expect(library.current!.active).toHaveLength(total)
    expect(library.current!.complete).toBe(true)
  })

  it('a library no longer than the first screen is complete at once: nothing more is asked for', async () => {
    const { api, asked } = await oneDraftListsNoted()
    const library = await renderLibrary(api)
    await act(async () => void (await library.current!.loadFirst()))
    expect(library.current!.complete).toBe(true)
    await act(async () => void (await library.current!.loadRest()))
    expect(asked).toEqual([{ view: 'active', limit: FIRST_PAGE }])
  })

  it('a draft created while the rest is on its way is in the list that arrives', async () => {
    backend = await testBackend()
    for (let i = 1; i <= FIRST_PAGE; i++) await backend.api.invoke('drafts.create', { title: `Entwurf ${i}` })
    // The whole list answered by the backend at once (before the new draft), delivered late.
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const api: Api = {
      ...backend.api,
      async invoke(channel, args) {
        const answer = backend.api.invoke(channel, args)
        if (channel === 'drafts.list' && (args as { limit?: number }).limit === undefined) await released
        return answer
      },
    }
    const library = await renderLibrary(api)
    await act(async () => void (await library.current!.loadFirst()))
    let rest: Promise<void> = Promise.resolve()
    await act(async () => {
      rest = library.current!.loadRest()
    })
    const created = await act(async () => library.current!.create('de'))
    release()
    await act(async () => void (await rest))
    expect(library.current!.active).toHaveLength(FIRST_PAGE + 1)
    expect(library.current!.active![0]!.id).toBe(created.id)
  })

  it('a later load (after an import) asks for the whole list only', async () => {
    const { api, asked } = await oneDraftListsNoted()
    const library = await renderLibrary(api)
    await waitFor(() => library.current !== null)
    await act(async () => void (await library.current!.load()))
    asked.length = 0
    await act(async () => void (await library.current!.load()))
    expect(asked).toEqual([{ view: 'active' }])
  })

  it('the first screen asked for at boot, with the settings and the open draft, is the one shown: not asked for again', async () => {
    const { api, asked } = await oneDraftListsNoted()
    prefetchFirstPage(api)
    expect(asked).toEqual([{ view: 'active', limit: FIRST_PAGE }])
    const library = await renderLibrary(api)
    await act(async () => void (await library.current!.loadFirst()))
    expect(asked).toEqual([{ view: 'active', limit: FIRST_PAGE }])
    expect(library.current!.active!.map((d) => d.title)).toEqual(['Eins'])
  })
})
