import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { Worker } from 'node:worker_threads'
import { EngineUnavailableError } from './engine'
import { fsyncPath, syncFolder } from './fsync'
import { classifyOpenFailure } from './open-failure'

/**
 * The whole-file integrity check, run once the start is over instead of on the way to the
 * window (PRAGMA quick_check reads every page: ~0.3 s for 10,000 drafts), and on a worker thread
 * with a read-only connection of its own (integrity-worker.mjs), so the main connection keeps
 * answering the window meanwhile.
 *
 * Damage found this way is acted on exactly as the open path would have: a marker beside the
 * library makes the next start run the check before trusting the file, and that start moves the
 * damaged file aside (never deleted) and brings back the newest good safety copy
 * (database.ts: openStore). Until then nothing is written over; the author is told at once.
 */
export type IntegrityVerdict = { ok: true } | { ok: false; detail: string; marker: string; at: number }

/** The worker script, beside this module in the sources and beside the main bundle once built. */
export const INTEGRITY_WORKER_FILE = 'integrity-worker.mjs'

/** The check was called off (the library closes, or a safety copy is put in its place). */
export class IntegrityCheckCancelled extends Error {
  constructor() {
    super('The integrity check was called off.')
    this.name = 'IntegrityCheckCancelled'
  }
}

export interface IntegrityCheckOptions {
  file: string
  /** integrity-worker.mjs: the shells pass where their build put it. */
  worker: string | URL
  nativeBinding?: string
  /** How long the worker's read waits for a lock another connection holds, before "busy". */
  busyTimeoutMs?: number
  now?: () => number
  /** Aborting ends the worker; the promise rejects with IntegrityCheckCancelled once it has exited. */
  signal?: AbortSignal
}

/** `<library>.damaged`: the check after a start found the file damaged; the next start checks before opening. */
export function damageMarkerOf(file: string): string {
  return `${file}.damaged`
}

type WorkerAnswer = { result: string } | { error: { code: string; message: string; stage: 'engine' | 'open' | 'check' } }

/**
 * Runs quick_check on the worker. Only a verdict about the file (not ok, or SQLite saying
 * corrupt) counts as damage and leaves the marker; anything else is thrown for the caller to
 * classify (open-failure.ts): busy, I/O, and a worker or engine that does not load
 * (EngineUnavailableError) say nothing about the file.
 */
export async function checkIntegrity(options: IntegrityCheckOptions): Promise<IntegrityVerdict> {
  const answer = await runWorker(options)
  let detail: string
  if ('result' in answer) {
    if (answer.result === 'ok') return { ok: true }
    detail = answer.result
  } else {
    const error = Object.assign(new Error(answer.error.message), { code: answer.error.code })
    if (answer.error.stage === 'engine') throw new EngineUnavailableError(error)
    if (classifyOpenFailure(error) !== 'corrupt') throw error
    detail = answer.error.message
  }
  return markDamage(options.file, detail, (options.now ?? Date.now)())
}

function markDamage(file: string, detail: string, at: number): IntegrityVerdict {
  const marker = damageMarkerOf(file)
  // Temp name + rename: a half-written marker must never be mistaken for none.
  const temp = `${marker}.partial`
  writeFileSync(temp, `${JSON.stringify({ at, detail })}\n`)
  fsyncPath(temp)
  renameSync(temp, marker)
  syncFolder(dirname(marker))
  return { ok: false, detail, marker, at }
}

function runWorker(options: IntegrityCheckOptions): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new IntegrityCheckCancelled())
    let worker: Worker
    try {
      worker = new Worker(options.worker, {
        workerData: { file: options.file, nativeBinding: options.nativeBinding ?? null, busyTimeoutMs: options.busyTimeoutMs ?? 5_000 },
      })
    } catch (error) {
      return reject(new EngineUnavailableError(error))
    }
    let settled = false
    const settle = (finish: () => void) => {
      if (settled) return
      settled = true
      options.signal?.removeEventListener('abort', abort)
      finish()
    }
    // Settled only once the thread is gone: its connection holds the file open (on Windows a
    // file that is open cannot be renamed, which a restore does next).
    let cancelled = false
    const abort = () => {
      cancelled = true
      void worker.terminate()
    }
    options.signal?.addEventListener('abort', abort, { once: true })
    // Answered once the thread has ended, and with it its connection.
    let answer: WorkerAnswer | null = null
    worker.once('message', (message: WorkerAnswer) => (answer = message))
    // The worker script or its imports did not load: the installation, not the library. Told
    // once the thread has ended (its 'exit' follows), like every other outcome.
    let failed: unknown = null
    worker.once('error', (error) => (failed = error))
    worker.once('exit', (code) =>
      settle(() =>
        cancelled
          ? reject(new IntegrityCheckCancelled())
          : answer
          ? resolve(answer)
          : reject(new EngineUnavailableError(failed ?? new Error(`the integrity check's worker stopped (exit code ${code}) without an answer`))),
      ),
    )
  })
}

/** After a start that checked the file (it passed, or was recovered), the marker has done its job. */
export function clearDamageMarker(file: string): void {
  rmSync(damageMarkerOf(file), { force: true })
}
