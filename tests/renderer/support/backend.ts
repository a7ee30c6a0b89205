import { LonghandError, type Channel } from '@shared/ipc'
import type { Api } from '../../../renderer/api/client'
import { createInProcessApi, type InProcessBackend } from '../../support/in-process-api'

export interface TestBackend extends InProcessBackend {
  /** Moves the backend's clock (revisions are rate-limited by time). */
  advance(ms: number): void
  /** Makes the next `n` calls of a channel fail the way a full or failing disk does. */
  failNext(channel: Channel, n: number): void
}

/**
 * The real backend (SQLite in a temp folder, the real dispatcher), reached through a thin
 * transport wrapper that can simulate a failing disk for the next few calls of a channel —
 * the one thing a healthy temp folder cannot do on demand.
 */
export async function testBackend(): Promise<TestBackend> {
  let now = Date.UTC(2025, 0, 6, 9, 0)
  const backend = await createInProcessApi({ now: () => now })
  const failures = new Map<Channel, number>()
  const api: Api = {
    ...backend.api,
    async invoke(channel, args) {
      const left = failures.get(channel) ?? 0
      if (left > 0) {
        failures.set(channel, left - 1)
        throw new LonghandError('storage', 'SQLITE_IOERR: disk I/O error')
      }
      return backend.api.invoke(channel, args)
    },
  }
  return {
    ...backend,
    api,
    advance(ms) {
      now += ms
    },
    failNext(channel, n) {
      failures.set(channel, n)
    },
  }
}
