import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { docFromParagraphs, type DraftSummary } from '@shared/domain'
import { unwrap, type Envelope } from '@shared/ipc'
import { LibraryHost } from '../../../electron/main/library-host'
import { createServices } from '../../../electron/main/services'
import { checkReadable, stageRestore } from '../../../electron/main/services/store/restore-backup'
import { canMount, fillDisk, mountTmpfs } from '../support/mounts'
import { manualClock, tempDir } from '../support/temp-library'

const hosts: LibraryHost[] = []
afterEach(() => {
  while (hosts.length) hosts.pop()!.close()
})

async function openHost(dataDir = tempDir()) {
  const clock = manualClock()
  const host = await LibraryHost.open({ open: () => createServices({ dataDir, now: clock }), schedule: false, now: clock })
  hosts.push(host)
  const call = async <T>(channel: string, args: unknown = {}) => unwrap((await host.dispatch(channel, args)) as Envelope<T>)
  return { host, call, clock, dataDir }
}

const titles = (list: DraftSummary[]) => list.map((d) => d.title).sort()

describe('restoring a safety backup (close, swap the file, reopen)', () => {
  it('puts the backup in place, keeps the current file aside, and can be undone from the same list', async () => {
    const { call, clock, dataDir, host } = await openHost()
    await call('drafts.create', { title: 'Vorher', doc: docFromParagraphs(['a']) })
    const backup = await call<{ name: string }>('safetyBackups.create')
    clock.advance(60_000)
    await call('drafts.create', { title: 'Danach', doc: docFromParagraphs(['b']) })
    const before = host.services

    const result = await call<{ status: string; movedAsideTo: string; restoredFrom: string }>('safetyBackups.restore', { name: backup.name })
    expect(result).toMatchObject({ status: 'restored', restoredFrom: backup.name })
    expect(before.db.open).toBe(false)
    expect(host.services).not.toBe(before)
    expect(titles(await call('drafts.list', {}))).toEqual(['Vorher'])

    // The file that was replaced is still there, whole, with the later draft in it.
    expect(existsSync(result.movedAsideTo)).toBe(true)
    const aside = new Database(result.movedAsideTo, { readonly: true })
    expect(aside.prepare('SELECT title FROM drafts ORDER BY id').pluck().all()).toEqual(['Vorher', 'Danach'])
    aside.close()
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.restoring') || f === 'restore-pending.json')).toEqual([])

    // A 'before-restore' copy was taken first: restoring it undoes the restore.
    const list = await call<{ name: string; reason: string }[]>('safetyBackups.list')
    const undo = list.find((b) => b.reason === 'before-restore')!
    await call('safetyBackups.restore', { name: undo.name })
    expect(titles(await call('drafts.list', {}))).toEqual(['Danach', 'Vorher'])
  })

  it('requests that arrive during the swap wait and then reach the restored library', async () => {
    const { call, host } = await openHost()
    await call('drafts.create', { title: 'Im Backup' })
    const backup = await call<{ name: string }>('safetyBackups.create')
    await call('drafts.create', { title: 'Nicht im Backup' })
    const restoring = host.dispatch('safetyBackups.restore', { name: backup.name })
    // Once the restore is under way (copying files), a new request must wait for the new library.
    await new Promise((resolve) => setImmediate(resolve))
    const listing = host.dispatch('drafts.list', {})
    expect((await restoring).ok).toBe(true)
    expect(titles(unwrap((await listing) as Envelope<DraftSummary[]>))).toEqual(['Im Backup'])
  })

  it('refuses a damaged or unknown backup and leaves the library open and unchanged', async () => {
    const { call, host, dataDir } = await openHost()
    await call('drafts.create', { title: 'Bleibt' })
    const backup = await call<{ name: string }>('safetyBackups.create')
    writeFileSync(join(dataDir, 'backups', backup.name), 'not a database at all '.repeat(500))
    const damaged = await host.dispatch('safetyBackups.restore', { name: backup.name })
    expect(damaged).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/damaged.*Your library is unchanged/) } })
    expect(await host.dispatch('safetyBackups.restore', { name: 'longhand-nope.sqlite' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(titles(await call('drafts.list', {}))).toEqual(['Bleibt'])
  })

  it('"Go back" to a 0-byte copy (an interrupted backup) is refused with a clear error and changes nothing', async () => {
    const { call, host, dataDir } = await openHost()
    await call('drafts.create', { title: 'Bleibt' })
    const good = await call<{ name: string }>('safetyBackups.create')
    const empty = good.name.replace(/-manual\.sqlite$/, '-scheduled.sqlite')
    writeFileSync(join(dataDir, 'backups', empty), '')
    const before = readdirSync(dataDir).sort()

    const result = await host.dispatch('safetyBackups.restore', { name: empty })
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/empty.*Your library is unchanged/) } })
    expect(titles(await call('drafts.list', {}))).toEqual(['Bleibt'])
    expect(readdirSync(dataDir).sort()).toEqual(before)
  })

  it('checkReadable refuses an empty file, which SQLite would open as an empty database', () => {
    const file = join(tempDir(), 'longhand-20261123T090000000Z-manual.sqlite')
    writeFileSync(file, '')
    expect(() => checkReadable(file)).toThrow(/empty/)
  })

  // Needs a real full disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('when the "before-restore" copy cannot be written (disk full) the restore stops, says why and leaves nothing behind', async () => {
    const { call, host, dataDir } = await openHost()
    await call('drafts.create', { title: 'Bleibt' })
    const backup = await call<{ name: string }>('safetyBackups.create')
    await call('drafts.create', { title: 'Auch' })
    const copy = readFileSync(join(dataDir, 'backups', backup.name))
    const backups = mountTmpfs(`size=${copy.length + 64 * 1024}`, join(dataDir, 'backups'))
    writeFileSync(join(backups, backup.name), copy)
    try {
      writeFileSync(join(backups, 'filler'), Buffer.alloc(64 * 1024))
    } catch {
      // the disk is full now, which is the point
    }

    const result = await host.dispatch('safetyBackups.restore', { name: backup.name })
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', details: ['disk-full'] } })
    expect(titles(await call('drafts.list', {}))).toEqual(['Auch', 'Bleibt'])
    expect(readdirSync(dataDir).filter((f) => f.includes('.restoring') || f.includes('before-restore') || f === 'restore-pending.json')).toEqual([])
    expect(readdirSync(backups).sort()).toEqual([backup.name, 'filler'].sort())
  })

  // Needs a real full disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('when the staged copy does not fit beside the library (disk full) the restore says why and leaves nothing behind', async () => {
    const disk = mountTmpfs('size=2m')
    const { call, host, dataDir } = await openHost(join(disk, 'lib'))
    await call('drafts.create', { title: 'Bleibt' })
    const backup = await call<{ name: string }>('safetyBackups.create')
    await call('drafts.create', { title: 'Auch' })
    fillDisk(disk)

    const result = await host.dispatch('safetyBackups.restore', { name: backup.name })
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', details: ['disk-full'] } })
    expect(titles(await call('drafts.list', {}))).toEqual(['Auch', 'Bleibt'])
    expect(readdirSync(dataDir).filter((f) => f.includes('.restoring') || f.includes('before-restore') || f === 'restore-pending.json')).toEqual([])
    host.close()
    hosts.splice(hosts.indexOf(host), 1)
  })

  it('a restore interrupted by a crash is finished when the library opens next', async () => {
    const dataDir = tempDir()
    const clock = manualClock()
    const first = await createServices({ dataDir, now: clock })
    first.drafts.create({ title: 'Gerettet' })
    const backup = await first.safetyBackups.create(first.db, 'manual')
    first.drafts.create({ title: 'Später' })
    const libraryFile = join(dataDir, 'longhand.sqlite')
    const pending = stageRestore(libraryFile, backup.file, clock())
    first.close()
    // The crash came after the marker and after the old file was moved aside, before the copy moved in.
    writeFileSync(join(dataDir, 'restore-pending.json'), JSON.stringify(pending))
    renameSync(libraryFile, pending.movedAsideTo)
    expect(existsSync(libraryFile)).toBe(false)

    const reopened = await createServices({ dataDir, now: clock })
    expect(titles(reopened.drafts.list())).toEqual(['Gerettet'])
    expect(existsSync(pending.movedAsideTo)).toBe(true)
    expect(existsSync(join(dataDir, 'restore-pending.json'))).toBe(false)
    reopened.close()
  })

  // restore-pending.json is trusted only for the two names stageRestore writes: a stale or
  // hand-edited marker must never move the library file aside or put another file over it.
  it.each([
    ['names the library file itself as the copy to restore', (lib: string) => ({ restoring: lib, movedAsideTo: `${lib}.before-restore-x` })],
    ['names the library file as where the old file goes', (lib: string) => ({ restoring: join(lib, '..', 'stranger.sqlite'), movedAsideTo: lib })],
    ['names another file beside the library', (lib: string) => ({ restoring: join(lib, '..', 'stranger.sqlite'), movedAsideTo: join(lib, '..', 'elsewhere.sqlite') })],
  ])('a marker that %s is ignored and the library opens unchanged', async (_case, plan) => {
    const dataDir = tempDir()
    const first = await createServices({ dataDir })
    first.drafts.create({ title: 'Meins' })
    first.close()
    const stranger = await createServices({ dataDir: tempDir() })
    stranger.drafts.create({ title: 'Fremd' })
    const strangerFile = join(stranger.dataDir, 'longhand.sqlite')
    stranger.close()
    writeFileSync(join(dataDir, 'stranger.sqlite'), readFileSync(strangerFile))
    const libraryFile = join(dataDir, 'longhand.sqlite')
    writeFileSync(join(dataDir, 'restore-pending.json'), JSON.stringify(plan(libraryFile)))

    const reopened = await createServices({ dataDir })
    expect(titles(reopened.drafts.list())).toEqual(['Meins'])
    reopened.close()
    expect(existsSync(join(dataDir, 'stranger.sqlite'))).toBe(true)
    expect(readdirSync(dataDir).filter((f) => f.includes('before-restore') || f === 'elsewhere.sqlite' || f === 'restore-pending.json')).toEqual([])
  })
})
