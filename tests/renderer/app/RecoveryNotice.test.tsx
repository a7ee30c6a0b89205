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
