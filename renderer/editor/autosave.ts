/**
 * Autosave without a Save button.
 *
 * Invariants (each one is covered by tests/renderer/editor/autosave.test.ts):
 *  - content is read lazily (`change(read)` stores a reader, not a value), so a keystroke
 *    costs nothing; serialisation happens once per save;
 *  - a save starts at most `delayMs` after the last change (debounce), or at once on `flush()`;
 *  - saves of one controller never overlap, so an older snapshot can never overwrite a newer one;
 *  - a failed save keeps its content as pending (unless newer edits superseded it) and retries
 *    with backoff until it succeeds: nothing is silently dropped;
 *  - `detach()` captures the content synchronously, for when its source (the editor) goes away.
 */
export type SaveState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'error'; readonly message: string; readonly attempt: number; readonly retryInMs: number }

/** One shared object, so snapshot readers (useSyncExternalStore) see a stable value. */
export const SAVED: SaveState = Object.freeze({ kind: 'saved' })

export interface AutosaveOptions<T> {
  save(value: T): Promise<void>
  /** Quiet time after the last change before saving. */
  delayMs?: number
  /** Waits between retries after failures; the last one repeats. */
  retryDelaysMs?: readonly number[]
}

export const AUTOSAVE_DELAY_MS = 1000
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10_000, 30_000]

type Pending<T> = { read: () => T } | { value: T }

export class AutosaveController<T> {
  private readonly saveFn: (value: T) => Promise<void>
  private readonly delayMs: number
  private readonly retryDelaysMs: readonly number[]
  private pending: Pending<T> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private busy = 0
  private failures = 0
  private current: SaveState = SAVED
  private readonly listeners = new Set<(state: SaveState) => void>()
  private disposed = false

  constructor(options: AutosaveOptions<T>) {
    this.saveFn = options.save
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS
    this.retryDelaysMs = options.retryDelaysMs?.length ? options.retryDelaysMs : RETRY_DELAYS_MS
  }

  get state(): SaveState {
    return this.current
  }

  /** True while there is content not yet confirmed on disk (pending, saving or failed). */
  get hasUnsaved(): boolean {
    return this.pending !== null || this.busy > 0
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The content changed; `read` returns it when a save actually happens. */
  change(read: () => T): void {
    if (this.disposed) throw new Error('AutosaveController: change() after dispose()')
    this.pending = { read }
    // After a failure the retry timer keeps its backoff; new edits ride along with the retry.
    if (this.current.kind === 'error') return
    if (this.current.kind !== 'saving') this.setState({ kind: 'pending' })
    this.schedule(this.delayMs)
  }

  /** The content's source is going away: take its value now so later saves never call into it. */
  detach(): void {
    if (this.pending && 'read' in this.pending) this.pending = { value: this.pending.read() }
  }

  /** The latest content that is not yet known to be on disk, if any. */
  unsavedValue(): T | null {
    if (!this.pending) return null
    return 'read' in this.pending ? this.pending.read() : this.pending.value
  }

  /**
   * Saves now. Resolves true once everything changed before the call is on disk, false when
   * that save failed (a retry is then already scheduled and the content is kept).
   */
  flush(): Promise<boolean> {
    this.clearTimer()
    const attempt = this.queue.then(() => this.saveOnce())
    this.queue = attempt.catch(() => undefined)
    return attempt
  }

  /** Resolves when no save is running or queued (it does not start one). */
  settled(): Promise<void> {
    return this.queue.then(() => undefined)
  }

  /**
   * Ends the controller once it holds nothing unsaved. DO NOT call it with unsaved content:
   * that would stop the retries that keep a failed save from being lost.
   */
  dispose(): void {
    if (this.hasUnsaved) throw new Error('AutosaveController: dispose() with unsaved content')
    this.disposed = true
    this.clearTimer()
    this.listeners.clear()
  }

  private async saveOnce(): Promise<boolean> {
    if (!this.pending) return true
    const taken = this.pending
    const value = 'read' in taken ? taken.read() : taken.value
    this.pending = null
    this.busy++
    this.setState({ kind: 'saving' })
    try {
      await this.saveFn(value)
      this.failures = 0
      this.busy--
      this.setState(this.pending ? { kind: 'pending' } : SAVED)
      return true
    } catch (error) {
      this.busy--
      // Newer edits (pending again) supersede the failed value; otherwise keep the failed one.
      if (!this.pending) this.pending = { value }
      this.failures++
      const retryInMs = this.retryDelaysMs[Math.min(this.failures, this.retryDelaysMs.length) - 1] ?? this.delayMs
      this.setState({ kind: 'error', message: errorMessage(error), attempt: this.failures, retryInMs })
      this.schedule(retryInMs)
      return false
    }
  }

  private schedule(ms: number): void {
    this.clearTimer()
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, ms)
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private setState(state: SaveState): void {
    this.current = state
    for (const listener of this.listeners) listener(state)
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
