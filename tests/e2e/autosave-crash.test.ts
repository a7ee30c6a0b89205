import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { docFromParagraphs } from '@shared/domain'
import { startBridgeProcess } from './support/bridge-process'

const KILLS = 50
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
    let draftId = 0
    let acknowledged = 0
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
            inFlight = null
          } catch {
            return // the process died mid-request
          }
        }
      })()
      await new Promise((r) => setTimeout(r, 30 + Math.random() * 250))
      stopped = true
      await bridge.stop('SIGKILL')
      await writer

      const db = new Database(join(dataDir, 'longhand.sqlite'))
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        const { doc } = db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').get(draftId) as { doc: string }
        const saved = versionIn(doc)
        // Everything acknowledged is on disk; at most the one request in flight went further.
        expect([acknowledged, inFlight].filter((v) => v !== null)).toContain(saved)
        if (saved !== acknowledged) acknowledged = saved
      } finally {
        db.close()
      }
    }
    expect(acknowledged).toBeGreaterThan(KILLS)
  })
})
