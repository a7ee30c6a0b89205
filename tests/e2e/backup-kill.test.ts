import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { docFromParagraphs } from '@shared/domain'
import { createServices } from '../../electron/main/services'
import { SafetyBackups } from '../../electron/main/services/store/safety-backups'
import { type BridgeProcess, startBridgeProcess } from './support/bridge-process'
import { killSchedule, killWhileBusy, sleep } from './support/kill-schedule'

const KILLS = 15
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** ~40 KB of text per draft: a few MB in all, so copying the library takes many backup steps. */
const bulky = (n: number) => docFromParagraphs([`Entwurf ${n}`, ...Array.from({ length: 20 }, (_, i) => `Absatz ${i}: ${'Wörter, die Platz brauchen und doch Text sind. '.repeat(40)}`)])

async function fillLibrary(bridge: BridgeProcess, drafts: number, prefix: string): Promise<string[]> {
  const titles: string[] = []
  for (let n = 0; n < drafts; n++) {
    await bridge.call('drafts.create', { title: `${prefix} ${n}`, doc: bulky(n) })
    titles.push(`${prefix} ${n}`)
  }
  return titles
}

/** Checked without the app's own code: SQLite reads it, quick_check passes, and it holds these drafts. */
function titlesIn(file: string): string[] | null {
  try {
    if (statSync(file).size === 0) return null
    const db = new Database(file, { readonly: true, fileMustExist: true })
    try {
      if (db.pragma('quick_check', { simple: true }) !== 'ok') return null
      return (db.prepare('SELECT title FROM drafts').pluck().all() as string[]).sort()
    } finally {
      db.close()
    }
  } catch {
    return null
  }
}

const finishedCopyName = /^longhand-\d{8}T\d{9}Z-[a-z0-9-]+\.sqlite$/

describe('safety backups survive being killed', () => {
  it(`${KILLS} SIGKILLs during a safety backup: no invalid copy is ever listed, recovery never picks one, pruning keeps the good ones`, async () => {
    const schedule = killSchedule(4711)
    const dataDir = tempDir('longhand-backup-kill-')
    const backupsDir = join(dataDir, 'backups')
    const setup = await startBridgeProcess(dataDir)
    const titles = (await fillLibrary(setup, 60, 'Kopie')).sort()
    const started = Date.now()
    const first = await setup.call<{ name: string }>('safetyBackups.create')
    const backupMs = Date.now() - started
    await setup.stop()
    // Copies from before the library was filled (the one taken at first start) hold fewer drafts.
    const earlier = new Set(readdirSync(backupsDir).filter((n) => n !== first.name))
    const complete = (name: string, file: string) => {
      const found = titlesIn(file)
      return found !== null && (earlier.has(name) || JSON.stringify(found) === JSON.stringify(titles))
    }

    let lastAcknowledged = first.name
    let acknowledged = 1
    let invalidListed = 0
    let invalidNamed = 0
    let leftoversSeen = 0
    await schedule.replayable(() =>
      killWhileBusy(schedule, {
        dataDir,
        rounds: KILLS,
        // Somewhere inside one of the back-to-back copies (each takes about backupMs).
        killAfterMs: [5, 5 + 2 * backupMs],
        request: (bridge) => bridge.call<{ name: string }>('safetyBackups.create'),
        acknowledge({ name }) {
          lastAcknowledged = name
          acknowledged++
        },
        check(round) {
          const names = readdirSync(backupsDir)
          leftoversSeen += names.filter((n) => !finishedCopyName.test(n)).length
          // Every file under a finished copy's name is a complete copy of the library.
          const named = names.filter((n) => finishedCopyName.test(n))
          invalidNamed += named.filter((n) => !complete(n, join(backupsDir, n))).length
          const backups = new SafetyBackups(backupsDir)
          const listed = backups.list()
          const badListed = listed.filter((b) => !complete(b.name, b.file))
          invalidListed += badListed.length
          expect(badListed.map((b) => b.name), `round ${round}: invalid copies listed`).toEqual([])
          expect(invalidNamed, `round ${round}: files named as finished copies that are not complete`).toBe(0)
          // Recovery picks a complete copy, the newest one.
          const recovery = backups.newestReadable()
          expect(recovery && titlesIn(recovery), `round ${round}: recovery copy`).toEqual(titles)
          expect(recovery).toBe(listed[0]!.file)
          // Pruning never removed the last acknowledged copy, and kept up to 7 good ones.
          expect(listed.map((b) => b.name), `round ${round}`).toContain(lastAcknowledged)
          expect(listed.length).toBeGreaterThanOrEqual(Math.min(7, acknowledged))
        },
      }),
    )
    // The next start cleans what the kills left, and opens the library whole.
    const services = await createServices({ dataDir })
    expect(services.drafts.list().map((d) => d.title).sort()).toEqual(titles)
    expect(readdirSync(backupsDir).filter((n) => !finishedCopyName.test(n))).toEqual([])
    services.close()
    console.log(
      `safety-backup kill test (seed ${schedule.seed}, one copy ≈ ${backupMs} ms): ${KILLS} kills, ${acknowledged} acknowledged copies, ` +
        `${invalidListed} invalid copies listed, ${invalidNamed} incomplete files under a finished name, ${leftoversSeen} temporary files seen after kills (cleaned at start)`,
    )
  })

  it(`${KILLS} SIGKILLs during "Go back": the next start opens the old library or the restored one, whole, and nothing acknowledged is lost`, async () => {
    const schedule = killSchedule(1848)
    const dataDir = tempDir('longhand-restore-kill-')
    const library = join(dataDir, 'longhand.sqlite')
    const setup = await startBridgeProcess(dataDir)
    let current = (await fillLibrary(setup, 50, 'Bestand')).sort()
    await setup.stop()

    const outcomes = { old: 0, restored: 0, finishedAtStart: 0 }
    let lost = 0
    let calibratedMs = 0
    await schedule.replayable(async () => {
      // Round 0 is not killed: it measures how long a whole restore takes here.
      for (let round = 0; round <= KILLS; round++) {
        const bridge = await startBridgeProcess(dataDir)
        await bridge.call('drafts.create', { title: `Runde ${round}` })
        const target = await bridge.call<{ name: string }>('safetyBackups.create')
        const inTarget = [...current, `Runde ${round}`].sort()
        await bridge.call('drafts.create', { title: `Nach ${round}` })
        const before = [...inTarget, `Nach ${round}`].sort()
        const asideBefore = readdirSync(dataDir).filter((n) => n.startsWith('longhand.sqlite.before-restore-') && !/-(wal|shm|journal)$/.test(n))

        const started = Date.now()
        const restoring = bridge.call('safetyBackups.restore', { name: target.name }).then(
          () => true,
          () => false,
        )
        if (round === 0) {
          expect(await restoring).toBe(true)
          calibratedMs = Date.now() - started
          await bridge.stop()
        } else {
          await sleep(schedule.between(0, calibratedMs * 1.2))
          await bridge.stop('SIGKILL')
          await restoring
        }
        if (existsSync(join(dataDir, 'restore-pending.json'))) outcomes.finishedAtStart++

        // The next start: finishes an interrupted restore, cleans leftovers, opens the library.
        const services = await createServices({ dataDir })
        const now = services.drafts.list().map((d) => d.title).sort()
        services.close()
        const asideNow = readdirSync(dataDir).filter((n) => n.startsWith('longhand.sqlite.before-restore-') && !/-(wal|shm|journal)$/.test(n))
        // Files moved aside are never removed.
        expect(asideNow, `round ${round}`).toEqual(expect.arrayContaining(asideBefore))
        expect(existsSync(`${library}.restoring`), `round ${round}: stale .restoring`).toBe(false)
        if (JSON.stringify(now) === JSON.stringify(before)) {
          outcomes.old++
        } else {
          // Restored: exactly the copy, and the library it replaced kept aside, whole.
          expect(now, `round ${round}: neither the old library nor the restored one`).toEqual(inTarget)
          outcomes.restored++
          const aside = asideNow.filter((n) => !asideBefore.includes(n))
          expect(aside, `round ${round}: moved-aside file`).toHaveLength(1)
          const keptAside = titlesIn(join(dataDir, aside[0]!))
          if (JSON.stringify(keptAside) !== JSON.stringify(before)) lost++
          expect(keptAside, `round ${round}: the replaced library, kept aside`).toEqual(before)
        }
        current = now
      }
    })
    console.log(
      `restore kill test (seed ${schedule.seed}, one restore ≈ ${calibratedMs} ms): ${KILLS} kills, ${outcomes.old} kept the old library, ` +
        `${outcomes.restored - 1} restored (${outcomes.finishedAtStart} finished by the next start), ${lost} acknowledged drafts lost`,
    )
    expect(lost).toBe(0)
  })
})
