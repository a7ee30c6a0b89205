import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EditorDoc } from '@shared/domain'
import { DamageNotice } from '../../../renderer/app/DamageNotice'
import { createServices } from '../../../electron/main/services'
import { tempDir } from '../../electron/support/temp-library'
import { damageOnePage } from '../../support/damage-page'
import { createInProcessHost, type InProcessHost } from '../../support/in-process-api'
import { render, type Rendered, waitFor } from '../support/render'

let view: Rendered | null = null
let backend: InProcessHost | null = null
afterEach(async () => {
  await view?.unmount()
  view = null
  backend?.close()
  backend = null
})

/** A real library with a damaged page, behind a host whose check after the start runs when the test says. */
async function damagedLibrary() {
  const dir = tempDir()
  const setup = await createServices({ dataDir: dir })
  const text = 'Worte über Worte, die niemand verlieren will. '.repeat(40)
  const doc: EditorDoc = { type: 'doc', content: Array.from({ length: 4 }, () => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
  for (let i = 1; i <= 30; i++) setup.drafts.create({ title: `Entwurf ${i}`, doc })
  setup.close()
  damageOnePage(join(dir, 'longhand.sqlite'))
  const planned: (() => void)[] = []
  backend = await createInProcessHost({
    dataDir: dir,
    integrityCheck: { timer: { setTimeout: (run: () => void) => planned.push(run), clearTimeout: () => {} }, onDamageFound: () => undefined },
  })
  return { runCheck: () => planned[0]!(), host: backend.host, api: backend.api }
}

const warnings = () => [...view!.container.querySelectorAll<HTMLElement>('.notice-warning')]

describe('the notice that the check after the start found damage', () => {
  it('asks until the check has answered, then says calmly what happened and what the next start does', async () => {
    const { runCheck, host, api } = await damagedLibrary()
    const asked: string[] = []
    const counting = { ...api, invoke: ((channel, args) => (asked.push(channel), api.invoke(channel, args))) as typeof api.invoke }
    view = await render(<DamageNotice language="en" pollMs={20} />, { api: counting, language: 'en' })
    // Still pending: it keeps asking, and says nothing yet.
    await waitFor(() => asked.length >= 3, 4000, 'asked again while pending')
    expect(warnings()).toHaveLength(0)
    runCheck()
    await waitFor(() => host.integrityStatus().state === 'damaged', 10_000, 'the check')
    const notice = await waitFor(() => warnings()[0], 4000, 'warning')
    expect(notice.closest('[role="alert"]')).not.toBeNull()
    expect(notice.textContent).toContain('Longhand’s routine check found damage in your library file. Nothing was changed or deleted')
    expect(notice.textContent).toContain('At the next start Longhand puts this file aside (it is kept, never deleted)')
    expect(notice.textContent).toContain('What SQLite found:')
    // Told once; the asking has stopped.
    const count = asked.length
    await new Promise((r) => setTimeout(r, 200))
    expect(asked.length).toBe(count)
    expect(warnings()).toHaveLength(1)
  })

  it('is in German, with "du"', async () => {
    const { runCheck, host, api } = await damagedLibrary()
    runCheck()
    await waitFor(() => host.integrityStatus().state === 'damaged', 10_000, 'the check')
    view = await render(<DamageNotice language="de" />, { api, language: 'de' })
    const notice = await waitFor(() => warnings()[0], 4000, 'warning')
    expect(notice.textContent).toContain('Longhands Routineprüfung hat einen Schaden in deiner Bibliotheksdatei gefunden.')
    expect(notice.textContent).toContain('Beim nächsten Start legt Longhand diese Datei beiseite')
  })

  it('says nothing when the file is intact, and stops asking', async () => {
    const planned: (() => void)[] = []
    backend = await createInProcessHost({ integrityCheck: { timer: { setTimeout: (run: () => void) => planned.push(run), clearTimeout: () => {} } } })
    const host = backend.host
    planned[0]!()
    await waitFor(() => host.integrityStatus().state === 'ok', 10_000, 'the check')
    const asked: string[] = []
    const api = { ...backend.api, invoke: ((channel, args) => (asked.push(channel), backend!.api.invoke(channel, args))) as typeof backend.api.invoke }
    view = await render(<DamageNotice language="en" />, { api, language: 'en' })
    await waitFor(() => asked.length === 1, 4000, 'asked once')
    await new Promise((r) => setTimeout(r, 200))
    expect(warnings()).toHaveLength(0)
    expect(asked).toEqual(['app.integrityStatus'])
  })
})
