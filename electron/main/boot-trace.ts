import { performance } from 'node:perf_hooks'

/**
 * `LONGHAND_BOOT_TRACE=1`: each phase of the start, in ms since the process began, on stderr,
 * with the CPU time the process used so far (on a busy machine the wall clock mostly measures
 * the neighbours). Costs nothing otherwise. Shared by the Electron main process and the loopback bridge, which
 * start the same services (tests/bench/editor.bench.ts 'boot' measures the bridge).
 */
const enabled = process.env.LONGHAND_BOOT_TRACE === '1'
let last = 0

export function bootPhase(name: string): void {
  if (!enabled) return
  const at = performance.now()
  const { user, system } = process.cpuUsage()
  const cpu = (user + system) / 1000
  process.stderr.write(`[boot] ${at.toFixed(1).padStart(7)} ms  +${(at - last).toFixed(1).padStart(6)}  cpu ${cpu.toFixed(0).padStart(4)} ms  ${name}\n`)
  last = at
}
