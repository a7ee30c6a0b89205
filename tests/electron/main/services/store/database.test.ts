import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createServices } from '../../../../../electron/main/services'
import { LibraryOpenError } from '../../../../../electron/main/services/store/open-failure'
import { manualClock, tempDir } from '../../../support/temp-library'

describe('opening the library', () => {
  it('uses WAL, synchronous=FULL and foreign keys', async () => {
    const services = await createServices({ dataDir: tempDir() })
    expect(services.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(services.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(services.db.pragma('foreign_keys', { simple: true })).toBe(1)
    services.close()
  })

  it('moves an unreadable file aside (never deletes it) and restores the newest good safety backup', async () => {
    const dir = tempDir()
    const clock = manualClock()
    const first = await createServices({ dataDir: dir, now: clock })
    const kept = first.drafts.create({ title: 'Im Backup' })
    await first.safetyBackups.create(first.db, 'scheduled')
    first.close()

    writeFileSync(join(dir, 'longhand.sqlite'), 'this is not a database, just garbage '.repeat(200))
    clock.advance(60_000)
    const reopened = await createServices({ dataDir: dir, now: clock })
    expect(reopened.recovery?.restoredFrom).toMatch(/longhand-.*-scheduled\.sqlite$/)
    expect(existsSync(reopened.recovery!.movedAsideTo)).toBe(true)
    expect(reopened.drafts.get(kept.id).title).toBe('Im Backup')
    reopened.close()
  })

  it('starts an empty library when the file is unreadable and no backup exists, keeping the bad file', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'longhand.sqlite'), Buffer.alloc(8192, 7))
    const services = await createServices({ dataDir: dir })
    expect(services.recovery).toMatchObject({ restoredFrom: null })
    expect(readdirSync(dir).some((f) => f.startsWith('longhand.sqlite.unreadable-'))).toBe(true)
    expect(services.drafts.list()).toEqual([])
    services.close()
  })

  it('does not start an empty library when the safety copies cannot be read: it says so and moves nothing', async () => {
    const dir = tempDir()
    const first = await createServices({ dataDir: dir })
    first.drafts.create({ title: 'Im Backup' })
    await first.safetyBackups.create(first.db, 'scheduled')
    first.close()
    // A real failure to read the folder that also happens as root: 'backups' is not a folder now.
    const backups = join(dir, 'backups')
    rmSync(backups, { recursive: true })
    writeFileSync(backups, 'not a folder')
    const damaged = 'this is not a database, just garbage '.repeat(200)
    writeFileSync(join(dir, 'longhand.sqlite'), damaged)

    const failure = await createServices({ dataDir: dir }).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(LibraryOpenError)
    expect((failure as LibraryOpenError).kind).toBe('io')
    expect((failure as LibraryOpenError).message).toContain('ENOTDIR')
    expect(readFileSync(join(dir, 'longhand.sqlite'), 'utf8')).toBe(damaged)
    expect(readdirSync(dir).some((f) => f.includes('.unreadable-'))).toBe(false)
  })

  it('keeps only the newest safety backups', async () => {
    const clock = manualClock()
    const services = await createServices({ dataDir: tempDir(), now: clock })
    for (let i = 0; i < 10; i++) {
      clock.advance(1000)
      await services.safetyBackups.create(services.db, 'scheduled')
    }
    const list = services.safetyBackups.list()
    expect(list).toHaveLength(7)
    expect(list[0]!.createdAt).toBe(clock())
    services.close()
  })
})
