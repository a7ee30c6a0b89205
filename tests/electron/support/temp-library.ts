import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createServices, type Services, type ServicesOptions } from '../../../electron/main/services'

/** A movable clock so time-based behaviour (snapshots, ordering) is tested without sleeping. */
export function manualClock(start = Date.UTC(2026, 10, 23, 9, 0, 0)) {
  let now = start
  const clock = () => now
  clock.advance = (ms: number) => {
    now += ms
  }
  clock.set = (ms: number) => {
    now = ms
  }
  return clock
}

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

export function tempDir(prefix = 'longhand-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Real services on a real SQLite file in a fresh temp folder, closed after each test. */
export async function tempLibrary(options: Partial<ServicesOptions> = {}): Promise<Services> {
  const services = await createServices({ dataDir: options.dataDir ?? tempDir(), ...options })
  cleanups.unshift(() => services.close())
  return services
}
