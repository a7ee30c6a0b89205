import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '..', '..', '..')
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const offline = join(__dirname, 'support', 'electronegativity-offline.cjs')
const SCANNED = ['electron', 'renderer']

interface Finding {
  check: string
  file: string
  line: number
}
interface AllowlistEntry {
  check: string
  file: string
  reason: string
}

/** SARIF results → findings with project-relative paths; global checks have no file. */
function findingsFrom(sarif: { runs: Array<{ results: Array<{ ruleId: string; locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }> }> }> }): Finding[] {
  return sarif.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation
      const uri = location?.artifactLocation?.uri ?? ''
      const file = uri === '' || uri === 'file:///' ? '(global)' : uri.replace(/^file:\/\/\//, '').replace(/\\/g, '/')
      return { check: result.ruleId, file, line: location?.region?.startLine ?? 0 }
    }),
  )
}

function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-r', offline, cli, ...args], { cwd: root, env: { ...process.env, LANG: 'en-US' } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }))
  })
}

describe('electronegativity', () => {
  let work: string
  let findings: Finding[]
  let allowlist: AllowlistEntry[]

  beforeAll(async () => {
    // One scan over main, preload, bridge and renderer together, so the global checks (CSP,
    // navigation limits, permission handler) see the whole app.
    work = await mkdtemp(join(tmpdir(), 'longhand-electronegativity-'))
    const src = join(work, 'src')
    for (const dir of SCANNED) await cp(join(root, dir), join(src, dir), { recursive: true })
    const electronVersion = JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
    const report = join(work, 'report.sarif')
    const result = await run(['-i', src, '-o', report, '-r', '-v', 'false', '-e', electronVersion])
    if (result.code !== 0) throw new Error(`electronegativity failed (${result.code}):\n${result.output}`)
    findings = findingsFrom(JSON.parse(await readFile(report, 'utf8')))
    allowlist = JSON.parse(await readFile(join(__dirname, 'electronegativity-allowlist.json'), 'utf8'))
  }, 60_000)

  afterAll(async () => {
    await rm(work, { recursive: true, force: true })
  })

  it('scanned the app (the checks ran and reported through SARIF)', () => {
    expect(Array.isArray(findings)).toBe(true)
    // The app opens links externally, so the scanner must at least have seen that call site.
    expect(findings.some((f) => f.check === 'OPEN_EXTERNAL_JS_CHECK')).toBe(true)
  })

  it('finds nothing that is not in the allowlist', () => {
    const unexpected = findings.filter((f) => !allowlist.some((a) => a.check === f.check && a.file === f.file))
    expect(unexpected.map((f) => `${f.check} ${f.file}:${f.line}`)).toEqual([])
  })

  it('keeps the allowlist honest: every entry has a reason and still matches a finding', () => {
    for (const entry of allowlist) expect(entry.reason.length, `${entry.check} ${entry.file}`).toBeGreaterThan(20)
    const stale = allowlist.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file))
    expect(stale.map((a) => `${a.check} ${a.file}`)).toEqual([])
  })
})
