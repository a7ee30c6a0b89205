import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * The release workflow cannot run here; this keeps it consistent with the repository: every
 * npm script it runs exists, it runs on the three OSes with Node 20, and it only drafts.
 */
const root = resolve(__dirname, '..', '..', '..')
const workflow = parse(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8'))
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string }
const buildSteps: Step[] = workflow.jobs.build.steps

describe('release workflow', () => {
  it('runs on version tags, on Windows, macOS and Ubuntu, with Node 20', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } })
    expect(workflow.jobs.build.strategy.matrix.include.map((m: { os: string }) => m.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest'])
    expect(buildSteps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20)
  })

  it('installs, tests, smoke-tests Electron, builds and verifies, in that order', () => {
    const runs = buildSteps.map((s) => s.run ?? '').join('\n')
    const order = ['npm ci', 'npm test', 'npm run test:electron', 'npm run ${{ matrix.dist }}', 'npm run verify:dist'].map((cmd) => runs.indexOf(cmd))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('calls only npm scripts that exist', () => {
    const runs = buildSteps.map((s) => s.run ?? '').join('\n')
    const named = [...runs.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!)
    const fromMatrix = workflow.jobs.build.strategy.matrix.include.map((m: { dist: string }) => m.dist)
    for (const script of [...named, ...fromMatrix]) expect(scripts, script).toHaveProperty(script)
    expect(scripts['dist:win']).toContain('--win')
    expect(scripts['dist:mac']).toContain('--mac')
    expect(scripts['dist:linux']).toContain('--linux')
    // The Electron smoke test stays out of `npm test` (it needs the Electron binary).
    expect(scripts.test).not.toContain('electron-app')
  })

  it('wires signing secrets through the environment and never forces signing', () => {
    const env = buildSteps.find((s) => s.run === 'npm run ${{ matrix.dist }}')?.env ?? {}
    expect(Object.keys(env).sort()).toEqual(
      ['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_IDENTITY_AUTO_DISCOVERY', 'CSC_KEY_PASSWORD', 'CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'WIN_CSC_LINK'].sort(),
    )
    for (const value of Object.values(env)) expect(value).toMatch(/^\$\{\{.*\}\}$/)
  })

  it('attaches the installers to a draft release only', () => {
    const release = workflow.jobs.release
    expect(release.needs).toBe('build')
    expect(release.permissions).toEqual({ contents: 'write' })
    expect(workflow.permissions).toEqual({ contents: 'read' })
    const publish = (release.steps as Step[]).find((s) => s.uses?.startsWith('softprops/action-gh-release'))
    expect(publish?.with?.draft).toBe(true)
    expect(String(publish?.with?.files).trim().split('\n')).toEqual(['installers/*.exe', 'installers/*.dmg', 'installers/*.AppImage', 'installers/*.deb'])
  })
})
