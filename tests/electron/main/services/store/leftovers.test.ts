import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIBRARY_BACKUP_FOLDER } from '../../../../../electron/main/ipc/handlers/transfer'
import { createServices } from '../../../../../electron/main/services'
import { salvageReportOf } from '../../../../../electron/main/services/store/database'
import { cleanLeftovers, LIBRARY_BACKUPS } from '../../../../../electron/main/services/store/leftovers'
import { manualClock, tempDir } from '../../../support/temp-library'

describe('leftovers of interrupted work are cleaned at start', () => {
  it('removes partial copies, temporary backup folders, a stale .restoring and orphan journals; keeps everything that may hold the only copy', async () => {
    const dataDir = tempDir()
    const clock = manualClock()
    const first = await createServices({ dataDir, now: clock })
    first.drafts.create({ title: 'Bleibt' })
    const good = await first.safetyBackups.create(first.db, 'manual')
    first.close()

    const backups = join(dataDir, 'backups')
    const library = join(dataDir, 'longhand.sqlite')
    const folderTemp = join(dataDir, LIBRARY_BACKUPS, '.Longhand backup 2026-11-23 09-00-00.0123456789ab.tmp')
    mkdirSync(join(folderTemp, 'images'), { recursive: true })
    writeFileSync(join(folderTemp, '0001-bleibt.md'), '# Bleibt')
    const gone = [
      // A copy a kill interrupted (and the journal SQLite kept for it).
      join(backups, 'longhand-20261123T090100000Z-scheduled.sqlite.partial-1a2b3c4d'),
      join(backups, 'longhand-20261123T090100000Z-scheduled.sqlite.partial-1a2b3c4d-journal'),
      // Side files of a copy that pruning already removed.
      join(backups, 'longhand-20261120T090000000Z-scheduled.sqlite-wal'),
      join(backups, 'longhand-20261120T090000000Z-scheduled.sqlite-shm'),
      join(backups, 'longhand-20261120T090000000Z-scheduled.sqlite-journal'),
      // A restore that never got as far as its marker: the library was never touched.
      `${library}.restoring`,
      // A damage marker a crash cut off before its rename (the check runs again after this start).
      `${library}.damaged.partial`,
    ]
    const kept = [
      `${library}.unreadable-2026-11-20T09-00-00-000Z`,
      `${library}.unreadable-2026-11-20T09-00-00-000Z-wal`,
      `${library}.before-restore-2026-11-21T09-00-00-000Z`,
      `${library}.before-restore-2026-11-21T09-00-00-000Z-wal`,
      join(backups, 'notes.txt'),
      join(dataDir, LIBRARY_BACKUPS, 'Longhand backup 2026-11-22 09-00-00', 'manifest.json'),
      join(dataDir, LIBRARY_BACKUPS, '.Longhand backup 2026-11-22 09-00-00.0123456789ab.tmp.txt'),
    ]
    for (const file of [...gone, ...kept]) {
      mkdirSync(join(file, '..'), { recursive: true })
      writeFileSync(file, 'x')
    }

    const reopened = await createServices({ dataDir, now: clock })
    for (const file of gone) expect(existsSync(file), file).toBe(false)
    expect(existsSync(folderTemp)).toBe(false)
    for (const file of kept) expect(existsSync(file), file).toBe(true)
    expect(reopened.drafts.list().map((d) => d.title)).toEqual(['Bleibt'])
    expect(readdirSync(backups).sort()).toEqual([good.name, 'notes.txt'].sort())
    reopened.close()
  })

  it('keeps the .restoring copy while a restore marker says a restore is in flight (completePendingRestore finishes it)', () => {
    const dataDir = tempDir()
    const library = join(dataDir, 'longhand.sqlite')
    writeFileSync(`${library}.restoring`, 'x')
    writeFileSync(join(dataDir, 'restore-pending.json'), JSON.stringify({ restoring: `${library}.restoring`, movedAsideTo: `${library}.before-restore-x` }))
    expect(cleanLeftovers(dataDir)).toEqual([])
    expect(existsSync(`${library}.restoring`)).toBe(true)
  })

  it('removes a salvage report left after its recovery finished, keeps it while its staged copy still waits', () => {
    const dataDir = tempDir()
    const library = join(dataDir, 'longhand.sqlite')
    writeFileSync(salvageReportOf(library), '{}')
    writeFileSync(`${library}.recovering`, 'x')
    expect(cleanLeftovers(dataDir)).toEqual([])
    rmSync(`${library}.recovering`)
    expect(cleanLeftovers(dataDir)).toEqual([salvageReportOf(library)])
    expect(existsSync(salvageReportOf(library))).toBe(false)
  })

  it('knows the library-backup folder under the name the handlers use', () => {
    expect(LIBRARY_BACKUPS).toBe(LIBRARY_BACKUP_FOLDER)
  })
})
