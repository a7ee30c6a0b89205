import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { unwrap, type Envelope } from '@shared/ipc'
import type { SafetyBackupStatus } from '@shared/ipc/channels/transfer'
import { LibraryHost } from '../../../electron/main/library-host'
import { createServices } from '../../../electron/main/services'
import { HOUR_MS } from '../../../electron/main/services/store/safety-schedule'
import { canMount, fillDisk, mountTmpfs, remount } from '../support/mounts'
import { steppedTimer } from '../support/stepped-timer'
import { manualClock, tempDir } from '../support/temp-library'

const hosts: LibraryHost[] = []
afterEach(() => {
  while (hosts.length) hosts.pop()!.close()
})

/** A library host whose schedule runs when the test says so; the first copy is due at once. */
async function scheduledHost() {
  const dataDir = tempDir()
  const clock = manualClock()
  const timer = steppedTimer(clock)
  const logged: unknown[] = []
  const host = await LibraryHost.open({
    open: () => createServices({ dataDir, now: clock }),
    schedule: { timer, firstLookAfterMs: 0, onError: (error) => logged.push(error) },
    now: clock,
  })
  hosts.push(host)
  host.services.drafts.create({ title: 'Sicher' })
  const status = async () => unwrap((await host.dispatch('safetyBackups.status', {})) as Envelope<SafetyBackupStatus>)
  return { host, dataDir, clock, timer, logged, status, backups: join(dataDir, 'backups') }
}

describe('a failed scheduled safety copy is remembered until one succeeds', () => {
  it('backups/ is a file (ENOTDIR): the status says when and "other"; the next scheduled copy clears it', async () => {
    const { backups, clock, timer, logged, status } = await scheduledHost()
    rmSync(backups, { recursive: true, force: true })
    writeFileSync(backups, 'not a folder')
    const failedAt = clock()

    await timer.fire()
    expect(logged).toHaveLength(1)
    expect(await status()).toEqual({ lastFailure: { at: failedAt, kind: 'other' }, newestAt: null })

    // The retry an hour later, after the author has fixed the folder.
    rmSync(backups)
    clock.advance(HOUR_MS)
    await timer.fire()
    expect(await status()).toEqual({ lastFailure: null, newestAt: clock() })
  })

  it('a copies folder that cannot be read is told at once (status and list), not taken for "no copies"', async () => {
    const { backups, clock, host, status } = await scheduledHost()
    rmSync(backups, { recursive: true, force: true })
    writeFileSync(backups, 'not a folder')
    expect(await status()).toEqual({ lastFailure: { at: clock(), kind: 'other' }, newestAt: null })
    const listed = await host.dispatch('safetyBackups.list', {})
    expect(listed.ok).toBe(false)
    expect(listed.ok ? null : listed.error).toMatchObject({ code: 'storage', details: ['unreadable-folder', 'ENOTDIR'] })
    expect(listed.ok ? '' : listed.error.message).toContain('ENOTDIR')
  })

  it('"back up now" succeeding after a failed scheduled copy clears the failure too', async () => {
    const { backups, clock, timer, status, host } = await scheduledHost()
    rmSync(backups, { recursive: true, force: true })
    writeFileSync(backups, 'not a folder')
    await timer.fire()
    expect((await status()).lastFailure).not.toBeNull()

    rmSync(backups)
    clock.advance(60_000)
    expect((await host.dispatch('safetyBackups.create', {})).ok).toBe(true)
    expect(await status()).toEqual({ lastFailure: null, newestAt: clock() })
  })

  // A real full disk and a real read-only folder: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('the disk is full: "disk-full", and a later copy with space again clears it', async () => {
    const { backups, clock, timer, status } = await scheduledHost()
    mkdirSync(backups, { recursive: true })
    mountTmpfs('size=64k', backups)
    const filler = fillDisk(backups)
    await timer.fire()
    expect(await status()).toEqual({ lastFailure: { at: clock(), kind: 'disk-full' }, newestAt: null })

    rmSync(filler)
    mountTmpfs('size=8m', backups)
    clock.advance(HOUR_MS)
    await timer.fire()
    expect(await status()).toEqual({ lastFailure: null, newestAt: clock() })
  })

  // Needs a read-only file system that stops root too: a tmpfs remount, which only root on Linux may do.
  it.skipIf(!canMount)('the folder is read-only: "read-only"', async () => {
    const { backups, clock, timer, status } = await scheduledHost()
    mkdirSync(backups, { recursive: true })
    remount(mountTmpfs('size=1m', backups), 'ro')
    await timer.fire()
    expect(await status()).toEqual({ lastFailure: { at: clock(), kind: 'read-only' }, newestAt: null })
  })

  it('before anything failed the status is clear and names the newest copy', async () => {
    const { host, status } = await scheduledHost()
    expect(await status()).toEqual({ lastFailure: null, newestAt: null })
    const { createdAt } = await host.services.safetyBackups.create(host.services.db, 'manual')
    expect(await status()).toEqual({ lastFailure: null, newestAt: createdAt })
  })
})
