import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DraftSummary } from '@shared/domain'
import { type BridgeProcess, ROOT, startBridgeProcess } from './support/bridge-process'
import { type OpenedPage, openApp } from './support/browser'
import { damageOnePage } from '../support/damage-page'

/**
 * A library is never hidden, rolled back or lost — with real processes and real Chromium:
 * a damaged or empty file is replaced by its safety copy and the page says so with the paths;
 * a second process on the same library is refused, the first keeps working, and a killed
 * process leaves no stale lock behind.
 */

const dirs: string[] = []
const bridges: BridgeProcess[] = []
let opened: OpenedPage | null = null

afterEach(async () => {
  await opened?.close()
  opened = null
  for (const bridge of bridges.splice(0)) await bridge.stop('SIGKILL')
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'longhand-trust-'))
  dirs.push(dir)
  return dir
}

async function bridgeOn(dir: string): Promise<BridgeProcess> {
  const bridge = await startBridgeProcess(dir)
  bridges.push(bridge)
  return bridge
}

/** A library with three drafts and a safety copy of them, closed cleanly. */
async function libraryWithSafetyCopy(dir: string): Promise<{ titles: string[]; copy: string }> {
  const bridge = await bridgeOn(dir)
  const titles = ['Brief an Leser', 'Notizen zur Messe', 'Entwurf ohne Ende']
  for (const title of titles) await bridge.call('drafts.create', { title })
  const copy = await bridge.call<{ name: string }>('safetyBackups.create')
  await bridge.stop('SIGTERM')
  bridges.splice(bridges.indexOf(bridge), 1)
  return { titles, copy: join(dir, 'backups', copy.name) }
}

describe('a damaged or empty library file', () => {
  it.each(['garbage', 'zero-length'] as const)('(%s) is replaced by its safety copy, and the page shows the notice with both paths', async (damage) => {
    const dir = dataDir()
    const { titles, copy } = await libraryWithSafetyCopy(dir)
    const file = join(dir, 'longhand.sqlite')
    if (damage === 'garbage') writeFileSync(file, 'kein SQLite, nur Müll '.repeat(500))
    else truncateSync(file, 0)

    const bridge = await bridgeOn(dir)
    const listed = await bridge.call<DraftSummary[]>('drafts.list', { view: 'active' })
    expect(listed.map((d) => d.title).sort()).toEqual([...titles].sort())

    opened = await openApp(bridge.url, { locale: 'en-US' })
    const { page } = opened
    const notice = page.locator('.notice-warning')
    await notice.waitFor()
    const text = (await notice.textContent()) ?? ''
    expect(text).toContain(damage === 'garbage' ? 'Your library file could not be read.' : 'Your library file was empty.')
    expect(text).toContain('Nothing was deleted.')
    const paths = await notice.locator('code').allTextContents()
    expect(paths).toHaveLength(2)
    expect(paths[0]).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/longhand\\.sqlite\\.unreadable-`))
    expect(paths[1]).toBe(copy)
    // The browser cannot reveal files: the paths are there to copy, without a button.
    expect(await notice.getByRole('button', { name: 'Show the file' }).count()).toBe(0)
    // The drafts from the copy are in the library list.
    for (const title of titles) await page.getByRole('list', { name: 'Drafts' }).getByText(title).waitFor()
    expect(opened.consoleErrors).toEqual([])
    if (damage === 'garbage') {
      mkdirSync(resolve(ROOT, 'tests/artifacts/screenshots'), { recursive: true })
      await page.screenshot({ path: resolve(ROOT, 'tests/artifacts/screenshots/recovery-notice-light-en-1280.png') })
    }
  })
})

describe('damage found while the app runs', () => {
  it('the check after the start finds a damaged page, and the page says so calmly: nothing changed, what the next start does', async () => {
    const dir = dataDir()
    const writer = await bridgeOn(dir)
    const text = 'Worte über Worte, die niemand verlieren will. '.repeat(40)
    const doc = { type: 'doc', content: Array.from({ length: 4 }, () => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
    for (let i = 1; i <= 30; i++) await writer.call('drafts.create', { title: `Entwurf ${i}`, doc })
    await writer.call('safetyBackups.create')
    await writer.stop('SIGTERM')
    bridges.splice(bridges.indexOf(writer), 1)
    const file = join(dir, 'longhand.sqlite')
    damageOnePage(file)

    // The library opens at once (the check is left for after the start), the page loads, and
    // the check then runs on its worker in the built bridge.
    const bridge = await startBridgeProcess(dir, { LONGHAND_INTEGRITY_CHECK_AFTER_MS: '1500' })
    bridges.push(bridge)
    opened = await openApp(bridge.url, { locale: 'en-US' })
    const { page } = opened
    await page.getByRole('list', { name: 'Drafts' }).getByText('Entwurf 30', { exact: true }).waitFor()
    const notice = page.locator('.notice-warning', { hasText: 'routine check found damage' })
    await notice.waitFor({ timeout: 30_000 })
    const said = (await notice.textContent()) ?? ''
    expect(said).toContain('Nothing was changed or deleted')
    expect(said).toContain('At the next start Longhand puts this file aside')
    expect(await notice.locator('code').count()).toBe(1)
    expect(await bridge.call('app.integrityStatus')).toMatchObject({ state: 'damaged', detail: expect.any(String) })
    expect(existsSync(`${file}.damaged`)).toBe(true)
    expect(opened.consoleErrors).toEqual([])
    mkdirSync(resolve(ROOT, 'tests/artifacts/screenshots'), { recursive: true })
    await page.screenshot({ path: resolve(ROOT, 'tests/artifacts/screenshots/damage-found-notice-light-en-1280.png') })

    // Written after the notice, into the damaged file: the next start must not leave it there.
    await bridge.call('drafts.create', { title: 'Nach dem Hinweis', doc })

    // The next start does what the notice said.
    await opened.close()
    opened = null
    await bridge.stop('SIGTERM')
    bridges.splice(bridges.indexOf(bridge), 1)
    const next = await bridgeOn(dir)
    expect(await next.call('app.recoveryNotice')).toMatchObject({ reason: 'damaged', restoredFrom: expect.any(String), salvage: { outcome: 'read', broughtBack: 1 } })
    const listed = await next.call<DraftSummary[]>('drafts.list', { view: 'active' })
    expect(listed).toHaveLength(31)
    expect(listed.map((d) => d.title)).toContain('Nach dem Hinweis')
  })
})

describe('one process per library', () => {
  it('refuses a second process with a clear error, keeps the first working, and frees the lock when the first is killed', async () => {
    const dir = dataDir()
    const first = await bridgeOn(dir)
    const draft = await first.call<{ id: number }>('drafts.create', { title: 'Vom ersten Prozess' })

    const refused = await startBridgeProcess(dir).then(
      (second) => (bridges.push(second), null),
      (error: Error) => error.message,
    )
    expect(refused).toContain(`Longhand is already open with this library (process ${first.child.pid})`)
    expect(refused).toContain('Nothing was moved or changed')

    // The first is unaffected.
    await first.call('drafts.saveContent', { id: draft.id, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Noch da' }] }] } })
    expect((await first.call<DraftSummary[]>('drafts.list', { view: 'active' })).map((d) => d.title)).toContain('Vom ersten Prozess')

    // A crash leaves no stale lock: the OS drops it with the process.
    await first.stop('SIGKILL')
    const third = await bridgeOn(dir)
    expect((await third.call<DraftSummary[]>('drafts.list', { view: 'active' })).map((d) => d.title)).toContain('Vom ersten Prozess')
  })

  it('speaks German to a German terminal', async () => {
    const dir = dataDir()
    const first = await bridgeOn(dir)
    const refused = await startBridgeProcess(dir, { LANG: 'de_DE.UTF-8', LC_ALL: '' }).then(
      (second) => (bridges.push(second), null),
      (error: Error) => error.message,
    )
    expect(refused).toContain(`Longhand ist mit dieser Bibliothek schon geöffnet (Prozess ${first.child.pid})`)
  })
})
