import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EditorDoc } from '@shared/domain'
import { LibraryHost } from '../../../../../electron/main/library-host'
import { createServices } from '../../../../../electron/main/services'
import { IntegrityCheckCancelled, damageMarkerOf } from '../../../../../electron/main/services/store/integrity-check'
import { LibraryOpenError } from '../../../../../electron/main/services/store/open-failure'
import { manualClock, tempDir } from '../../../support/temp-library'

/**
 * The check after the start runs on a worker thread with its own read-only connection: the main
 * connection (every request of the window) keeps answering while it reads the whole file, and
 * only a verdict about the file counts as damage — a worker that does not start, or another
 * program holding the file, is said calmly and tried again, never taken for damage.
 */

const LIBRARY = 'longhand.sqlite'

function longDoc(n: number, paragraphs: number): EditorDoc {
  const text = `Absatz ${n}: ` + 'Worte über Worte, die niemand verlieren will. '.repeat(60)
  return { type: 'doc', content: Array.from({ length: paragraphs }, () => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}

function manualTimer() {
  const planned: { ms: number; run: () => void }[] = []
  return { planned, timer: { setTimeout: (run: () => void, ms: number) => planned.push({ ms, run }), clearTimeout: () => {} } }
}

describe('the integrity check on a worker thread', () => {
  it('a worker that does not start is not damage: classified, no marker, nothing alarming', async () => {
    const dir = tempDir()
    const services = await createServices({ dataDir: dir, integrityWorker: join(dir, 'no-such-worker.mjs') })
    try {
      const error = await services.checkIntegrity().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LibraryOpenError)
      expect((error as LibraryOpenError).kind).toBe('engine-missing')
      expect(existsSync(damageMarkerOf(join(dir, LIBRARY)))).toBe(false)
    } finally {
      services.close()
    }

    // Through the host: the page hears "not checked", never "damaged".
    const { planned, timer } = manualTimer()
    const found: unknown[] = []
    const host = await LibraryHost.open({
      open: () => createServices({ dataDir: dir, integrityWorker: join(dir, 'no-such-worker.mjs') }),
      schedule: false,
      integrityCheck: { timer, onDamageFound: (damage) => found.push(damage) },
    })
    try {
      expect(await host.dispatch('app.integrityStatus', {})).toEqual({ ok: true, value: { state: 'pending', foundAt: null, detail: null } })
      planned[0]!.run()
      await expect.poll(() => host.integrityStatus().state).toBe('not-checked')
      expect(found).toEqual([])
      expect(existsSync(damageMarkerOf(join(dir, LIBRARY)))).toBe(false)
    } finally {
      host.close()
    }
  })

  it('another connection holding the file is "busy", not damage; the host looks again later and then finds it intact', async () => {
    const dir = tempDir()
    const { planned, timer } = manualTimer()
    const host = await LibraryHost.open({
      open: () => createServices({ dataDir: dir }),
      schedule: false,
      integrityCheck: { timer, afterMs: 1_000, retryAfterMs: 30_000, busyTimeoutMs: 50 },
    })
    try {
      const { db } = host.services
      // The main connection takes the file for itself (as a sync tool or database viewer may):
      // in exclusive locking mode its write lock is kept, and no other connection can read.
      db.pragma('locking_mode = EXCLUSIVE')
      db.exec("UPDATE settings SET value = value WHERE key = 'welcomed'")
      db.exec('BEGIN IMMEDIATE')
      const direct = await host.services.checkIntegrity({ busyTimeoutMs: 50 }).catch((e: unknown) => e)
      expect(direct).toBeInstanceOf(LibraryOpenError)
      expect((direct as LibraryOpenError).kind).toBe('busy')

      planned[0]!.run()
      await expect.poll(() => planned.length).toBe(2)
      expect(planned[1]!.ms).toBe(30_000)
      expect(host.integrityStatus().state).toBe('pending')
      expect(existsSync(damageMarkerOf(join(dir, LIBRARY)))).toBe(false)

      db.exec('COMMIT')
      db.pragma('locking_mode = NORMAL')
      // Leaving exclusive mode takes effect at the next access to the file.
      db.prepare('SELECT count(*) FROM drafts').get()
      planned[1]!.run()
      await expect.poll(() => host.integrityStatus().state).toBe('ok')
    } finally {
      host.close()
    }
  })

  it('the main connection answers requests while the check reads a big library', async () => {
    const dir = tempDir()
    const clock = manualClock()
    const setup = await createServices({ dataDir: dir, now: clock })
    setup.db.transaction(() => {
      for (let i = 1; i <= 1_500; i++) setup.drafts.create({ title: `Entwurf ${i}`, doc: longDoc(i, 12) })
    })()
    setup.close()

    const { planned, timer } = manualTimer()
    const host = await LibraryHost.open({ open: () => createServices({ dataDir: dir, now: clock }), schedule: false, integrityCheck: { timer } })
    try {
      let checkDone = false
      const started = performance.now()
      planned[0]!.run()
      // The check is known to run from here until the status leaves "pending".
      const finished = (async () => {
        await expect.poll(() => host.integrityStatus().state, { timeout: 60_000, interval: 5 }).toBe('ok')
        checkDone = true
        return performance.now() - started
      })()
      const latencies: number[] = []
      let answeredDuringCheck = 0
      while (!checkDone) {
        const asked = performance.now()
        const answer = await host.dispatch('drafts.list', {})
        latencies.push(performance.now() - asked)
        expect(answer).toMatchObject({ ok: true })
        if (!checkDone) answeredDuringCheck++
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
      const checkMs = await finished
      latencies.sort((a, b) => a - b)
      const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1)
      console.log(
        `integrity check on a worker: check ${checkMs.toFixed(0)} ms; drafts.list during it n=${latencies.length} p50 ${p(0.5)} ms, max ${p(1)} ms`,
      )
      // On the main connection (before), no request was answered until the check was over.
      expect(answeredDuringCheck).toBeGreaterThanOrEqual(3)
    } finally {
      host.close()
    }
  }, 120_000)

  it('closing the library ends a running check: called off, no verdict, no marker', async () => {
    const dir = tempDir()
    const services = await createServices({ dataDir: dir })
    const running = services.checkIntegrity()
    services.close()
    await expect(running).rejects.toBeInstanceOf(IntegrityCheckCancelled)
    expect(existsSync(damageMarkerOf(join(dir, LIBRARY)))).toBe(false)
  })

  it('a restore calls off a running check and waits for its worker to let go of the file', async () => {
    const dir = tempDir()
    const clock = manualClock()
    const setup = await createServices({ dataDir: dir, now: clock })
    for (let i = 1; i <= 5; i++) setup.drafts.create({ title: `Entwurf ${i}`, doc: longDoc(i, 2) })
    const copy = await setup.safetyBackups.create(setup.db, 'scheduled')
    setup.close()

    const { planned, timer } = manualTimer()
    const host = await LibraryHost.open({ open: () => createServices({ dataDir: dir, now: clock }), schedule: false, integrityCheck: { timer }, now: clock })
    try {
      planned[0]!.run()
      clock.advance(1_000)
      await host.restoreSafetyBackup(copy.name)
      // The copy in place was checked before it was put there: nothing is left to tell.
      expect(host.integrityStatus()).toEqual({ state: 'ok', foundAt: null, detail: null })
      expect(host.services.drafts.list()).toHaveLength(5)
    } finally {
      host.close()
    }
  })
})
