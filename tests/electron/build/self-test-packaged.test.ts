import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runnableApps } from '../../../electron/build/self-test-packaged.mjs'
import type { UnpackedApp } from '../../../electron/build/verify-package.mjs'

const root = resolve(__dirname, '..', '..', '..')
const app = (platform: UnpackedApp['platform'], arch: string): UnpackedApp => ({ platform, arch, binary: `${platform}-${arch}`, executable: `${platform}-${arch}`, resources: '' })

describe('launching the packaged app with --self-test', () => {
  it('runs only the apps this machine can run', () => {
    const apps = [app('linux', 'x64'), app('linux', 'arm64'), app('win32', 'x64'), app('darwin', 'x64'), app('darwin', 'arm64'), app('darwin', 'universal')]
    expect(runnableApps(apps, 'linux', 'x64').map((a) => a.binary)).toEqual(['linux-x64'])
    expect(runnableApps(apps, 'darwin', 'arm64').map((a) => a.binary)).toEqual(['darwin-arm64', 'darwin-universal'])
    expect(runnableApps(apps, 'win32', 'arm64')).toEqual([])
  })

  // The stand-in apps are shell scripts, which only a POSIX runner executes as binaries.
  describe.runIf(process.platform === 'linux')('the script, on stand-in apps', () => {
    const dirs: string[] = []
    afterEach(() => {
      while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true })
    })
    function distWith(program: string): string {
      const dist = mkdtempSync(join(tmpdir(), 'longhand-dist-'))
      dirs.push(dist)
      const unpacked = join(dist, process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`)
      mkdirSync(unpacked)
      writeFileSync(join(unpacked, 'longhand'), `#!/bin/sh\n${program}\n`)
      chmodSync(join(unpacked, 'longhand'), 0o755)
      return dist
    }
    const run = (dist: string) => spawnSync(process.execPath, [join(root, 'electron/build/self-test-packaged.mjs'), dist], { encoding: 'utf8', timeout: 60_000 })

    it('passes when the app exits 0 for --self-test', () => {
      const result = run(distWith('[ "$1" = "--self-test" ] && echo "Longhand self-test passed" && exit 0; exit 3'))
      expect(result.status).toBe(0)
      expect(result.stdout).toContain('Longhand self-test passed')
    })

    it('fails when the app exits non-zero', () => {
      const result = run(distWith('echo "Longhand self-test FAILED: boom" >&2; exit 1'))
      expect(result.status).toBe(1)
      expect(result.stdout).toMatch(/✗ .*longhand \(exit 1\)/)
    })

    it('fails when there is nothing to launch', () => {
      const dist = mkdtempSync(join(tmpdir(), 'longhand-dist-'))
      dirs.push(dist)
      expect(run(dist).status).toBe(1)
    })
  })
})
