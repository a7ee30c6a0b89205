import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { docFromParagraphs, type DocNode, type EditorDoc } from '@shared/domain'
import { diffByIdentity } from '@shared/domain/block-splices'
import { killSchedule, killWhileBusy } from './support/kill-schedule'

const KILLS = 100
const BLOCK_KILLS = 50
const dataDir = mkdtempSync(join(tmpdir(), 'longhand-crash-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** A draft of ~2,000 words whose first word is the version number. */
function version(n: number) {
  const filler = 'Satz über Dialog und Augenhöhe mit Lesern, nicht über Reichweite. '.repeat(200)
  return docFromParagraphs([`Fassung ${n}`, filler])
}

/** The draft's document as the killed process left it on disk, once SQLite finds the file intact. */
function storedDoc(draftId: number, round: number): string {
  const db = new Database(join(dataDir, 'longhand.sqlite'))
  try {
    expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok')
    return (db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').get(draftId) as { doc: string }).doc
  } finally {
    db.close()
  }
}

function lastBlockPosition(draftId: number): number {
  const db = new Database(join(dataDir, 'longhand.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT position FROM draft_blocks WHERE draft_id = ? ORDER BY position DESC LIMIT 1').pluck().get(draftId) as number
  } finally {
    db.close()
  }
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
      let inFlight: number | null = null
      await killWhileBusy(schedule, {
        dataDir,
        rounds: KILLS,
        killAfterMs: [20, 200],
        async prepare(bridge) {
          inFlight = null
          if (draftId === 0) draftId = (await bridge.call<{ id: number }>('drafts.create', { title: 'Crash', doc: version(0) })).id
        },
        request(bridge) {
          inFlight = next++
          return bridge.call('drafts.saveContent', { id: draftId, doc: version(inFlight) })
        },
        acknowledge() {
          acknowledged = inFlight!
          acknowledgedSaves++
          inFlight = null
        },
        check(round) {
          const saved = versionIn(storedDoc(draftId, round))
          // Everything acknowledged is on disk; at most the one request in flight went further.
          if (saved < acknowledged) lost += acknowledged - saved
          expect([acknowledged, inFlight].filter((v) => v !== null), `round ${round}`).toContain(saved)
          if (saved !== acknowledged) acknowledged = saved
        },
      })
      console.log(`autosave kill test (seed ${schedule.seed}): ${KILLS} kills, ${acknowledgedSaves} acknowledged saves, ${lost} lost`)
      expect(lost).toBe(0)
      expect(acknowledged).toBeGreaterThan(KILLS)
    })
  })

  it(`a block patch is all or nothing: ${BLOCK_KILLS} SIGKILLs while patching leave the acknowledged document or the one in flight, byte for byte`, async () => {
    const schedule = killSchedule(20261201)
    await schedule.replayable(async () => {
      const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
      const filler = 'Satz über Dialog und Augenhöhe mit Lesern, nicht über Reichweite. '.repeat(8)
      // Each version changes the first and the last block, adds one right after the first (the
      // free positions there halve each time, so every ~24th patch renumbers the whole draft)
      // and every third one adds a block in the middle: a torn write would show two version
      // numbers, a block too many, or blocks out of order.
      const nextVersion = (doc: EditorDoc, n: number): EditorDoc => {
        const content = [...doc.content]
        content[0] = paragraph(`Fassung ${n}`)
        content[content.length - 1] = paragraph(`Ende ${n}`)
        content.splice(1, 0, paragraph(`Keil ${n}`))
        if (n % 3 === 0) content.splice(Math.floor(content.length / 2), 0, paragraph(`Einschub ${n}`))
        return { type: 'doc', content }
      }
      let acknowledged: EditorDoc = { type: 'doc', content: [paragraph('Fassung 0'), ...Array.from({ length: 40 }, () => paragraph(filler)), paragraph('Ende 0')] }
      let draftId = 0
      let patches = 0
      let n = 0
      let bodyVersion = 0
      let inFlight: EditorDoc | null = null
      let lastPosition: number | null = null
      let renumberedRounds = 0
      await killWhileBusy(schedule, {
        dataDir,
        rounds: BLOCK_KILLS,
        killAfterMs: [20, 200],
        async prepare(bridge) {
          inFlight = null
          if (draftId === 0) draftId = (await bridge.call<{ id: number }>('drafts.create', { title: 'Blöcke', doc: acknowledged })).id
          // As the renderer after opening: one whole save, then patches on the version it returns.
          bodyVersion = (await bridge.call<{ bodyVersion: number }>('drafts.saveContent', { id: draftId, doc: acknowledged })).bodyVersion
        },
        request(bridge) {
          const next = nextVersion(acknowledged, ++n)
          inFlight = next
          const splices = diffByIdentity(acknowledged.content, next.content).map(({ from, deleteCount, items }) => ({ from, deleteCount, blocks: items }))
          return bridge.call<{ status: string; bodyVersion: number }>('drafts.saveBlocks', { id: draftId, baseVersion: bodyVersion, splices, blockCount: next.content.length })
        },
        acknowledge(result, round) {
          if (result.status !== 'saved') throw new Error(`stale in round ${round}`)
          bodyVersion = result.bodyVersion
          acknowledged = inFlight!
          patches++
          inFlight = null
        },
        check(round) {
          const doc = storedDoc(draftId, round)
          const candidates = [acknowledged, inFlight].filter((d): d is EditorDoc => d !== null).map((d) => JSON.stringify(d))
          expect(candidates, `round ${round}`).toContain(doc)
          if (doc !== JSON.stringify(acknowledged)) acknowledged = inFlight!
          // The last block is patched in place: its position moves only when the draft is renumbered.
          const last = lastBlockPosition(draftId)
          if (lastPosition !== null && last !== lastPosition) renumberedRounds++
          lastPosition = last
        },
      })
      console.log(
        `block patch kill test (seed ${schedule.seed}): ${BLOCK_KILLS} kills, ${patches} acknowledged patches, renumbering in ${renumberedRounds} rounds, ${acknowledged.content.length} blocks`,
      )
      expect(patches).toBeGreaterThan(BLOCK_KILLS)
      // The kills also fell in rounds that renumbered (when positions run out).
      expect(renumberedRounds).toBeGreaterThan(2)
    })
  })
})
