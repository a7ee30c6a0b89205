import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { unwrap } from '@shared/ipc'
import type { Api } from '../../../renderer/api/client'
import { App } from '../../../renderer/app/App'
import { createDispatcher } from '../../../electron/main/ipc/dispatch'
import { createHandlers, type ShellHooks } from '../../../electron/main/ipc/handlers'
import { createServices, type Services } from '../../../electron/main/services'
import { tempDir } from '../../electron/support/temp-library'
import { buttonByText, click, render, type Rendered, waitFor } from '../support/render'
import { damagePageHolding } from '../../support/damage-page'

let view: Rendered | null = null
let services: Services | null = null
afterEach(async () => {
  await view?.unmount()
  view = null
  services?.close()
  services = null
  localStorage.clear()
})

/** A library whose file was damaged after a safety copy was taken, opened by the real services. */
async function recoveredLibrary(shell: ShellHooks, damage: 'garbage' | 'empty' = 'garbage'): Promise<Api> {
  const dir = tempDir()
  const takenAt = Date.UTC(2026, 10, 20, 8, 30)
  const first = await createServices({ dataDir: dir, now: () => takenAt })
  first.drafts.create({ title: 'Aus der Sicherheitskopie' })
  await first.safetyBackups.create(first.db, 'scheduled')
  first.close()
  writeFileSync(join(dir, 'longhand.sqlite'), damage === 'empty' ? '' : 'kaputt '.repeat(1000))
  services = await createServices({ dataDir: dir, now: () => takenAt + 3 * 86_400_000 })
  const dispatch = createDispatcher(createHandlers(services, shell))
  return { shell: 'electron', invoke: async (channel, args) => unwrap(await dispatch(channel, structuredClone(args))) as never, onEvent: () => () => {} }
}

/**
 * A library damaged after an hour of work past its safety copy: two drafts changed and one
 * written since; the page holding the new text of one of them is damaged.
 */
async function salvagedLibrary(): Promise<Api> {
  const dir = tempDir()
  let now = Date.UTC(2026, 10, 20, 8, 30)
  const first = await createServices({ dataDir: dir, now: () => now })
  // ~2.9 KB per paragraph: one block to a page, so one damaged page hits one draft.
  const doc = (marker: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: `${marker} ${'Worte über Worte. '.repeat(160)}` }] }] })
  const a = first.drafts.create({ title: 'Brief an Leser', doc: doc('[alt-a]') })
  const b = first.drafts.create({ title: 'Notizen zur Messe', doc: doc('[alt-b]') })
  const dropped = first.drafts.create({ title: 'Verworfen', doc: doc('[weg]') })
  await first.safetyBackups.create(first.db, 'scheduled')
  now += 3_600_000
  first.drafts.trash(dropped.id)
  first.drafts.deleteForever(dropped.id)
  first.drafts.saveContent(a.id, doc('[neu-a]'))
  first.drafts.saveContent(b.id, doc('[neu-b]'))
  first.drafts.create({ title: 'Nach der Kopie', doc: doc('[neu-c]') })
  const passage = first.posts.createPassage(a.id, 'Worte über Worte.')
  first.posts.create({ draftId: a.id, passageId: passage.id, platform: 'mastodon', style: 'quote', parts: ['Worte über Worte.'] })
  first.close()
  damagePageHolding(join(dir, 'longhand.sqlite'), '[neu-b]')
  services = await createServices({ dataDir: dir, now: () => now, integrity: 'at-open' })
  const dispatch = createDispatcher(createHandlers(services, {}))
  return { shell: 'web', invoke: async (channel, args) => unwrap(await dispatch(channel, structuredClone(args))) as never, onEvent: () => () => {} }
}

async function boot(api: Api, language: 'de' | 'en') {
  view = await render(<App />, { api, language, notices: false })
  await waitFor(() => view!.container.querySelector('.ProseMirror'), 4000, 'editor')
  return waitFor(() => view!.container.querySelector<HTMLElement>('.notice-warning'), 4000, 'recovery notice')
}

describe('the recovery notice', () => {
  it('says what happened, that nothing was deleted, where the old file is and which copy came back, and reveals the file', async () => {
    const shown: string[] = []
    const api = await recoveredLibrary({ showItemInFolder: (path) => shown.push(path) })
    const notice = await boot(api, 'en')
    const recovery = services!.recovery!
    expect(notice.closest('[role="alert"]')).not.toBeNull()
    expect(notice.textContent).toContain('Your library file could not be read.')
    expect(notice.textContent).toContain('Nothing was deleted.')
    expect(notice.textContent).toMatch(/safety copy from Nov 20, 2026/)
    // What to do: the copy is older than the file was, so the newest work may be missing from view.
    expect(notice.textContent).toMatch(/Check your latest drafts: changes made after Nov 20, 2026, .+ are not in the copy\. Keep the old file: it may still hold them\./)
    const paths = [...notice.querySelectorAll('code')].map((c) => c.textContent)
    expect(paths).toEqual([recovery.movedAsideTo, recovery.restoredFrom])
    await click(buttonByText(notice, 'Show the file'))
    await waitFor(() => shown.length === 1)
    expect(shown).toEqual([recovery.movedAsideTo])
    // The drafts from the copy are there.
    await waitFor(() => view!.container.textContent?.includes('Aus der Sicherheitskopie'))
  })

  it('in German, for an empty file, and without a way to reveal files (browser): the paths to copy, no button', async () => {
    const api = await recoveredLibrary({}, 'empty')
    services!.settings.update({ uiLanguage: 'de' })
    const notice = await boot(api, 'de')
    expect(notice.textContent).toContain('Deine Bibliotheksdatei war leer.')
    expect(notice.textContent).toContain('Nichts wurde gelöscht.')
    expect(notice.textContent).toContain('Die alte Datei liegt jetzt hier:')
    expect(notice.textContent).toMatch(/Prüfe deine letzten Entwürfe: Änderungen nach dem 20\.11\.2026, .+ sind nicht in der Kopie\./)
    expect(buttonByText(notice, 'Datei zeigen')).toBeNull()
  })

  it('after a salvage: says how many drafts came back from the old file and names the one that could not be read', async () => {
    const notice = await boot(await salvagedLibrary(), 'en')
    expect(notice.textContent).toContain('Your library file could not be read. Longhand put it aside and brought back the safety copy from Nov 20, 2026')
    expect(notice.textContent).toContain('2 drafts changed after that were brought back from the old file with their newest text')
    expect(notice.textContent).toContain('One draft could not be read from the old file: “Notizen zur Messe”. Its latest changes may be only there: keep the old file.')
    expect(notice.textContent).toContain('One post or journal note changed after the copy was brought back too.')
    expect(notice.textContent).toContain('One draft in the copy that you had deleted for good after it was taken stays deleted.')
    await waitFor(() => view!.container.textContent?.includes('Nach der Kopie'))
    expect(view!.container.textContent).not.toContain('Verworfen')
  })

  it('after a salvage, in German', async () => {
    const api = await salvagedLibrary()
    services!.settings.update({ uiLanguage: 'de' })
    const notice = await boot(api, 'de')
    expect(notice.textContent).toContain('2 danach geänderte Entwürfe wurden mit ihrem neuesten Text aus der alten Datei zurückgeholt')
    expect(notice.textContent).toContain('Ein Entwurf ließ sich aus der alten Datei nicht lesen: „Notizen zur Messe“.')
  })

  it('does not appear when the library opened normally', async () => {
    services = await createServices({ dataDir: tempDir() })
    const dispatch = createDispatcher(createHandlers(services))
    const api: Api = { shell: 'web', invoke: async (channel, args) => unwrap(await dispatch(channel, structuredClone(args))) as never, onEvent: () => () => {} }
    view = await render(<App />, { api, language: 'en', notices: false })
    await waitFor(() => view!.container.querySelector('.ProseMirror'), 4000, 'editor')
    await new Promise((r) => setTimeout(r, 100))
    expect(view.container.querySelector('.notice-warning')).toBeNull()
  })
})
