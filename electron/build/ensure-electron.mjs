#!/usr/bin/env node
// `npm start` and `npm run test:electron` run this before anything launches Electron: it fetches
// the Electron binary with electron's own install.js when it is missing (see
// ensure-electron-lib.mjs) and exits 1 with a short, readable message when that fails.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectronBinary, linuxSandboxHint } from './ensure-electron-lib.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const electronDir = resolve(process.env.LONGHAND_ELECTRON_DIR || resolve(root, 'node_modules', 'electron'))

try {
  const result = await ensureElectronBinary({ electronDir })
  if (result.status === 'downloaded') console.log(`Electron downloaded: ${result.path}`)
  let restrictUserns = null
  try {
    restrictUserns = readFileSync('/proc/sys/kernel/apparmor_restrict_unprivileged_userns', 'utf8')
  } catch {
    // not Linux, or no AppArmor: nothing to warn about
  }
  const hint = linuxSandboxHint({ restrictUserns })
  if (hint) console.warn(hint)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
