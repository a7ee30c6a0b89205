import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../../../../electron/main/services'
import { manualClock, tempDir } from '../../../support/temp-library'
import { canMount, mountTmpfs, remount } from '../../../support/mounts'
import { holdExclusiveLock, listing } from '../../../support/real-failures'

/**
 * Only a damaged file is ever moved aside. Every other way opening can fail — a lock held by
 * another program, a read-only folder, an engine that does not load, a newer schema — is a
 * clear, typed error, and the library stays exactly where and what it was.
 */

async function libraryWithDrafts(dir: string, count = 5, clock = manualClock()): Promise<string[]> {
  const services = await createServices({ dataDir: dir, now: clock })
  const titles = Array.from({ length: count }, (_, i) => `Entwurf ${i + 1}`)
  for (const title of titles) services.drafts.create({ title })
  services.close()
  return titles
}

async function openFailure(options: Parameters<typeof createServices>[0]): Promise<Error & { kind?: string }> {
  const result = await createServices(options).then(
    (services: Services) => {
      services.close()
      return null
    },
    (error: unknown) => error as Error & { kind?: string },
  )
  if (!result) throw new Error('expected opening the library to fail')
  return result
}

const movedAside = (dir: string) => listing(dir).filter((name) => /unreadable|before-restore/.test(name))

async function titlesIn(dir: string): Promise<string[]> {
  const services = await createServices({ dataDir: dir })
  try {
    return services.drafts
      .list()
      .map((d) => d.title)
      .sort()
  } finally {
    services.close()
  }
}

describe('opening a library that another program has locked', () => {
  it('refuses with a "busy" error, moves nothing, and opens with every draft once the lock is gone', async () => {
    const dir = tempDir()
    const titles = await libraryWithDrafts(dir)
    const lock = await holdExclusiveLock(join(dir, 'longhand.sqlite'))

    const error = await openFailure({ dataDir: dir })
    expect(error.kind).toBe('busy')
    expect(error.message).toMatch(/another program/i)
    expect(error.message).toMatch(/Nothing was moved/)
    expect(movedAside(dir)).toEqual([])

    await lock.release()
    expect(await titlesIn(dir)).toEqual(titles)
  })
})

describe('opening a library in a read-only folder', () => {
  // Needs a real full or read-only disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('refuses with a "read-only" error and moves nothing (even for root)', async () => {
    const disk = mountTmpfs('size=4m')
    const titles = await libraryWithDrafts(disk)
    const before = listing(disk)
    remount(disk, 'ro')

    const error = await openFailure({ dataDir: disk })
    expect(error.kind).toBe('read-only')
    expect(error.message).toContain(disk)
    expect(error.message).toMatch(/Nothing was moved/)
    expect(listing(disk)).toEqual(before)

    remount(disk, 'rw')
    expect(await titlesIn(disk)).toEqual(titles)
  })

  // Needs a real full or read-only disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('refuses with a "read-only" error when the library folder cannot even be created', async () => {
    const disk = mountTmpfs('size=64k')
    remount(disk, 'ro')
    const error = await openFailure({ dataDir: join(disk, 'longhand-data') })
    expect(error.kind).toBe('read-only')
    expect(listing(disk)).toEqual([])
  })
})

describe('opening with an SQLite engine that does not load', () => {
  it('refuses with an "engine" error, moves nothing, and a working engine later sees every draft', async () => {
    const dir = tempDir()
    const titles = await libraryWithDrafts(dir)
    const before = listing(dir)

    const missing = await openFailure({ dataDir: dir, nativeBinding: join(dir, 'no-such-engine', 'better_sqlite3.node') })
    expect(missing.kind).toBe('engine-missing')
    expect(missing.message).toMatch(/Nothing was moved/)
    const fake = join(tempDir(), 'better_sqlite3.node')
    writeFileSync(fake, 'this is not a native module')
    const broken = await openFailure({ dataDir: dir, nativeBinding: fake })
    expect(broken.kind).toBe('engine-missing')
    expect(listing(dir)).toEqual(before)

    expect(await titlesIn(dir)).toEqual(titles)
  })
})

describe('opening a library written by a newer Longhand', () => {
  it('refuses untouched', async () => {
    const dir = tempDir()
    await libraryWithDrafts(dir, 2)
    const raw = new Database(join(dir, 'longhand.sqlite'))
    raw.pragma('user_version = 999')
    raw.close()
    const before = listing(dir)
    const bytes = statSync(join(dir, 'longhand.sqlite')).size

    const error = await openFailure({ dataDir: dir })
    expect(error.kind).toBe('schema-too-new')
    expect(error.message).toMatch(/newer version of Longhand/)
    expect(listing(dir)).toEqual(before)
    expect(statSync(join(dir, 'longhand.sqlite')).size).toBe(bytes)
    const check = new Database(join(dir, 'longhand.sqlite'), { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(999)
    check.close()
  })
})

describe('a library file that is empty (zero bytes)', () => {
  it('is moved aside and the newest good safety copy restored, and the recovery says so', async () => {
    const dir = tempDir()
    const clock = manualClock()
    const first = await createServices({ dataDir: dir, now: clock })
    first.drafts.create({ title: 'Älter' })
    await first.safetyBackups.create(first.db, 'scheduled')
    clock.advance(60_000)
    first.drafts.create({ title: 'Neuer' })
    const newest = await first.safetyBackups.create(first.db, 'scheduled')
    first.close()

    truncateSync(join(dir, 'longhand.sqlite'), 0)
    clock.advance(60_000)
    const reopened = await createServices({ dataDir: dir, now: clock })
    try {
      expect(reopened.recovery).toMatchObject({ reason: 'empty', restoredFrom: newest.file, restoredFromTakenAt: newest.createdAt, at: clock() })
      expect(existsSync(reopened.recovery!.movedAsideTo)).toBe(true)
      expect(statSync(reopened.recovery!.movedAsideTo).size).toBe(0)
      expect(
        reopened.drafts
          .list()
          .map((d) => d.title)
          .sort(),
      ).toEqual(['Neuer', 'Älter'])
      // Restored drafts need no welcome draft on top.
      expect(reopened.ensureWelcome('de')).toBeNull()
    } finally {
      reopened.close()
    }
  })

  it('is moved aside when no copy exists either, and the recovery says that no copy was there', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'longhand.sqlite'), '')
    const services = await createServices({ dataDir: dir })
    try {
      expect(services.recovery).toMatchObject({ reason: 'empty', restoredFrom: null, restoredFromTakenAt: null })
      expect(existsSync(services.recovery!.movedAsideTo)).toBe(true)
    } finally {
      services.close()
    }
  })

  // SQLite reads a 0-byte file as an empty database even with a -wal beside it (it never
  // replays a WAL onto an empty file), and the first write (the migrations) resets that WAL:
  // the frames it held would be gone and an empty library would start without a word.
  it('is moved aside with its -wal when a -wal lies beside it, and the -wal is kept', async () => {
    const dir = tempDir()
    const clock = manualClock()
    const first = await createServices({ dataDir: dir, now: clock })
    first.drafts.create({ title: 'Im Backup' })
    await first.safetyBackups.create(first.db, 'scheduled')
    first.db.pragma('wal_autocheckpoint = 0')
    first.drafts.create({ title: 'Nur im WAL' })
    const file = join(dir, 'longhand.sqlite')
    const wal = readFileSync(`${file}-wal`)
    first.close()
    writeFileSync(`${file}-wal`, wal)
    truncateSync(file, 0)

    const reopened = await createServices({ dataDir: dir, now: clock })
    try {
      expect(reopened.recovery).toMatchObject({ reason: 'empty' })
      expect(reopened.drafts.list().map((d) => d.title)).toEqual(['Im Backup'])
      expect(readFileSync(`${reopened.recovery!.movedAsideTo}-wal`).equals(wal)).toBe(true)
    } finally {
      reopened.close()
    }
  })
})

describe('a damaged library file', () => {
  it('reports what was moved where and which copy came back from when', async () => {
    const dir = tempDir()
    const clock = manualClock()
    const first = await createServices({ dataDir: dir, now: clock })
    first.drafts.create({ title: 'Im Backup' })
    const copy = await first.safetyBackups.create(first.db, 'scheduled')
    first.close()
    writeFileSync(join(dir, 'longhand.sqlite'), 'this is not a database, just garbage '.repeat(200))
    clock.advance(60_000)
    const reopened = await createServices({ dataDir: dir, now: clock })
    try {
      expect(reopened.recovery).toMatchObject({ reason: 'damaged', restoredFrom: copy.file, restoredFromTakenAt: copy.createdAt, at: clock() })
      expect(reopened.recovery!.movedAsideTo).toBe(join(dir, `longhand.sqlite.unreadable-${new Date(clock()).toISOString().replace(/[:.]/g, '-')}`))
    } finally {
      reopened.close()
    }
  })
})

describe('a damaged library file whose only safety copy a newer Longhand made', () => {
  // The author has used a newer Longhand since: starting an empty library here would hide
  // their work behind "there was no safety copy". Updating Longhand is the way back.
  it('is left where it is, with a "schema-too-new" error, instead of starting an empty library', async () => {
    const dir = tempDir()
    const first = await createServices({ dataDir: dir })
    first.drafts.create({ title: 'Neuere Version' })
    const copy = await first.safetyBackups.create(first.db, 'scheduled')
    first.close()
    const db = new Database(copy.file)
    db.pragma('user_version = 999')
    db.close()
    writeFileSync(join(dir, 'longhand.sqlite'), 'kaputt '.repeat(1000))
    const before = listing(dir)

    const error = await openFailure({ dataDir: dir })
    expect(error.kind).toBe('schema-too-new')
    expect(error.message).toMatch(/schema 999/)
    expect(listing(dir)).toEqual(before)
  })
})

describe('a recovery cut short by a crash', () => {
  it('is finished at the next start: the complete safety copy waiting beside a moved-aside file becomes the library', async () => {
    const dir = tempDir()
    const first = await createServices({ dataDir: dir })
    first.drafts.create({ title: 'Gerettet' })
    const copy = await first.safetyBackups.create(first.db, 'scheduled')
    first.close()
    // The crash came after the damaged file was moved aside and before the copy was renamed in.
    renameSync(join(dir, 'longhand.sqlite'), join(dir, 'longhand.sqlite.unreadable-2026-11-23T09-00-00-000Z'))
    copyFileSync(copy.file, join(dir, 'longhand.sqlite.recovering'))

    const services = await createServices({ dataDir: dir })
    try {
      expect(services.drafts.list().map((d) => d.title)).toEqual(['Gerettet'])
      expect(existsSync(join(dir, 'longhand.sqlite.recovering'))).toBe(false)
    } finally {
      services.close()
    }
  })

  // The crash came after the damaged file was moved aside, before its -wal followed: that -wal
  // belongs to the damaged library and must not be replayed onto the copy. And the author is
  // told, as after a recovery that was not interrupted.
  it('moves the damaged file\'s -wal aside to it instead of replaying it onto the copy, and says so', async () => {
    const dir = tempDir()
    const clock = manualClock()
    const first = await createServices({ dataDir: dir, now: clock })
    first.drafts.create({ title: 'Gerettet' })
    const copy = await first.safetyBackups.create(first.db, 'scheduled')
    first.db.pragma('wal_autocheckpoint = 0')
    first.drafts.create({ title: 'Nur im WAL des kaputten' })
    const file = join(dir, 'longhand.sqlite')
    const wal = readFileSync(`${file}-wal`)
    first.close()
    writeFileSync(`${file}-wal`, wal)
    const aside = `${file}.unreadable-2026-11-23T09-00-00-000Z`
    writeFileSync(aside, 'kaputt '.repeat(1000))
    rmSync(file)
    copyFileSync(copy.file, `${file}.recovering`)

    const services = await createServices({ dataDir: dir, now: clock })
    try {
      expect(services.drafts.list().map((d) => d.title)).toEqual(['Gerettet'])
      expect(readFileSync(`${aside}-wal`).equals(wal)).toBe(true)
      expect(services.recovery).toMatchObject({ reason: 'damaged', movedAsideTo: aside, restoredFrom: copy.file, restoredFromTakenAt: copy.createdAt })
    } finally {
      services.close()
    }
  })
})

describe('a damaged file that cannot be replaced right now', () => {
  // Needs a real full or read-only disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('on a read-only disk: a "read-only" error, and the damaged file stays where it is', async () => {
    const disk = mountTmpfs('size=4m')
    const services = await createServices({ dataDir: disk })
    await services.safetyBackups.create(services.db, 'scheduled')
    services.close()
    writeFileSync(join(disk, 'longhand.sqlite'), 'garbage '.repeat(1000))
    const before = listing(disk)
    remount(disk, 'ro')

    const error = await openFailure({ dataDir: disk })
    expect(error.kind).toBe('read-only')
    expect(listing(disk)).toEqual(before)
  })

  // Needs a real full or read-only disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('on a full disk: a "disk-full" error, the damaged file stays, and no partial copy is left', async () => {
    const disk = mountTmpfs('size=4m')
    const services = await createServices({ dataDir: disk })
    services.drafts.create({ title: 'x', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Füllung '.repeat(10_000) }] }] } })
    await services.safetyBackups.create(services.db, 'scheduled')
    services.close()
    writeFileSync(join(disk, 'longhand.sqlite'), 'garbage '.repeat(1000))
    let n = 0
    try {
      for (;;) writeFileSync(join(disk, `filler-${n++}`), Buffer.alloc(16 * 1024, 1))
    } catch {
      // ENOSPC: full
    }
    const before = listing(disk)

    const error = await openFailure({ dataDir: disk })
    expect(error.kind).toBe('disk-full')
    expect(error.message).toMatch(/Nothing was moved/)
    expect(listing(disk)).toEqual(before)
  })
})
