#!/usr/bin/env node
// Launches each packaged app in dist/ that this machine can run with `--self-test` (see
// electron/main/self-test.ts: a temporary library, save, read back, exit 0) and fails unless it
// exits 0. The release workflow runs it after verify:dist on every OS, so an installer whose app
// cannot open a library (wrong native module, missing migration, broken asar) is never published.
//   node electron/build/self-test-packaged.mjs [dist]      (Linux CI: under xvfb-run)
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { findUnpackedApps } from './verify-package.mjs'

/** The unpacked apps this machine can launch: its own OS, its own CPU (or a universal macOS app). */
export function runnableApps(apps, platform = process.platform, arch = process.arch) {
  return apps.filter((app) => app.platform === platform && (app.arch === arch || (platform === 'darwin' && app.arch === 'universal')))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const distDir = resolve(process.argv[2] ?? 'dist')
  const { default: config } = await import('./electron-builder.config.mjs')
  const all = findUnpackedApps(distDir, config.productName, config.linux?.executableName)
  const apps = runnableApps(all)
  for (const skipped of all.filter((app) => !apps.includes(app))) console.log(`- ${skipped.executable}: ${skipped.platform}-${skipped.arch} cannot run on this ${process.platform}-${process.arch} machine`)
  if (apps.length === 0) {
    console.error(`No packaged app in ${distDir} that this ${process.platform}-${process.arch} machine can run.`)
    process.exit(1)
  }
  let failed = false
  for (const app of apps) {
    console.log(`Self-test: ${app.executable} --self-test`)
    const result = spawnSync(app.executable, ['--self-test'], { stdio: 'inherit', timeout: 180_000 })
    const ok = result.status === 0
    console.log(`${ok ? '✓' : '✗'} ${app.executable}${ok ? '' : ` (exit ${result.status ?? result.signal ?? result.error?.message})`}`)
    failed ||= !ok
  }
  process.exit(failed ? 1 : 0)
}
