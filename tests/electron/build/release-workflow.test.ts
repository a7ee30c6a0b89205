import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * The release workflow cannot run here; this keeps it consistent with the repository: every
 * npm script it runs exists, it runs on the three OSes with the Node the toolchain needs, and it
 * only drafts.
 */
const root = resolve(__dirname, '..', '..', '..')
const workflow = parse(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8'))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const scripts: Record<string, string> = pkg.scripts

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string }
const buildSteps: Step[] = workflow.jobs.build.steps

describe('release workflow', () => {
  it('runs on version tags, on Windows, macOS and Ubuntu, with Node 22 LTS (what electron 45 and its tools declare)', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } })
    expect(workflow.jobs.build.strategy.matrix.include.map((m: { os: string }) => m.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest'])
    expect(buildSteps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22)
  })

  it('declares the Node the toolchain needs: electron 45, @electron/get 5 and @electron/rebuild 4 want >= 22.12', () => {
    expect(pkg.engines.node).toBe('>=22.12')
    const minimum = (range: string) => /(\d+)\.(\d+)/.exec(range)!.slice(1).map(Number) as [number, number]
    const [major, minor] = minimum(pkg.engines.node)
    for (const tool of ['electron', '@electron/get', '@electron/rebuild']) {
      const declared: string = JSON.parse(readFileSync(join(root, 'node_modules', tool, 'package.json'), 'utf8')).engines.node
      const [toolMajor, toolMinor] = minimum(declared)
      expect(major * 1000 + minor, `${tool} declares ${declared}`).toBeGreaterThanOrEqual(toolMajor * 1000 + toolMinor)
    }
    // The workflow's Node satisfies it.
    expect(22).toBeGreaterThanOrEqual(major)
  })

  it('only declares it: npm warns about engines (EBADENGINE) but nothing makes it refuse, so the tests still run on Node 20', () => {
    const npmrc = join(root, '.npmrc')
    if (existsSync(npmrc)) expect(readFileSync(npmrc, 'utf8')).not.toMatch(/^\s*engine-strict\s*=\s*true/m)
    expect(pkg.engineStrict).toBeUndefined()
  })

  it('installs, tests, smoke-tests Electron, builds, verifies and launches the packaged app, in that order', () => {
    const runs = buildSteps.map((s) => s.run ?? '').join('\n')
    const order = ['npm ci', 'npm test', 'npm run test:electron', 'npm run ${{ matrix.dist }}', 'npm run verify:dist', 'npm run self-test:dist'].map((cmd) => runs.indexOf(cmd))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('launches the packaged app with --self-test on every OS (Linux under a virtual display)', () => {
    const selfTests = buildSteps.filter((s) => s.run?.includes('npm run self-test:dist'))
    expect(selfTests.map((s) => [s.if, s.run])).toEqual([
      ["runner.os == 'Linux'", 'xvfb-run --auto-servernum npm run self-test:dist'],
      ["runner.os != 'Linux'", 'npm run self-test:dist'],
    ])
    expect(scripts['self-test:dist']).toBe('node electron/build/self-test-packaged.mjs dist')
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
