import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EditorDoc } from '@shared/domain'
import { LibraryHost } from '../../../../../electron/main/library-host'
import { createServices } from '../../../../../electron/main/services'
import { damageMarkerOf } from '../../../../../electron/main/services/store/integrity-check'
import { manualClock, tempDir } from '../../../support/temp-library'
import { damageOnePage } from '../../../../support/damage-page'

/**
 * The whole-file check (PRAGMA quick_check reads every page: ~0.3 s for 10,000 drafts) no longer
 * stands between starting Longhand and an editable window: the library opens, and the check runs
 * once the start is over. Damage it finds is reported, nothing is written into the library, and
 * the next start recovers exactly as the open path always has (moved aside, newest good copy back).
 */

const LIBRARY = 'longhand.sqlite'

function longDoc(n: number): EditorDoc {
  const text = `Absatz ${n}: ` + 'Worte über Worte, die niemand verlieren will. '.repeat(40)
  return { type: 'doc', content: Array.from({ length: 4 }, () => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}

/** A library with drafts and a safety copy of them, closed cleanly (WAL folded in). */
async function libraryWithCopy(dir: string, clock = manualClock()) {
  const services = await createServices({ dataDir: dir, now: clock })
  for (let i = 1; i <= 40; i++) services.drafts.create({ title: `Entwurf ${i}`, doc: longDoc(i) })
  const copy = await services.safetyBackups.create(services.db, 'scheduled')
  services.close()
  return copy
}

describe('the integrity check after start', () => {
  it('an intact library: opens, the check says ok, no marker', async () => {
    const dir = tempDir()
    await libraryWithCopy(dir)
    const services = await createServices({ dataDir: dir })
    try {
      expect(await services.checkIntegrity()).toEqual({ ok: true })
      expect(existsSync(damageMarkerOf(join(dir, LIBRARY)))).toBe(false)
    } finally {
      services.close()
    }
  })

  it('a damaged page: the library opens at once; the check finds it, writes nothing into the library, and the next start recovers (moved aside, the copy back)', async () => {
    const dir = tempDir()
    const clock = manualClock()
    const copy = await libraryWithCopy(dir, clock)
    const file = join(dir, LIBRARY)
    damageOnePage(file)
    const damaged = readFileSync(file)

    const services = await createServices({ dataDir: dir, now: clock })
    let verdict
    try {
      expect(services.recovery).toBeNull()
      verdict = await services.checkIntegrity()
      expect(verdict).toMatchObject({ ok: false, marker: damageMarkerOf(file) })
      expect(String((verdict as { detail: string }).detail)).not.toBe('')
      // Nothing written over: the library file is byte for byte what it was.
      expect(readFileSync(file).equals(damaged)).toBe(true)
      expect(existsSync(damageMarkerOf(file))).toBe(true)
    } finally {
      services.close()
    }

    clock.advance(60_000)
    const next = await createServices({ dataDir: dir, now: clock })
    try {
      expect(next.recovery).toMatchObject({ reason: 'damaged', restoredFrom: copy.file, restoredFromTakenAt: copy.createdAt })
      // Nothing lost: the damaged file is kept as it was, beside the library.
      expect(readFileSync(next.recovery!.movedAsideTo).equals(damaged)).toBe(true)
      expect(next.drafts.list()).toHaveLength(40)
      expect(existsSync(damageMarkerOf(file))).toBe(false)
      expect(await next.checkIntegrity()).toEqual({ ok: true })
    } finally {
      next.close()
    }
  })

  it('a marker whose file passes the check now (repaired meanwhile) is removed and nothing is moved', async () => {
    const dir = tempDir()
    await libraryWithCopy(dir)
    const file = join(dir, LIBRARY)
    const { writeFileSync } = await import('node:fs')
    writeFileSync(damageMarkerOf(file), JSON.stringify({ at: 0, detail: 'found before' }))
    const services = await createServices({ dataDir: dir })
    try {
      expect(services.recovery).toBeNull()
      expect(existsSync(damageMarkerOf(file))).toBe(false)
      expect(services.drafts.list()).toHaveLength(40)
    } finally {
      services.close()
    }
  })

  it('the library host runs it once the start is over and tells the author what it found', async () => {
    const dir = tempDir()
    const clock = manualClock()
    await libraryWithCopy(dir, clock)
    damageOnePage(join(dir, LIBRARY))
    const planned: { ms: number; run: () => void }[] = []
    const timer = { setTimeout: (run: () => void, ms: number) => planned.push({ ms, run }), clearTimeout: () => {} }
    const found: unknown[] = []
    const host = await LibraryHost.open({
      open: () => createServices({ dataDir: dir, now: clock }),
      schedule: false,
      integrityCheck: { timer, afterMs: 5_000, onDamageFound: (damage) => found.push(damage) },
      now: clock,
    })
    try {
      expect(planned.map((p) => p.ms)).toEqual([5_000])
      expect(found).toEqual([])
      planned[0]!.run()
      await expect.poll(() => found).toEqual([expect.objectContaining({ ok: false, marker: damageMarkerOf(join(dir, LIBRARY)) })])
      expect(planned).toHaveLength(1)
      expect(host.integrityStatus()).toMatchObject({ state: 'damaged', detail: expect.any(String) })
    } finally {
      host.close()
    }
  })
})
