import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, snippetRuns } from '@shared/domain'
import { createServices, DATABASE_FILE, type Services } from '../../../../electron/main/services'
import { writeBlockedBy } from '../../../../electron/main/services/search-index'
import { canMount, fillDisk, mountTmpfs } from '../../support/mounts'
import { tempLibrary } from '../../support/temp-library'

/** Enough text that catching it up needs far more room than a full disk has left. */
const longText = (n: number) => Array.from({ length: n }, (_, i) => `Flutwelle${i % 89} rollt heran`).join(' ')

/** Two drafts, one of them saved since the index last caught up (stale). */
function withStaleDraft({ drafts, db }: Services) {
  const kept = drafts.create({ title: 'Leuchtturm', doc: docFromParagraphs(['Ein Leuchtturm am Meer.']) })
  const edited = drafts.create({ title: 'Notizen', doc: docFromParagraphs(['Alte Zeile über Ebbe.']) })
  drafts.list()
  drafts.saveContent(edited.id, docFromParagraphs(['Neue Zeile über Flut.', longText(20_000)]))
  const isStale = () => db.prepare('SELECT text_stale FROM drafts WHERE id = ?').pluck().get(edited.id) === 1
  expect(isStale()).toBe(true)
  return { kept, edited, isStale }
}

/** What the author expects to read back, whether or not the index could catch up. */
function expectReadsAnswer({ drafts, search }: Services, { kept, edited }: ReturnType<typeof withStaleDraft>, editedWordCount: number) {
  const listed = drafts.list()
  expect(listed.map((d) => d.id)).toEqual([edited.id, kept.id])
  expect(listed.find((d) => d.id === edited.id)!.wordCount).toBe(editedWordCount)
  // The newest text is found, with its own snippet; the text it replaced is not.
  const [hit, ...rest] = search.query('flut')
  expect(rest).toEqual([])
  expect(hit!.id).toBe(edited.id)
  expect(snippetRuns(hit!.snippet).map((r) => r.text).join('')).toMatch(/^Neue Zeile über Flut\./)
  expect(search.query('ebbe')).toEqual([])
  expect(search.query('Flutwelle7 rollt').map((h) => h.id)).toEqual([edited.id])
  // Drafts the index is current for are searched as always.
  expect(search.query('leuchtturm meer').map((h) => h.id)).toEqual([kept.id])
  expect(search.query('"zeile über" OR meer').map((h) => h.id).sort()).toEqual([kept.id, edited.id].sort())
}

describe('Reading never needs to write', () => {
  // Needs a real full or read-only disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('lists and searches on a full disk, the newest text included, and catches up once there is room', async () => {
    const disk = mountTmpfs('size=4m')
    const services = await createServices({ dataDir: join(disk, 'library') })
    let filler: string | null = null
    try {
      const drafts = withStaleDraft(services)
      // An empty WAL: any write now needs new room on the disk.
      services.db.pragma('wal_checkpoint(TRUNCATE)')
      filler = fillDisk(disk)
      // Saving fails on a full disk (that is the save path's to report); reading must not.
      expect(() => services.drafts.saveContent(drafts.kept.id, docFromParagraphs([longText(5_000)]))).toThrow(/full/)
      expectReadsAnswer(services, drafts, 4)
      expect(drafts.isStale()).toBe(true)

      rmSync(filler)
      filler = null
      expectReadsAnswer(services, drafts, 4 + 3 * 20_000)
      expect(drafts.isStale()).toBe(false)
    } finally {
      if (filler) rmSync(filler)
      services.close()
    }
  })

  it('lists and searches when the library refuses writes (read-only)', async () => {
    const services = await tempLibrary()
    const drafts = withStaleDraft(services)
    const trashed = services.drafts.create({ title: 'Weg damit', doc: docFromParagraphs(['Auch über Flut.']) })
    services.drafts.saveContent(trashed.id, docFromParagraphs(['Flut im Papierkorb.']))
    services.drafts.trash(trashed.id)
    services.db.pragma('query_only = ON')
    // Stale or not, a draft in the trash is not searched.
    expectReadsAnswer(services, drafts, 4)
    expect(drafts.isStale()).toBe(true)
    services.db.pragma('query_only = OFF')
  })

  it('lists and searches without waiting while another connection holds the write lock', async () => {
    const services = await tempLibrary()
    const drafts = withStaleDraft(services)
    const other = new Database(join(services.dataDir, DATABASE_FILE))
    try {
      other.exec('BEGIN IMMEDIATE')
      expectReadsAnswer(services, drafts, 4)
      expect(drafts.isStale()).toBe(true)
      other.exec('ROLLBACK')
    } finally {
      other.close()
    }
    expectReadsAnswer(services, drafts, 4 + 3 * 20_000)
    expect(drafts.isStale()).toBe(false)
  })

  it('still reports any other failure to catch up', async () => {
    const services = await tempLibrary()
    withStaleDraft(services)
    services.db.exec("CREATE TEMP TRIGGER refuse BEFORE UPDATE OF word_count ON main.drafts BEGIN SELECT RAISE(ABORT, 'refused by test'); END")
    expect(() => services.drafts.list()).toThrow(/refused by test/)
    expect(() => services.search.query('flut')).toThrow(/refused by test/)
    services.db.exec('DROP TRIGGER temp.refuse')
  })

  it('classifies only full, read-only and busy as a write the library cannot take now', () => {
    const sqliteError = (code: string) => Object.assign(new Error(code), { code })
    expect(writeBlockedBy(sqliteError('SQLITE_FULL'))).toBe('disk-full')
    expect(writeBlockedBy(sqliteError('SQLITE_READONLY'))).toBe('read-only')
    expect(writeBlockedBy(sqliteError('SQLITE_READONLY_DBMOVED'))).toBe('read-only')
    expect(writeBlockedBy(sqliteError('SQLITE_BUSY'))).toBe('busy')
    expect(writeBlockedBy(sqliteError('SQLITE_BUSY_SNAPSHOT'))).toBe('busy')
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_IOERR_WRITE', 'SQLITE_CONSTRAINT_TRIGGER', 'SQLITE_ERROR', 'SQLITE_LOCKED']) {
      expect(writeBlockedBy(sqliteError(code))).toBeNull()
    }
    expect(writeBlockedBy(new Error('no code'))).toBeNull()
    expect(writeBlockedBy(null)).toBeNull()
  })
})
