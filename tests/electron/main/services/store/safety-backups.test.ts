import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs } from '@shared/domain'
import { LonghandError } from '@shared/ipc'
import type { Services } from '../../../../../electron/main/services'
import { LATEST_SCHEMA_VERSION } from '../../../../../electron/main/services/store/migrations'
import { SafetyBackups } from '../../../../../electron/main/services/store/safety-backups'
import { canMount, mountTmpfs } from '../../../support/mounts'
import { manualClock, tempDir, tempLibrary } from '../../../support/temp-library'

/** The name a copy taken at `at` for `reason` gets (the same scheme SafetyBackups uses). */
function nameAt(at: number, reason = 'scheduled'): string {
  return `longhand-${new Date(at).toISOString().replace(/[-:.]/g, '')}-${reason}.sqlite`
}

/** A library of ~`kib` KiB, so SQLite's online backup needs several steps to copy it. */
function fill(services: Services, kib: number): void {
  const paragraph = 'Ein Absatz, der nur Platz braucht, damit die Kopie dauert. '.repeat(16)
  for (let i = 0; i < kib / 4; i++) services.drafts.create({ title: `Füllung ${i}`, doc: docFromParagraphs([paragraph, paragraph, paragraph]) })
}

const draftCount = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) FROM drafts').pluck().get() as number) ?? 0
  } finally {
    db.close()
  }
}

describe('safety copies that are what they claim', () => {
  it('never lists or recovers from a 0-byte or half-written copy, however new', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    services.drafts.create({ title: 'Gut' })
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000)
      await services.safetyBackups.create(services.db, 'scheduled')
    }
    const good = services.safetyBackups.list()
    expect(good).toHaveLength(5)
    const dir = services.safetyBackups.dir
    // What a kill in the middle of a backup left behind on today's code: newer names, no content.
    writeFileSync(join(dir, nameAt(clock() + 1000)), '')
    const whole = readFileSync(good[0]!.file)
    writeFileSync(join(dir, nameAt(clock() + 2000)), whole.subarray(0, whole.length / 2))
    writeFileSync(join(dir, nameAt(clock() + 3000, 'manual')), 'not a database at all '.repeat(300))

    expect(services.safetyBackups.list().map((b) => b.name)).toEqual(good.map((b) => b.name))
    expect(services.safetyBackups.newestReadable()).toBe(good[0]!.file)
  })

  it('pruning counts only valid copies, deletes the partial ones and keeps the good ones', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    services.drafts.create({ title: 'Gut' })
    const older = await services.safetyBackups.create(services.db, 'scheduled')
    const dir = services.safetyBackups.dir
    // Seven interrupted copies, all newer than the good one (seven kills in a row).
    for (let i = 1; i <= 7; i++) writeFileSync(join(dir, nameAt(clock() + i * 1000)), '')
    clock.advance(60_000)
    const newer = await services.safetyBackups.create(services.db, 'manual')

    expect(services.safetyBackups.list().map((b) => b.name)).toEqual([newer.name, older.name])
    expect(existsSync(older.file)).toBe(true)
    expect(readdirSync(dir).sort()).toEqual([older.name, newer.name].sort())
  })

  it('keeps the newest `keep` valid copies', async () => {
    const clock = manualClock()
    const backups = new SafetyBackups(tempDir(), 3, clock)
    const services = await tempLibrary({ now: clock })
    for (let i = 0; i < 5; i++) {
      clock.advance(1000)
      await backups.create(services.db, 'scheduled')
    }
    const list = backups.list()
    expect(list).toHaveLength(3)
    expect(list[0]!.createdAt).toBe(clock())
  })

  it('writes the copy under a name the list never shows until it is complete and checked', async () => {
    const services = await tempLibrary()
    fill(services, 1500)
    const drafts = services.drafts.count()
    const { dir } = services.safetyBackups
    const taking = services.safetyBackups.create(services.db, 'manual')
    const seen: string[][] = []
    let done = false
    void taking.then(() => (done = true))
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve))
      if (!done) seen.push(services.safetyBackups.list().map((b) => b.name))
    }
    // The copy took several steps, and in none of them was an unfinished file offered.
    expect(seen.length).toBeGreaterThan(2)
    expect(seen.every((names) => names.length === 0)).toBe(true)
    const taken = await taking
    expect(services.safetyBackups.list().map((b) => b.name)).toEqual([taken.name])
    expect(draftCount(taken.file)).toBe(drafts)
    // A finished copy is one self-contained file: nothing beside it, not even after checking it.
    expect(readdirSync(dir)).toEqual([taken.name])
  })

  it('does not list a copy too new for this app, nor one that is not a Longhand library, and never deletes the newer one', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    const dir = services.safetyBackups.dir
    const taken = await services.safetyBackups.create(services.db, 'scheduled')

    const tooNew = join(dir, nameAt(clock() + 1000, 'from-a-newer-app'))
    writeFileSync(tooNew, readFileSync(taken.file))
    const edit = new Database(tooNew)
    edit.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    edit.close()
    const empty = join(dir, nameAt(clock() + 2000, 'empty-database'))
    new Database(empty).exec('CREATE TABLE other (x)')

    expect(services.safetyBackups.list().map((b) => b.name)).toEqual([taken.name])
    clock.advance(60_000)
    await services.safetyBackups.create(services.db, 'manual')
    // A copy from a newer Longhand holds the author's text: it stays for that version to use.
    expect(existsSync(tooNew)).toBe(true)
    expect(existsSync(empty)).toBe(false)
  })
})

describe('a safety backup that fails', () => {
  // Needs a real full disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('on a full disk says so and leaves no partial file', async () => {
    const disk = mountTmpfs('size=256k')
    const services = await tempLibrary()
    fill(services, 1200)
    const backups = new SafetyBackups(disk)
    const error = await backups.create(services.db, 'manual').then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(LonghandError)
    expect((error as LonghandError).code).toBe('storage')
    expect((error as LonghandError).details).toEqual(['disk-full'])
    expect((error as LonghandError).message).toMatch(/disk is full/)
    expect(readdirSync(disk)).toEqual([])
    expect(backups.list()).toEqual([])
    // The library itself carries on.
    expect(services.drafts.count()).toBeGreaterThan(0)
  })
})
