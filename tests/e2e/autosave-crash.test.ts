import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { docFromParagraphs } from '@shared/domain'
import { startBridgeProcess } from './support/bridge-process'
import { killSchedule, sleep } from './support/kill-schedule'

const KILLS = 100
const dataDir = mkdtempSync(join(tmpdir(), 'longhand-crash-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** A draft of ~2,000 words whose first word is the version number. */
function version(n: number) {
  const filler = 'Satz über Dialog und Augenhöhe mit Lesern, nicht über Reichweite. '.repeat(200)
  return docFromParagraphs([`Fassung ${n}`, filler])
}

function versionIn(doc: string): number {
  const match = /Fassung (\d+)/.exec(doc)
  if (!match) throw new Error('saved document lost its version marker')
  return Number(match[1])
}

describe('autosave survives being killed', () => {
  it(`holds the last acknowledged save after ${KILLS} SIGKILLs at random moments, with an intact database`, async () => {
    const schedule = killSchedule(20261123)
    await schedule.replayable(async () => {
      let draftId = 0
      let acknowledged = 0
      let acknowledgedSaves = 0
      let lost = 0
      let next = 1
      for (let round = 0; round < KILLS; round++) {
        const bridge = await startBridgeProcess(dataDir)
        if (draftId === 0) draftId = (await bridge.call<{ id: number }>('drafts.create', { title: 'Crash', doc: version(0) })).id

        let inFlight: number | null = null
        let stopped = false
        const writer = (async () => {
          while (!stopped) {
            inFlight = next++
            try {
              await bridge.call('drafts.saveContent', { id: draftId, doc: version(inFlight) })
              acknowledged = inFlight
              acknowledgedSaves++
              inFlight = null
            } catch {
              return // the process died mid-request
            }
          }
        })()
        await sleep(schedule.between(20, 200))
        stopped = true
        await bridge.stop('SIGKILL')
        await writer

        const db = new Database(join(dataDir, 'longhand.sqlite'))
        try {
          expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok')
          const { doc } = db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').get(draftId) as { doc: string }
          const saved = versionIn(doc)
          // Everything acknowledged is on disk; at most the one request in flight went further.
          if (saved < acknowledged) lost += acknowledged - saved
          expect([acknowledged, inFlight].filter((v) => v !== null), `round ${round}`).toContain(saved)
          if (saved !== acknowledged) acknowledged = saved
        } finally {
          db.close()
        }
      }
      console.log(`autosave kill test (seed ${schedule.seed}): ${KILLS} kills, ${acknowledgedSaves} acknowledged saves, ${lost} lost`)
      expect(lost).toBe(0)
      expect(acknowledged).toBeGreaterThan(KILLS)
    })
  })
})
