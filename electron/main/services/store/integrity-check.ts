import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Db } from './engine'
import { fsyncPath, syncFolder } from './fsync'
import { classifyOpenFailure } from './open-failure'

/**
 * The whole-file integrity check, run once the start is over instead of on the way to the
 * window (PRAGMA quick_check reads every page: ~0.3 s for 10,000 drafts).
 *
 * Damage found this way is acted on exactly as the open path would have: a marker beside the
 * library makes the next start run the check before trusting the file, and that start moves the
 * damaged file aside (never deleted) and brings back the newest good safety copy
 * (database.ts: openStore). Until then nothing is written over; the author is told at once.
 */
export type IntegrityVerdict = { ok: true } | { ok: false; detail: string; marker: string; at: number }

/** `<library>.damaged`: the check after a start found the file damaged; the next start checks before opening. */
export function damageMarkerOf(file: string): string {
  return `${file}.damaged`
}

/**
 * Runs quick_check on the open connection. Only a verdict about the file (not ok, or SQLite
 * saying corrupt) counts as damage; anything else (busy, I/O) is thrown, classified by the caller.
 */
export function checkIntegrity(db: Db, file: string, now: () => number = Date.now): IntegrityVerdict {
  let detail: string
  try {
    const result = String(db.pragma('quick_check', { simple: true }))
    if (result === 'ok') return { ok: true }
    detail = result
  } catch (error) {
    if (classifyOpenFailure(error) !== 'corrupt') throw error
    detail = error instanceof Error ? error.message : String(error)
  }
  const marker = damageMarkerOf(file)
  const at = now()
  // Temp name + rename: a half-written marker must never be mistaken for none.
  const temp = `${marker}.partial`
  writeFileSync(temp, `${JSON.stringify({ at, detail })}\n`)
  fsyncPath(temp)
  renameSync(temp, marker)
  syncFolder(dirname(marker))
  return { ok: false, detail, marker, at }
}

/** After a start that checked the file (it passed, or was recovered), the marker has done its job. */
export function clearDamageMarker(file: string): void {
  rmSync(damageMarkerOf(file), { force: true })
}
