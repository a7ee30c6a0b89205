import { execFileSync } from 'node:child_process'
import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { tempDir } from './temp-library'

/**
 * Real file systems that fail: a tiny tmpfs that can be filled up. Needs root with mount rights
 * (chmod does not stop root); tests skip with `canMount` false elsewhere. Whatever a test opens
 * on a mount must be closed inside the test: this afterEach runs before the temp-library one.
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

export function mountTmpfs(options: string): string {
  const dir = tempDir('longhand-mount-')
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' })
  mounts.push(dir)
  return dir
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
