import { execFileSync } from 'node:child_process'
import { afterEach } from 'vitest'
import { tempDir } from './temp-library'

/**
 * Real file systems that fail, for tests of full and read-only disks: a tiny tmpfs, optionally
 * remounted read-only (which stops root too, unlike chmod). Needs root with mount rights.
 */
const mounts: string[] = []
afterEach(() => {
  while (mounts.length) execFileSync('umount', [mounts.pop()!], { stdio: 'ignore' })
})

export const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  try {
    const probe = tempDir('longhand-mount-probe-')
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', probe], { stdio: 'ignore' })
    execFileSync('umount', [probe], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** Mounts a tmpfs with `options` (e.g. 'size=64k') on `dir` (a fresh temp folder by default). */
export function mountTmpfs(options: string, dir = tempDir('longhand-mount-')): string {
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' })
  mounts.push(dir)
  return dir
}

export function remountReadOnly(dir: string): void {
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' })
}
