import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { describeDownloadFailure, electronBinaryState, ensureElectronBinary, linuxSandboxHint } from '../../../electron/build/ensure-electron-lib.mjs'

const root = resolve(__dirname, '..', '..', '..')
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts
const ENSURE_STEP = 'node electron/build/ensure-electron.mjs'
const electronVersion: string = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version

/**
 * The commands `npm run <name>` executes, in order, with every `npm run x` / `npm start` /
 * `npm test` inside it replaced by that script's own commands (and npm's pre/post scripts).
 */
function commandChain(name: string, seen: string[] = []): string[] {
  if (seen.includes(name)) throw new Error(`script cycle: ${[...seen, name].join(' → ')}`)
  const script = scripts[name]
  if (script === undefined) throw new Error(`no script ${name}`)
  const own = script
    .split(/&&|\|\||;/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((command) => {
      const nested = /^npm (?:run(?:-script)? ([\w:.-]+)|(start|test))\b/.exec(command)
      return nested ? commandChain((nested[1] ?? nested[2])!, [...seen, name]) : [command]
    })
  const pre = scripts[`pre${name}`] !== undefined ? commandChain(`pre${name}`, [...seen, name]) : []
  const post = scripts[`post${name}`] !== undefined ? commandChain(`post${name}`, [...seen, name]) : []
  return [...pre, ...own, ...post]
}

describe('the Electron binary is fetched before anything launches it', () => {
  it.each([
    ['start', /^electron-vite dev\b/],
    ['test:electron', /tests\/electron-app/],
  ])('`npm run %s` fetches Electron before launching it', (name, launches) => {
    const chain = commandChain(name)
    const launch = chain.findIndex((command) => launches.test(command))
    const ensure = chain.indexOf(ENSURE_STEP)
    expect(launch, chain.join(' && ')).toBeGreaterThanOrEqual(0)
    expect(ensure, `${name} must run "${ENSURE_STEP}" before launching Electron: ${chain.join(' && ')}`).toBeGreaterThanOrEqual(0)
    expect(ensure).toBeLessThan(launch)
  })

  it('follows nested npm scripts (the chain check cannot be dodged by moving the step into another script)', () => {
    expect(commandChain('dist:linux')).toEqual(expect.arrayContaining(['electron-vite build', 'node electron/build/licenses.mjs']))
  })

  it('is the script electron-vite cannot do without: it reads path.txt and refuses to start without it', () => {
    const source = readFileSync(join(root, 'node_modules/electron-vite/package.json'), 'utf8')
    expect(JSON.parse(source).version).toMatch(/^6\./)
    // electron 45 has no install script: nothing but our step (or a require('electron')) downloads it.
    expect(JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).scripts?.postinstall).toBeUndefined()
  })
})

describe('ensureElectronBinary', () => {
  const dirs: string[] = []
  afterEach(() => {
    while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true })
  })

  /** A node_modules/electron lookalike whose install.js is the given script. */
  function fakeElectron(installJs: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'longhand-electron-'))
    dirs.push(dir)
    copyFileSync(join(root, 'node_modules/electron/package.json'), join(dir, 'package.json'))
    writeFileSync(join(dir, 'install.js'), installJs)
    return dir
  }
  const INSTALLS = `
    const fs = require('fs'), path = require('path')
    fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true })
    fs.writeFileSync(path.join(__dirname, 'dist', 'version'), '${electronVersion}')
    fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), 'binary')
    fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron')
  `
  const FAILS = `
    const err = new TypeError('fetch failed')
    console.error(err.stack)
    process.exit(1)
  `
  const quiet = () => {}

  it('runs install.js when path.txt is missing, and reports the binary', async () => {
    const dir = fakeElectron(INSTALLS)
    expect(electronBinaryState(dir, { platform: 'linux', env: {} })).toMatchObject({ installed: false, fixable: true })
    const result = await ensureElectronBinary({ electronDir: dir, platform: 'linux', env: { PATH: process.env.PATH }, log: quiet })
    expect(result).toEqual({ status: 'downloaded', path: join(dir, 'dist', 'electron') })
    expect(electronBinaryState(dir, { platform: 'linux', env: {} })).toEqual({ installed: true, path: join(dir, 'dist', 'electron') })
  })

  it('does nothing when the binary is there (install.js is not even started)', async () => {
    const dir = fakeElectron(INSTALLS)
    await ensureElectronBinary({ electronDir: dir, platform: 'linux', env: {}, log: quiet })
    writeFileSync(join(dir, 'install.js'), FAILS)
    expect(await ensureElectronBinary({ electronDir: dir, platform: 'linux', env: {}, log: quiet })).toEqual({ status: 'present', path: join(dir, 'dist', 'electron') })
  })

  it('downloads again when the binary or its version does not match', async () => {
    const dir = fakeElectron(INSTALLS)
    await ensureElectronBinary({ electronDir: dir, platform: 'linux', env: {}, log: quiet })
    writeFileSync(join(dir, 'dist', 'version'), '44.0.0')
    expect(electronBinaryState(dir, { platform: 'linux', env: {} })).toMatchObject({ installed: false, reason: expect.stringContaining('44.0.0') })
    rmSync(join(dir, 'dist', 'electron'))
    writeFileSync(join(dir, 'dist', 'version'), electronVersion)
    expect(electronBinaryState(dir, { platform: 'linux', env: {} })).toMatchObject({ installed: false, reason: expect.stringContaining('missing') })
    expect(electronBinaryState(dir, { platform: 'win32', env: {} })).toMatchObject({ installed: false, reason: expect.stringContaining('electron.exe') })
  })

  it('turns a failed download into a short message without a stack trace', async () => {
    const dir = fakeElectron(FAILS)
    const failure = ensureElectronBinary({ electronDir: dir, platform: 'linux', env: { PATH: process.env.PATH }, log: quiet })
    await expect(failure).rejects.toThrow(`Could not download the Electron ${electronVersion} binary (TypeError: fetch failed).`)
    const message = await failure.catch((error: Error) => error.message)
    expect(message).not.toMatch(/^\s*at /m)
  })

  it('fails clearly when install.js exits 0 but left no binary', async () => {
    const dir = fakeElectron('')
    await expect(ensureElectronBinary({ electronDir: dir, platform: 'linux', env: {}, log: quiet })).rejects.toThrow(/install\.js finished, but .*path\.txt is missing/)
  })

  it('respects ELECTRON_EXEC_PATH (what electron-vite launches instead) and names it when it is wrong', async () => {
    const dir = fakeElectron(FAILS)
    const exec = join(dir, 'my-electron')
    writeFileSync(exec, '')
    expect(await ensureElectronBinary({ electronDir: dir, env: { ELECTRON_EXEC_PATH: exec }, log: quiet })).toEqual({ status: 'present', path: exec })
    await expect(ensureElectronBinary({ electronDir: dir, env: { ELECTRON_EXEC_PATH: join(dir, 'nope') }, log: quiet })).rejects.toThrow(/ELECTRON_EXEC_PATH points at .*nope/)
  })

  it('says to install first when node_modules/electron is not there at all', async () => {
    const dir = join(tmpdir(), 'longhand-no-such-electron')
    await expect(ensureElectronBinary({ electronDir: dir, env: {}, log: quiet })).rejects.toThrow(/longhand-no-such-electron is missing: run `npm install`/)
  })

  it('keeps the error line of a real install.js failure and drops the stack', () => {
    const stderr = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///x/FetchDownloader.js:46:30)\n'
    const message = describeDownloadFailure(stderr, '45.4.1')
    expect(message.split('\n')[0]).toBe('Could not download the Electron 45.4.1 binary (TypeError: fetch failed).')
    expect(message).toContain('ELECTRON_MIRROR')
    expect(message).not.toContain('undici')
  })
})

describe('ensure-electron.mjs with the real install.js', () => {
  it('exits 1 with a readable message when the download cannot happen', () => {
    // A dead mirror, no cache and an empty dist override: the real install.js must download
    // and fails at once (connection refused), on any machine, without writing anything.
    const empty = mkdtempSync(join(tmpdir(), 'longhand-no-electron-'))
    try {
      mkdirSync(join(empty, 'dist'))
      mkdirSync(join(empty, 'cache'))
      const result = spawnSync(process.execPath, [join(root, 'electron/build/ensure-electron.mjs')], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          ELECTRON_EXEC_PATH: '',
          HOME: empty,
          ELECTRON_OVERRIDE_DIST_PATH: join(empty, 'dist'),
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          npm_config_electron_mirror: 'http://127.0.0.1:9/',
          electron_config_cache: join(empty, 'cache'),
          force_no_cache: 'true',
        },
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(new RegExp(`^Could not download the Electron ${electronVersion.replace(/\./g, '\\.')} binary \\(`))
      expect(result.stderr).not.toMatch(/^\s*at /m)
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})

describe('Linux sandbox hint', () => {
  it('speaks up only where Ubuntu restricts unprivileged user namespaces', () => {
    expect(linuxSandboxHint({ platform: 'linux', restrictUserns: '1\n' })).toMatch(/apparmor_restrict_unprivileged_userns=1/)
    expect(linuxSandboxHint({ platform: 'linux', restrictUserns: '0\n' })).toBeNull()
    expect(linuxSandboxHint({ platform: 'linux', restrictUserns: null })).toBeNull()
    expect(linuxSandboxHint({ platform: 'darwin', restrictUserns: '1' })).toBeNull()
  })
})

describe('installers do not need node_modules/electron/dist', () => {
  it('electron-builder fetches its own Electron per target arch (no electronDist pointing at node_modules)', async () => {
    const { default: config } = await import('../../../electron/build/electron-builder.config.mjs')
    expect(config.electronDist).toBeUndefined()
    expect(config.electronVersion).toBe(electronVersion)
    for (const name of ['dist', 'dist:win', 'dist:mac', 'dist:linux']) expect(commandChain(name).some((c) => c.startsWith('electron-builder '))).toBe(true)
  })
})
