import { type BridgeProcess, startBridgeProcess } from './bridge-process'

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

export type KillSchedule = ReturnType<typeof killSchedule>

export interface BusyRounds<T> {
  dataDir: string
  rounds: number
  /** The kill comes this many milliseconds (low, high; drawn from the schedule) after the round's first request. */
  killAfterMs: readonly [number, number]
  /** Runs once the bridge is up, before the first request of the round. */
  prepare?(bridge: BridgeProcess, round: number): Promise<void>
  /** One request; a rejection is the process dying under it, and ends the round's requests. */
  request(bridge: BridgeProcess, round: number): Promise<T>
  /** The answer of a request that came back; a throw here fails the test. */
  acknowledge(answer: T, round: number): void
  /** After the kill, on what the dead process left behind. */
  check(round: number): void
}

/**
 * The kill tests' rounds: the bridge started on `dataDir`, requests sent back to back, a SIGKILL
 * at a moment the seeded schedule picks, then `check` on the files — `rounds` times over.
 */
export async function killWhileBusy<T>(schedule: KillSchedule, rounds: BusyRounds<T>): Promise<void> {
  for (let round = 0; round < rounds.rounds; round++) {
    const bridge = await startBridgeProcess(rounds.dataDir)
    await rounds.prepare?.(bridge, round)
    let stopped = false
    const busy = (async () => {
      while (!stopped) {
        let answer: T
        try {
          answer = await rounds.request(bridge, round)
        } catch {
          return // the process died mid-request
        }
        rounds.acknowledge(answer, round)
      }
    })()
    await sleep(schedule.between(...rounds.killAfterMs))
    stopped = true
    await bridge.stop('SIGKILL')
    await busy
    rounds.check(round)
  }
}
