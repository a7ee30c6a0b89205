import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Builds the app once for all end-to-end tests: they run the built renderer and the built
 * bridge (out/), exactly what `npm run web` serves.
 */
export default function setup(): void {
  const root = resolve(__dirname, '../../..')
  execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  for (const file of ['out/main/bridge.js', 'out/renderer/index.html']) {
    if (!existsSync(resolve(root, file))) throw new Error(`The build did not produce ${file}`)
  }
}
