import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { LonghandError } from '@shared/ipc'
import { createDispatcher, type Dispatch } from './ipc/dispatch'
import { createHandlers, type ShellHooks } from './ipc/handlers'
import { DATABASE_FILE, type Services } from './services'
import { checkReadable, stageRestore, swapInRestore } from './services/store/restore-backup'
import { backupFailureKind } from './services/store/safety-backups'
import type { SafetyBackupStatus, ScheduledCopyFailureKind } from '@shared/ipc/channels/transfer'
import type { Clock } from './services/clock'
import { SafetyBackupSchedule, type Timer, systemTimer } from './services/store/safety-schedule'
import { IntegrityCheckCancelled, type IntegrityVerdict } from './services/store/integrity-check'
import { LibraryOpenError } from './services/store/open-failure'
import type { IntegrityStatus } from '@shared/ipc/channels/app'

/** The check after start found the library damaged (the next start recovers). */
export type DamageFound = Extract<IntegrityVerdict, { ok: false }>

/** How long after opening the library its background work (the scheduled copy) waits: the window is up by then. */
export const START_QUIET_MS = 10_000
/** Another program holding the file when the check runs: it looks again this much later, a few times. */
export const INTEGRITY_RETRY_MS = 60_000
export const INTEGRITY_BUSY_RETRIES = 5

export interface LibraryHostOptions {
  /** Opens the library (createServices with the shell's options). Called again after a restore. */
  open(): Promise<Services>
  /** The shell's own hooks (dialogs, opened files, flush acknowledgements). */
  shell?: Omit<ShellHooks, 'restoreSafetyBackup' | 'safetyBackupStatus'>
  onInternalError?(channel: string, error: unknown): void
  /**
   * The whole-file integrity check, once the start is over (services.checkIntegrity): after
   * afterMs (default START_QUIET_MS); onDamageFound tells the author (default: stderr).
   * Tests inject the timer, or turn it off.
   */
  integrityCheck?:
    | { timer?: Timer; afterMs?: number; retryAfterMs?: number; busyTimeoutMs?: number; onDamageFound?(damage: DamageFound): void }
    | false
  /**
   * Safety backups on a schedule; tests inject the clock and timer, or turn it off.
   * firstLookAfterMs: default START_QUIET_MS (see SafetyScheduleOptions.firstLookAfterMs).
   */
  schedule?: { timer?: Timer; intervalMs?: number; firstLookAfterMs?: number; onError?(error: unknown): void } | false
  nativeBinding?: string
  now?: Clock
}

/**
 * Owns the open library for a shell (Electron or the loopback bridge): the services, the
 * dispatcher in front of them and the safety-backup schedule. Restoring a safety backup must
 * close the database and open another file, so every request goes through `dispatch`, which
 * waits while the library is being swapped and then reaches the new services.
 */
export class LibraryHost {
  private current!: { services: Services; dispatch: Dispatch }
  private swapping: Promise<void> = Promise.resolve()
  private active = 0
  private idleWaiters: (() => void)[] = []
  private schedule: SafetyBackupSchedule | null = null
  /** The check after the start: when it is planned, the one running, and what it found. */
  private integrity: {
    timer: { timer: Timer; handle: unknown } | null
    running: { controller: AbortController; done: Promise<void> } | null
    status: IntegrityStatus
  } = { timer: null, running: null, status: { state: 'not-checked', foundAt: null, detail: null } }
  /** The last scheduled copy that failed, kept until one succeeds, so the author can be told. */
  private lastScheduledFailure: { at: number; kind: ScheduledCopyFailureKind; message: string } | null = null

  private readonly now: Clock

  private constructor(private readonly options: LibraryHostOptions) {
    this.now = options.now ?? Date.now
  }

  static async open(options: LibraryHostOptions): Promise<LibraryHost> {
    const host = new LibraryHost(options)
    host.attach(await options.open())
    if (options.schedule !== false) {
      const schedule = options.schedule ?? {}
      host.schedule = new SafetyBackupSchedule({
        // A folder that cannot be read counts as "no copy yet": the copy is then tried, and its failure told.
        newestAt: () => host.newestCopyAt().at,
        backUp: async () => {
          await host.swapping
          const { safetyBackups, db } = host.services
          const copy = await safetyBackups.create(db, 'scheduled')
          host.lastScheduledFailure = null
          return copy
        },
        now: host.now,
        ...(schedule.timer ? { timer: schedule.timer } : {}),
        ...(schedule.intervalMs ? { intervalMs: schedule.intervalMs } : {}),
        firstLookAfterMs: schedule.firstLookAfterMs ?? START_QUIET_MS,
        onError: (error) => {
          // Stderr alone reaches nobody: an author could go weeks without a copy. Kept for the renderer.
          const message = error instanceof Error ? error.message : String(error)
          host.lastScheduledFailure = { at: host.now(), kind: backupFailureKind(error), message }
          ;(schedule.onError ?? ((e) => console.error('Longhand: the scheduled safety backup failed:', e)))(error)
        },
      })
      host.schedule.start()
    }
    if (options.integrityCheck !== false) {
      host.integrity.status = { state: 'pending', foundAt: null, detail: null }
      host.checkIntegrityLater(options.integrityCheck ?? {})
    }
    return host
  }

  private checkIntegrityLater(options: Exclude<LibraryHostOptions['integrityCheck'], false | undefined>): void {
    const timer = options.timer ?? systemTimer
    let busyTries = 0
    const plan = (ms: number) => {
      this.integrity.timer = { timer, handle: timer.setTimeout(() => void run(), ms) }
    }
    const run = async () => {
      this.integrity.timer = null
      // Never while the library is being swapped for a safety copy (that one was checked anyway).
      await this.swapping
      if (this.integrity.status.state !== 'pending') return
      const controller = new AbortController()
      const verdict = this.services.checkIntegrity({ signal: controller.signal, ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}) })
      this.integrity.running = { controller, done: verdict.then(() => undefined, () => undefined) }
      try {
        const found = await verdict
        if (found.ok) {
          this.integrity.status = { state: 'ok', foundAt: null, detail: null }
          return
        }
        this.integrity.status = { state: 'damaged', foundAt: found.at, detail: found.detail }
        const report =
          options.onDamageFound ??
          ((damage: DamageFound) =>
            console.error(`Longhand: the library file is damaged (${damage.detail}). Nothing was changed; the next start puts the newest good safety copy in its place and keeps this file.`))
        report(found)
      } catch (error) {
        // Called off by a restore or by closing: whoever called it off decides what comes next.
        if (error instanceof IntegrityCheckCancelled) return
        // Another program holding the file says nothing about it: look again a little later.
        if (error instanceof LibraryOpenError && error.kind === 'busy' && ++busyTries <= INTEGRITY_BUSY_RETRIES) {
          plan(options.retryAfterMs ?? INTEGRITY_RETRY_MS)
          return
        }
        // Unreadable right now, or the worker or engine did not load: nothing about the file
        // either, so nothing alarming is said; the next start checks again.
        this.integrity.status = { state: 'not-checked', foundAt: null, detail: null }
        console.error('Longhand: the integrity check of the library could not run (the library itself is not affected):', error)
      } finally {
        this.integrity.running = null
      }
    }
    plan(options.afterMs ?? START_QUIET_MS)
  }

  /** What the check after the start found so far (app.integrityStatus). */
  integrityStatus(): IntegrityStatus {
    return this.integrity.status
  }

  /** Ends a check that is running and waits until its worker has let go of the file. */
  private async callOffIntegrityCheck(): Promise<void> {
    const running = this.integrity.running
    if (!running) return
    running.controller.abort()
    await running.done
  }

  get services(): Services {
    return this.current.services
  }

  readonly dispatch: Dispatch = async (channel, payload) => {
    await this.swapping
    this.active++
    try {
      return await this.current.dispatch(channel, payload)
    } finally {
      this.active--
      if (this.active <= 1) for (const wake of this.idleWaiters.splice(0)) wake()
    }
  }

  /**
   * Whether the scheduled copies work. A failure stops counting once any later copy succeeded
   * ("back up now" in Settings, a copy before a restore), not only the next scheduled one.
   */
  safetyBackupStatus(): SafetyBackupStatus {
    const { at: newestAt, unreadable } = this.newestCopyAt()
    const failure = this.lastScheduledFailure ?? (unreadable === undefined ? null : { at: this.now(), kind: backupFailureKind(unreadable) })
    if (!failure || (newestAt !== null && newestAt > failure.at)) return { lastFailure: null, newestAt }
    return { lastFailure: { at: failure.at, kind: failure.kind }, newestAt }
  }

  /** The newest valid copy's time; when the copies' folder cannot be read, why (and no time). */
  private newestCopyAt(): { at: number | null; unreadable?: unknown } {
    try {
      return { at: this.services.safetyBackups.newest()?.createdAt ?? null }
    } catch (error) {
      return { at: null, unreadable: error }
    }
  }

  private attach(services: Services): void {
    const hooks: ShellHooks = {
      ...this.options.shell,
      restoreSafetyBackup: (name) => this.restoreSafetyBackup(name),
      safetyBackupStatus: () => this.safetyBackupStatus(),
      integrityStatus: () => this.integrityStatus(),
    }
    this.current = { services, dispatch: createDispatcher(createHandlers(services, hooks), this.options.onInternalError) }
  }

  /**
   * Puts a safety backup in place of the library: the backup is checked and copied first, a
   * safety copy of the current state is taken ('before-restore', so this can be undone from
   * the same list), the library is closed, the current file moved aside (never deleted), the
   * copy moved in, and the library opened again. Requests arriving meanwhile wait.
   */
  async restoreSafetyBackup(name: string): Promise<{ restoredFrom: string; movedAsideTo: string }> {
    const services = this.services
    // Looked up among all copies, not only the listed ones, so a damaged one gets a clear reason.
    const backupFile = services.safetyBackups.fileOf(name)
    if (!backupFile) throw new LonghandError('not-found', `There is no safety backup called ${name}.`)
    checkReadable(backupFile, this.options.nativeBinding)
    let release!: () => void
    let closed = false
    let staged: string | null = null
    const previous = this.swapping
    this.swapping = new Promise<void>((resolve) => (release = resolve))
    try {
      await previous
      // The request that asked for this restore is itself active; wait for any others.
      if (this.active > 1) await new Promise<void>((resolve) => this.idleWaiters.push(resolve))
      const libraryFile = join(services.dataDir, DATABASE_FILE)
      const pending = stageRestore(libraryFile, backupFile, this.now())
      staged = pending.restoring
      await services.safetyBackups.create(services.db, 'before-restore')
      // Its worker reads the file that is about to be moved aside (Windows cannot rename an open file).
      await this.callOffIntegrityCheck()
      services.close({ reopening: true })
      closed = true
      const movedAsideTo = swapInRestore(libraryFile, pending)
      this.attach(await this.options.open())
      // The copy now in place passed the same check before it was put there (checkReadable);
      // damage found in the file it replaced is no longer the library's.
      if (this.integrity.status.state !== 'not-checked') this.integrity.status = { state: 'ok', foundAt: null, detail: null }
      if (this.integrity.timer) this.integrity.timer.timer.clearTimeout(this.integrity.timer.handle)
      this.integrity.timer = null
      return { restoredFrom: name, movedAsideTo }
    } catch (error) {
      // Whatever is on disk now — the old file, or the restore finished on opening — opens again.
      if (closed) this.attach(await this.options.open())
      // Failed before the swap began (e.g. the 'before-restore' copy did not fit): the staged copy goes.
      else if (staged) rmSync(staged, { force: true })
      throw error
    } finally {
      release()
    }
  }

  close(): void {
    this.schedule?.stop()
    if (this.integrity.timer) this.integrity.timer.timer.clearTimeout(this.integrity.timer.handle)
    this.integrity.timer = null
    // services.close() ends a running check's worker too; the app is quitting, nobody waits for it.
    this.services.close()
  }
}
