import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { describeSelfTest, isSelfTestRun, runSelfTest } from '../../../electron/main/self-test'
import { createServices, type Services } from '../../../electron/main/services'

const roots: string[] = []
afterEach(() => {
  while (roots.length) rmSync(roots.pop()!, { recursive: true, force: true })
})
function tempRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'longhand-self-test-root-'))
  roots.push(dir)
  return dir
}

describe('--self-test', () => {
  it('is recognised among the other arguments a packaged app gets', () => {
    expect(isSelfTestRun(['/opt/Longhand/longhand', '--self-test'])).toBe(true)
    expect(isSelfTestRun(['/opt/Longhand/longhand', '--no-sandbox', '--self-test'])).toBe(true)
    expect(isSelfTestRun(['/opt/Longhand/longhand', 'notes.md'])).toBe(false)
    expect(isSelfTestRun(['/opt/Longhand/longhand', '--self-test-extra'])).toBe(false)
  })

  it('opens a real library in a temporary folder, saves, reads back (also after reopening) and cleans up', async () => {
    const root = tempRoot()
    const opened: string[] = []
    const result = await runSelfTest({
      tempRoot: root,
      open: (dataDir) => {
        opened.push(dataDir)
        return createServices({ dataDir })
      },
    })
    expect(result).toEqual({
      ok: true,
      steps: expect.arrayContaining(['opened a new library', 'the integrity check ran on its worker thread', 'closed, reopened and read it back again']),
    })
    expect(opened).toHaveLength(2)
    expect(opened[0]).toBe(opened[1])
    expect(opened[0]!.startsWith(root)).toBe(true)
    expect(readdirSync(root)).toEqual([]) // the temporary library is gone
    expect(describeSelfTest(result)).toMatch(/^Longhand self-test passed: /)
  })

  it('fails (and still cleans up) when the library cannot be opened, e.g. a native module that does not load', async () => {
    const root = tempRoot()
    const result = await runSelfTest({
      tempRoot: root,
      open: (dataDir) => createServices({ dataDir, nativeBinding: join(root, 'missing', 'better_sqlite3.node') }),
    })
    expect(result.ok).toBe(false)
    expect(describeSelfTest(result)).toMatch(/^Longhand self-test FAILED after no step: /)
    expect(readdirSync(root)).toEqual([])
  })

  it('fails when what is read back is not what was saved', async () => {
    const root = tempRoot()
    let services: Services | null = null
    const result = await runSelfTest({
      tempRoot: root,
      open: async (dataDir) => {
        services = await createServices({ dataDir })
        const real = services
        // A library that silently drops the text: saveContent "succeeds", the doc stays empty.
        return { ...real, drafts: Object.assign(Object.create(Object.getPrototypeOf(real.drafts)), real.drafts, { saveContent: () => ({ updatedAt: 0 }) }), search: real.search, close: () => real.close() }
      },
    })
    expect(result.ok).toBe(false)
    expect(result.ok === false && result.error).toMatch(/read back differs/)
    expect(readdirSync(root)).toEqual([])
    expect(services!.db.open).toBe(false) // closed on failure too
  })

  it('fails when the temporary folder cannot be made', async () => {
    const result = await runSelfTest({ tempRoot: join(tempRoot(), 'does', 'not', 'exist'), open: () => Promise.reject(new Error('not reached')) })
    expect(result.ok).toBe(false)
    expect(existsSync(join(tmpdir(), 'does'))).toBe(false)
  })
})
