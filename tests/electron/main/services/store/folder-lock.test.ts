import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { docFromParagraphs } from '@shared/domain'
import { docToPlainText } from '@shared/text/words'
import { describe, expect, it } from 'vitest'
import { LibraryHost } from '../../../../../electron/main/library-host'
import { createServices } from '../../../../../electron/main/services'
import { canMount, mountTmpfs } from '../../../support/mounts'
import { folderLockIsFree } from '../../../support/real-failures'
import { tempDir } from '../../../support/temp-library'

/**
 * One process per library. (Two real processes are tested end to end in
 * tests/e2e/one-process-per-library.test.ts; SQLite's locks also separate two openings inside
 * one process, which is what these faster tests use.)
 */
describe('the library folder lock', () => {
  it('refuses a second opening of the same folder with a clear "in use" error naming the process', async () => {
    const dir = tempDir()
    const first = await createServices({ dataDir: dir })
    const draft = first.drafts.create({ title: 'Erster' })
    const second = await createServices({ dataDir: dir }).then(
      (s) => (s.close(), null),
      (e: unknown) => e as Error & { kind?: string },
    )
    expect(second?.kind).toBe('in-use')
    expect(second?.message).toContain(`Longhand is already open with this library (process ${process.pid})`)
    // The first is unaffected: it still saves.
    expect(() => first.drafts.saveContent(draft.id, docFromParagraphs(['Noch da']))).not.toThrow()
    first.close()

    const third = await createServices({ dataDir: dir })
    expect(third.drafts.get(draft.id).title).toBe('Erster')
    third.close()
  })

  it('is held against other processes while the library is open, and free after close()', async () => {
    const dir = tempDir()
    const services = await createServices({ dataDir: dir })
    expect(folderLockIsFree(dir)).toBe(false)
    services.close()
    expect(folderLockIsFree(dir)).toBe(true)
  })

  it('stays held while the library closes and reopens around a restore, so no other process gets in between', async () => {
    const dir = tempDir()
    const first = await createServices({ dataDir: dir })
    first.close({ reopening: true })
    expect(folderLockIsFree(dir)).toBe(false)
    const reopened = await createServices({ dataDir: dir })
    expect(folderLockIsFree(dir)).toBe(false)
    reopened.close()
    expect(folderLockIsFree(dir)).toBe(true)
  })

  it('stays held through a whole restore of a safety copy (LibraryHost), up to the reopened library', async () => {
    const dir = tempDir()
    const freeWhileReopening: boolean[] = []
    let opens = 0
    const host = await LibraryHost.open({
      open: () => {
        if (opens++ > 0) freeWhileReopening.push(folderLockIsFree(dir))
        return createServices({ dataDir: dir })
      },
      schedule: false,
    })
    try {
      const copy = await host.services.safetyBackups.create(host.services.db, 'scheduled')
      await host.restoreSafetyBackup(copy.name)
      expect(freeWhileReopening).toEqual([false])
      expect(folderLockIsFree(dir)).toBe(false)
    } finally {
      host.close()
    }
    expect(folderLockIsFree(dir)).toBe(true)
  })

  it('a lock that cannot be taken (longhand.lock is a folder) names the lock file, not the library file, and moves nothing', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'longhand.lock'))
    const error = await createServices({ dataDir: dir }).then(
      (services) => (services.close(), null),
      (e: unknown) => e as Error,
    )
    expect(error?.message).toContain(join(dir, 'longhand.lock'))
    expect(error?.message).not.toContain('longhand.sqlite')
    expect(readdirSync(dir)).toEqual(['longhand.lock'])
  })

  it('replaces a lock file that is not a lock (garbage): it holds no data', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'longhand.lock'), 'garbage '.repeat(600))
    const services = await createServices({ dataDir: dir })
    expect(existsSync(join(dir, 'longhand.lock'))).toBe(true)
    services.close()
  })

  // Needs a real full or read-only disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('close() never throws, even when the disk is full; it still closes and releases the folder', async () => {
    const disk = mountTmpfs('size=1m')
    const problems: string[] = []
    const services = await createServices({ dataDir: disk, onCloseProblem: (message) => problems.push(message) })
    const draft = services.drafts.create({ title: 'Voll' })
    services.drafts.saveContent(draft.id, docFromParagraphs(['Gespeichert, bevor die Platte voll war']))
    // The index is stale now (autosave only marks it): close() must write it, on a full disk.
    const fillers: string[] = []
    try {
      for (;;) {
        const filler = join(disk, `filler-${fillers.length}`)
        fillers.push(filler)
        writeFileSync(filler, Buffer.alloc(16 * 1024, 1))
      }
    } catch {
      // ENOSPC: the disk is full
    }
    expect(() => services.close()).not.toThrow()
    expect(services.db.open).toBe(false)
    expect(problems[0]).toMatch(/updating the search index failed \(disk-full\); nothing saved is lost/)

    for (const filler of fillers) rmSync(filler, { force: true })
    // The folder lock was released, and the saved text is there.
    const reopened = await createServices({ dataDir: disk })
    expect(docToPlainText(reopened.drafts.get(draft.id).doc)).toBe('Gespeichert, bevor die Platte voll war')
    reopened.close()
  })
})
