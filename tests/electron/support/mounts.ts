import { execFileSync } from 'node:child_process'
import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { tempDir } from './temp-library'

/**
 * The one helper for real file systems that fail, for tests of full and read-only disks: a tiny
 * tmpfs, optionally remounted read-only (which stops root too, unlike chmod). Needs root with
 * mount rights. Whatever a test opens on a mount must be closed inside the test: this afterEach
 * runs before the temp-library one.
 */
const mounts: string[] = []
afterEach(() => {
  // -l (lazy): a test that failed half-way may still hold a file on the mount open.
  while (mounts.length) execFileSync('umount', ['-l', mounts.pop()!], { stdio: 'ignore' })
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

/** Makes a mount read-only ('ro') or writable again ('rw'). */
export function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' })
}

/** Writes a filler file until the disk refuses even 512 bytes more (ENOSPC). Returns its path. */
export function fillDisk(dir: string): string {
  const file = join(dir, 'filler')
  const fd = openSync(file, 'w')
  try {
    for (const size of [64 * 1024, 512]) {
      const block = Buffer.alloc(size)
      for (;;) {
        try {
          writeSync(fd, block)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
          break
        }
      }
    }
  } finally {
    closeSync(fd)
  }
  return file
}
