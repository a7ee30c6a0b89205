/**
 * When to kill: a seeded random sequence (mulberry32), so a failing kill test can be replayed.
 * LONGHAND_KILL_SEED overrides the fixed seed; every failure message names the seed in use.
 */
export function killSchedule(fixedSeed: number) {
  const seed = process.env.LONGHAND_KILL_SEED ? Number(process.env.LONGHAND_KILL_SEED) : fixedSeed
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    seed,
    /** A uniformly random delay in [min, max) milliseconds. */
    between: (min: number, max: number) => min + next() * (max - min),
    /** Runs `check`; a failure is rethrown with the seed, to replay it with LONGHAND_KILL_SEED. */
    async replayable<T>(check: () => Promise<T>): Promise<T> {
      try {
        return await check()
      } catch (error) {
        if (error instanceof Error) error.message = `${error.message}\n(kill schedule seed ${seed}: rerun with LONGHAND_KILL_SEED=${seed})`
        throw error
      }
    },
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
