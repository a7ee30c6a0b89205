import type { Clock } from '../../../electron/main/services/clock'
import type { Timer } from '../../../electron/main/services/store/safety-schedule'

/**
 * A timer driven by the test (the schedule waits a day otherwise): `fire()` runs what is due at
 * the clock's current time and waits until the real backup it started has finished and the
 * schedule has planned its next run.
 */
export interface SteppedTimer extends Timer {
  /** Runs what is due now (it must be something) and waits for the schedule's next plan. */
  fire(): Promise<void>
  /** Runs whatever is due now, nothing included. */
  tick(): Promise<void>
  /** When each planned run is due. */
  dueAt(): number[]
}

export function steppedTimer(clock: Clock): SteppedTimer {
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
      if (!(await runDue())) throw new Error('steppedTimer: nothing is due')
    },
    async tick() {
      await runDue()
    },
    dueAt: () => [...pending.values()].map((entry) => entry.at),
  }

  async function runDue(): Promise<boolean> {
    const due = [...pending].filter(([, entry]) => entry.at <= clock())
    for (const [id, entry] of due) {
      pending.delete(id)
      entry.run()
    }
    // The backup is real I/O: wait until it finished and the next one is planned.
    for (let waited = 0; due.length > 0 && pending.size === 0 && waited < 5000; waited += 5) await new Promise((r) => setTimeout(r, 5))
    return due.length > 0
  }
}
