import { describe, expect, it } from 'vitest'
import type { Services } from '../../../../../electron/main/services'
import { DAY_MS, SafetyBackupSchedule } from '../../../../../electron/main/services/store/safety-schedule'
import { steppedTimer } from '../../../support/stepped-timer'
import { manualClock, tempLibrary } from '../../../support/temp-library'

/** The schedule wired to a library as the app wires it, on the test's clock; `looks()` counts its reads of the newest copy. */
function scheduleOn(services: Services, clock: ReturnType<typeof manualClock>, options: { firstLookAfterMs?: number } = {}) {
  const timer = steppedTimer(clock)
  let looks = 0
  const schedule = new SafetyBackupSchedule({
    newestAt: () => {
      looks++
      return services.safetyBackups.list()[0]?.createdAt ?? null
    },
    backUp: () => services.safetyBackups.create(services.db, 'scheduled'),
    now: clock,
    timer,
    ...options,
  })
  return { schedule, timer, looks: () => looks }
}

describe('safety backups on a schedule (real SQLite copies)', () => {
  it('backs up at start when there is no copy, then every 24 h, keeping the last few', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    services.drafts.create({ title: 'Gesichert' })
    const { schedule, timer } = scheduleOn(services, clock)
    schedule.start()
    expect(timer.dueAt()).toEqual([clock()])
    await timer.fire()
    expect(services.safetyBackups.list().map((b) => b.reason)).toEqual(['scheduled'])
    expect(timer.dueAt()).toEqual([clock() + DAY_MS])

    clock.advance(DAY_MS - 1)
    await timer.tick()
    expect(services.safetyBackups.list()).toHaveLength(1)
    for (let day = 0; day < 9; day++) {
      clock.advance(DAY_MS)
      await timer.fire()
    }
    // Seven are kept, the newest first.
    const kept = services.safetyBackups.list()
    expect(kept).toHaveLength(7)
    expect(kept[0]!.createdAt).toBeGreaterThan(kept[6]!.createdAt)
    schedule.stop()
    expect(timer.dueAt()).toEqual([])
  })

  it('at start waits for the rest of the interval when the newest copy is recent (any reason counts)', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    await services.safetyBackups.create(services.db, 'before-migration-v2')
    clock.advance(5 * 60 * 60_000)
    const { schedule, timer } = scheduleOn(services, clock)
    schedule.start()
    expect(timer.dueAt()).toEqual([clock() + DAY_MS - 5 * 60 * 60_000])
    // A manual backup meanwhile moves the next scheduled one out.
    clock.advance(DAY_MS - 6 * 60 * 60_000)
    await services.safetyBackups.create(services.db, 'manual')
    clock.advance(60 * 60_000)
    await timer.fire()
    expect(services.safetyBackups.list().map((b) => b.reason)).toEqual(['manual', 'before-migration-v2'])
    expect(timer.dueAt()).toEqual([clock() - 60 * 60_000 + DAY_MS])
    schedule.stop()
  })

  it('a failed backup is reported and tried again within the hour; the app goes on', async () => {
    const clock = manualClock()
    const timer = steppedTimer(clock)
    const errors: unknown[] = []
    let attempts = 0
    const schedule = new SafetyBackupSchedule({
      newestAt: () => null,
      backUp: async () => {
        attempts++
        throw new Error('disk full')
      },
      now: clock,
      timer,
      onError: (e) => errors.push(e),
    })
    schedule.start()
    await timer.fire()
    expect(attempts).toBe(1)
    expect(errors).toHaveLength(1)
    expect(timer.dueAt()).toEqual([clock() + 60 * 60_000])
    schedule.stop()
  })

  it('with firstLookAfterMs, start() reads nothing: the first look (and a copy due then) waits until the start is over', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    await services.safetyBackups.create(services.db, 'manual')
    clock.advance(DAY_MS + 60_000)
    const { schedule, timer, looks } = scheduleOn(services, clock, { firstLookAfterMs: 10_000 })
    schedule.start()
    // Checking the newest copy reads it through (a quick_check of the whole copy): not while the window opens.
    expect(looks()).toBe(0)
    expect(timer.dueAt()).toEqual([clock() + 10_000])
    clock.advance(10_000)
    await timer.fire()
    expect(services.safetyBackups.list().map((b) => b.reason)).toEqual(['scheduled', 'manual'])
    expect(timer.dueAt()).toEqual([clock() + DAY_MS])
    schedule.stop()
  })
})
