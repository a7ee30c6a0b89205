import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { docFromParagraphs } from '@shared/domain'
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

  // A restored safety copy is in rollback-journal mode until the library first opens it; a kill
  // while that open switches it to WAL (or migrates it) leaves a hot journal. SQLite rolls it back
  // only on a connection that may write: the read-only look before opening must not take the
  // file for damaged or the folder for read-only (tests/e2e/backup-kill.test.ts hit this).
  it('opens a file with a hot rollback journal beside it, rolled back, as before', async () => {
    const dir = tempDir()
    const file = join(dir, 'longhand.sqlite')
    const first = await createServices({ dataDir: dir })
    for (let i = 1; i <= 20; i++) first.drafts.create({ title: `Entwurf ${i}`, doc: docFromParagraphs(['Worte '.repeat(400)]) })
    first.close()
    const writer = new Database(file)
    writer.pragma('journal_mode = DELETE')
    writer.pragma('cache_size = 1')
    writer.exec('BEGIN IMMEDIATE')
    writer.prepare("UPDATE drafts SET title = 'HALB GESCHRIEBEN'").run()
    writer.prepare('INSERT INTO revisions (draft_id, title, doc, word_count, reason, created_at) SELECT draft_id, title, doc, word_count, reason, created_at FROM revisions').run()
    copyFileSync(file, `${file}.at-kill`)
    copyFileSync(`${file}-journal`, `${file}-journal.at-kill`)
    writer.exec('ROLLBACK')
    writer.close()
    renameSync(`${file}.at-kill`, file)
    renameSync(`${file}-journal.at-kill`, `${file}-journal`)
    expect(statSync(`${file}-journal`).size).toBeGreaterThan(0)

    const next = await createServices({ dataDir: dir, integrity: 'at-open' })
    try {
      expect(next.recovery).toBeNull()
      expect(next.drafts.list().map((d) => d.title)).not.toContain('HALB GESCHRIEBEN')
      expect(next.drafts.count()).toBe(20)
      expect(existsSync(`${file}-journal`)).toBe(false)
    } finally {
      next.close()
    }
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
