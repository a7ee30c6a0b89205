import { performance } from 'node:perf_hooks'

/**
 * `LONGHAND_BOOT_TRACE=1`: each phase of the start, in ms since the process began, on stderr.
 * Costs nothing otherwise. Shared by the Electron main process and the loopback bridge, which
 * start the same services (tests/bench/editor.bench.ts 'boot' measures the bridge).
 */
const enabled = process.env.LONGHAND_BOOT_TRACE === '1'
let last = 0

export function bootPhase(name: string): void {
  if (!enabled) return
  const at = performance.now()
  process.stderr.write(`[boot] ${at.toFixed(1).padStart(7)} ms  +${(at - last).toFixed(1).padStart(6)}  ${name}\n`)
  last = at
}
