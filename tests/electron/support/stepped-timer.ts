import type { Clock } from '../../../electron/main/services/clock'
import type { Timer } from '../../../electron/main/services/store/safety-schedule'

/**
 * A timer driven by the test (the schedule waits a day otherwise): `fire()` runs what is due at
 * the clock's current time and waits until the real backup it started has finished and the
 * schedule has planned its next run.
 */
export function steppedTimer(clock: Clock): Timer & { fire(): Promise<void> } {
  const pending = new Map<number, { at: number; run: () => void }>()
  let next = 1
  return {
    setTimeout(run, ms) {
      const id = next++
      pending.set(id, { at: clock() + ms, run })
      return id
    },
    clearTimeout(handle) {
      pending.delete(handle as number)
    },
    async fire() {
      const due = [...pending].filter(([, entry]) => entry.at <= clock())
      if (due.length === 0) throw new Error('steppedTimer: nothing is due')
      for (const [id, entry] of due) {
        pending.delete(id)
        entry.run()
      }
      for (let waited = 0; pending.size === 0 && waited < 5000; waited += 5) await new Promise((r) => setTimeout(r, 5))
    },
  }
}
