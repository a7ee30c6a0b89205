import { rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SAFETY_STATUS_POLL_MS, SafetyCopyNotice } from '../../../renderer/app/SafetyCopyNotice'
import { BackupSection } from '../../../renderer/transfer/BackupSection'
import { HOUR_MS } from '../../../electron/main/services/store/safety-schedule'
import { canMount, fillDisk, mountTmpfs } from '../../electron/support/mounts'
import { steppedTimer } from '../../electron/support/stepped-timer'
import { manualClock } from '../../electron/support/temp-library'
import { createInProcessHost, type InProcessHost } from '../../support/in-process-api'
import { act } from 'react'
import { byLabel, click, render, type Rendered, waitFor } from '../support/render'

let view: Rendered | null = null
let backend: InProcessHost | null = null
afterEach(async () => {
  vi.useRealTimers()
  await view?.unmount()
  view = null
  backend?.close()
  backend = null
})

/** A real library behind a LibraryHost whose first scheduled copy fails: `backups` is a file. */
async function failingLibrary() {
  const clock = manualClock(Date.UTC(2026, 10, 23, 9, 0))
  const timer = steppedTimer(clock)
  backend = await createInProcessHost({ now: clock, schedule: { timer, firstLookAfterMs: 0, onError: () => undefined } })
  const backups = join(backend.dataDir, 'backups')
  rmSync(backups, { recursive: true, force: true })
  writeFileSync(backups, 'not a folder')
  await timer.fire()
  return { clock, timer, backups, api: backend.api }
}

const warnings = () => [...view!.container.querySelectorAll<HTMLElement>('.notice-warning')]

describe('the notice that the scheduled safety copy failed', () => {
  it('says what happened, that the library is fine, and what to do — once per failure, asking every 10 minutes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { clock, timer, api } = await failingLibrary()
    view = await render(<SafetyCopyNotice language="en" />, { api, language: 'en' })
    const notice = await waitFor(() => warnings()[0], 4000, 'warning')
    expect(notice.closest('[role="alert"]')).not.toBeNull()
    expect(notice.textContent).toContain('The automatic safety copy could not be written')
    expect(notice.textContent).toContain('Your library itself is fine and nothing was lost.')
    expect(notice.textContent).toContain('Settings → Backups → “Make a safety copy now”')

    // Dismissed; ten minutes later the same failure is not told again.
    await click(byLabel(notice, 'Dismiss', 'button'))
    await act(async () => void vi.advanceTimersByTime(SAFETY_STATUS_POLL_MS))
    await new Promise((r) => setTimeout(r, 200))
    expect(warnings()).toHaveLength(0)

    // The retry an hour later fails again: a new failure, told at the next round.
    clock.advance(HOUR_MS)
    await timer.fire()
    await act(async () => void vi.advanceTimersByTime(SAFETY_STATUS_POLL_MS))
    await waitFor(() => warnings()[0], 4000, 'second warning')
  })

  it('is in German, with "du"', async () => {
    const { api } = await failingLibrary()
    view = await render(<SafetyCopyNotice language="de" />, { api, language: 'de' })
    const notice = await waitFor(() => warnings()[0], 4000, 'warning')
    expect(notice.textContent).toContain('Die automatische Sicherheitskopie konnte nicht geschrieben werden')
    expect(notice.textContent).toContain('Deiner Bibliothek selbst geht es gut, nichts ist verloren.')
  })

  // A real full disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('a full disk says so and asks to free some space', async () => {
    const clock = manualClock()
    const timer = steppedTimer(clock)
    backend = await createInProcessHost({ now: clock, schedule: { timer, firstLookAfterMs: 0, onError: () => undefined } })
    // A link to the full disk: the library folder is removed (after each test) before the mount goes.
    const full = mountTmpfs('size=64k')
    fillDisk(full)
    const backups = join(backend.dataDir, 'backups')
    rmSync(backups, { recursive: true, force: true })
    symlinkSync(full, backups)
    await timer.fire()
    view = await render(<SafetyCopyNotice language="en" />, { api: backend.api, language: 'en' })
    const notice = await waitFor(() => warnings()[0], 4000, 'warning')
    expect(notice.textContent).toContain('The automatic safety copy could not be written: the disk is full.')
    expect(notice.textContent).toContain('Free some space on the disk')
  })

  it('says nothing while the copies work', async () => {
    const clock = manualClock()
    const timer = steppedTimer(clock)
    backend = await createInProcessHost({ now: clock, schedule: { timer, firstLookAfterMs: 0 } })
    await timer.fire()
    view = await render(<SafetyCopyNotice language="en" />, { api: backend.api, language: 'en' })
    await new Promise((r) => setTimeout(r, 300))
    expect(warnings()).toHaveLength(0)
  })

  it('Settings → Backups shows the same state as a line, gone after "Make a safety copy now"', async () => {
    const { backups, clock, api } = await failingLibrary()
    view = await render(<BackupSection beforeRestore={async () => undefined} />, { api, language: 'en' })
    const line = await waitFor(() => view!.container.querySelector<HTMLElement>('.backup-failed'), 4000, 'line')
    expect(line.textContent).toMatch(/^Last automatic copy failed at Nov 23, 2026, .+ \(backups folder not usable\)\.$/)
    // The copies cannot be listed either: said, not shown as "No safety copies yet".
    const unreadable = await waitFor(() => [...view!.container.querySelectorAll<HTMLElement>('.backup-failed')].find((p) => p.textContent!.includes('cannot be read')), 4000, 'unreadable line')
    expect(unreadable.textContent).toContain('(ENOTDIR)')
    expect(view.container.textContent).not.toContain('No safety copies yet.')

    rmSync(backups)
    clock.advance(60_000)
    await click([...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Make a safety copy now'))
    await waitFor(() => view!.container.querySelector('.backup-failed') === null, 4000, 'line gone')
  })
})
