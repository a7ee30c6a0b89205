import type { Clock } from '../clock'

export const HOUR_MS = 60 * 60_000
export const DAY_MS = 24 * HOUR_MS

/** setTimeout/clearTimeout, injected so tests move time instead of waiting a day. */
export interface Timer {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemTimer: Timer = {
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms)
    // A pending backup must never keep the process (tests, the bridge) alive.
    handle.unref?.()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface SafetyScheduleOptions {
  /** When the newest safety backup was taken (any reason), or null when there is none. */
  newestAt(): number | null
  /** Takes one scheduled backup. */
  backUp(): Promise<unknown>
  now: Clock
  timer?: Timer
  intervalMs?: number
  /**
   * Wait this long before the first look at the newest copy. That look checks the copy (a
   * quick_check reading the whole file, ~0.3 s for 10,000 drafts) and a copy due then is taken
   * at once: neither belongs on the way to an editable window. Default: look at once.
   */
  firstLookAfterMs?: number
  onError?(error: unknown): void
}

/**
 * Safety copies of the database on a schedule: at start when the newest copy is older than the
 * interval (or there is none), then whenever the interval has passed since the newest one.
 * Any backup counts (one taken before a migration or a restore moves the next one out), so
 * the library is never copied more often than it needs to be. A failed backup is reported and
 * tried again after a shorter wait; it never stops the app.
 */
export class SafetyBackupSchedule {
  private handle: unknown = null
  private running = false
  private stopped = true
  private readonly timer: Timer
  private readonly intervalMs: number

  constructor(private readonly options: SafetyScheduleOptions) {
    this.timer = options.timer ?? systemTimer
    this.intervalMs = options.intervalMs ?? DAY_MS
  }

  start(): void {
    this.stopped = false
    // The tick looks again at what is due, so a delayed first look still takes a copy due then.
    const delay = this.options.firstLookAfterMs
    this.plan(delay === undefined ? this.dueIn() : delay)
  }

  stop(): void {
    this.stopped = true
    if (this.handle !== null) this.timer.clearTimeout(this.handle)
    this.handle = null
  }

  /** Milliseconds until the next backup is due (0: now). */
  dueIn(): number {
    const newest = this.options.newestAt()
    if (newest === null) return 0
    return Math.max(0, newest + this.intervalMs - this.options.now())
  }

  private plan(ms: number): void {
    if (this.stopped) return
    if (this.handle !== null) this.timer.clearTimeout(this.handle)
    this.handle = this.timer.setTimeout(() => void this.tick(), ms)
  }

  private async tick(): Promise<void> {
    this.handle = null
    if (this.stopped || this.running) return
    // Another backup (a migration, a restore, "back up now") may have made this one unneeded.
    const due = this.dueIn()
    if (due > 0) return this.plan(due)
    this.running = true
    let retry = false
    try {
      await this.options.backUp()
    } catch (error) {
      retry = true
      this.options.onError?.(error)
    } finally {
      this.running = false
    }
    // After a success the newest copy is the one just taken; the floor only guards against a
    // clock that went backwards making the next one due at once, again and again.
    this.plan(retry ? Math.min(this.intervalMs, HOUR_MS) : Math.max(this.dueIn(), 60_000))
  }
}
