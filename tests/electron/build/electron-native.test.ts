import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ensureElectronNative,
  looksLikeNativeModule,
  nodeGypCommand,
  parseTargetArgs,
  prebuildInstallCommand,
  sanitizedBuildEnv,
  type Runner,
} from '../../../electron/build/electron-native-lib.mjs'
import { NATIVE_BINARY_NAME, nativeTargetName } from '../../../electron/build/native-layout.mjs'

const projectRoot = resolve(__dirname, '..', '..', '..')
const nodeBuild = join(projectRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', NATIVE_BINARY_NAME)
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])
const target = { platform: 'linux', arch: 'x64', electronVersion: '45.4.1' }

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex')
}

describe('native layout', () => {
  it('names one folder per platform, arch and Electron version', () => {
    expect(nativeTargetName(target)).toBe('linux-x64-electron45.4.1')
    expect(nativeTargetName({ platform: 'win32', arch: 'arm64', electronVersion: '45.4.1' })).toBe('win32-arm64-electron45.4.1')
  })

  it.each([
    { platform: '../etc', arch: 'x64', electronVersion: '45.4.1' },
    { platform: 'linux', arch: 'x64/..', electronVersion: '45.4.1' },
    { platform: 'linux', arch: '', electronVersion: '45.4.1' },
    { platform: 'linux', arch: 'x64', electronVersion: '45 4' },
  ])('rejects unsafe parts %j', (bad) => {
    expect(() => nativeTargetName(bad)).toThrow(/Invalid/)
  })
})

describe('build commands', () => {
  it('asks prebuild-install for the Electron runtime prebuild of the requested target', () => {
    const { command, args } = prebuildInstallCommand({ root: projectRoot, ...target })
    expect(command).toBe(process.execPath)
    expect(args[0]).toMatch(/prebuild-install[\\/]bin\.js$/)
    expect(existsSync(args[0] as string)).toBe(true)
    expect(args.slice(1)).toEqual(['--runtime=electron', '--target=45.4.1', '--arch=x64', '--platform=linux', '--tag-prefix=v', '--verbose'])
  })

  it('compiles with node-gyp against Electron headers, never a configured nodedir', () => {
    const { args } = nodeGypCommand({ root: projectRoot, arch: 'arm64', electronVersion: '45.4.1' })
    expect(existsSync(args[0] as string)).toBe(true)
    expect(args.slice(1)).toEqual(['rebuild', '--release', '--target=45.4.1', '--arch=arm64', '--dist-url=https://electronjs.org/headers'])
    expect(args.join(' ')).not.toContain('nodedir')
  })

  it('drops the npm settings that would redirect the build, keeps the rest', () => {
    const env = sanitizedBuildEnv({
      PATH: '/usr/bin',
      HOME: '/home/me',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.19.0',
      npm_config_runtime: 'node',
      npm_config_arch: 'ia32',
      npm_config_build_from_source: 'true',
      npm_config_cache: '/home/me/.npm',
      UNSET: undefined,
    })
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/me', npm_config_cache: '/home/me/.npm' })
  })

  it('parses --arch/--platform overrides', () => {
    const defaults = { platform: 'linux', arch: 'x64' }
    expect(parseTargetArgs([], defaults)).toEqual(defaults)
    expect(parseTargetArgs(['--arch', 'arm64'], defaults)).toEqual({ platform: 'linux', arch: 'arm64' })
    expect(parseTargetArgs(['--platform=darwin', '--arch=arm64'], defaults)).toEqual({ platform: 'darwin', arch: 'arm64' })
    expect(() => parseTargetArgs(['--arch'], defaults)).toThrow(/needs a value/)
    expect(() => parseTargetArgs(['--rebuild'], defaults)).toThrow(/Unknown argument/)
  })
})

describe('looksLikeNativeModule', () => {
  it('recognises each platform object format and nothing else', () => {
    expect(looksLikeNativeModule(ELF, 'linux')).toBe(true)
    expect(looksLikeNativeModule(Buffer.from('MZ\x90\x00'), 'win32')).toBe(true)
    expect(looksLikeNativeModule(Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), 'darwin')).toBe(true)
    expect(looksLikeNativeModule(ELF, 'win32')).toBe(false)
    expect(looksLikeNativeModule(Buffer.from('<!DOCTYPE html>'), 'linux')).toBe(false)
    expect(looksLikeNativeModule(Buffer.alloc(0), 'linux')).toBe(false)
    expect(looksLikeNativeModule(null, 'linux')).toBe(false)
  })

  it('accepts the real better-sqlite3 build of this machine', async () => {
    const header = (await readFile(nodeBuild)).subarray(0, 4)
    expect(looksLikeNativeModule(header, process.platform)).toBe(true)
  })
})

describe('ensureElectronNative', () => {
  let root: string
  let calls: Array<{ command: string; args: string[]; cwd: string; env: Record<string, string> }>
  let nodeBuildHash: string

  beforeEach(async () => {
    // A throw-away project whose node_modules is the real one (read only for this code).
    root = await mkdtemp(join(tmpdir(), 'longhand-native-test-'))
    await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'junction')
    await writeFile(join(root, 'package.json'), '{"name":"fixture","private":true}')
    calls = []
    nodeBuildHash = await sha256(nodeBuild)
  })

  afterEach(async () => {
    // node_modules' own Node build must never be touched.
    expect(await sha256(nodeBuild)).toBe(nodeBuildHash)
    await rm(root, { recursive: true, force: true })
  })

  /** Stands in for the external programs: writes `output` where they would, exits with `code`. */
  function fakeTools(results: { prebuild: { code: number; output?: Buffer }; gyp?: { code: number; output?: Buffer } }): Runner {
    return async (command, args, options) => {
      calls.push({ command, args, cwd: options.cwd, env: options.env })
      const result = /prebuild-install/.test(args[0] ?? '') ? results.prebuild : results.gyp
      if (!result) throw new Error(`unexpected command ${args.join(' ')}`)
      if (result.output) {
        await mkdir(join(options.cwd, 'build', 'Release'), { recursive: true })
        await writeFile(join(options.cwd, 'build', 'Release', NATIVE_BINARY_NAME), result.output)
      }
      return result.code
    }
  }

  const quiet = () => undefined
  const expectedPath = () => join(root, '.electron-native', 'linux-x64-electron45.4.1', NATIVE_BINARY_NAME)

  it('downloads into a staging copy and places the binary in .electron-native', async () => {
    const result = await ensureElectronNative({
      root,
      ...target,
      run: fakeTools({ prebuild: { code: 0, output: ELF } }),
      log: quiet,
      env: { PATH: process.env.PATH, npm_config_nodedir: '/usr' },
    })
    expect(result).toEqual({ status: 'downloaded', path: expectedPath() })
    expect(await readFile(expectedPath())).toEqual(ELF)
    expect(calls).toHaveLength(1)
    const call = calls[0]!
    expect(call.cwd.startsWith(root)).toBe(false)
    expect(call.cwd).not.toContain(`node_modules${sep}better-sqlite3`)
    expect(call.env).not.toHaveProperty('npm_config_nodedir')
    expect(existsSync(call.cwd)).toBe(false) // staging folder cleaned up
    // Only the finished binary is left: the partial copy was renamed into place.
    expect(readdirSync(join(root, '.electron-native', 'linux-x64-electron45.4.1'))).toEqual([NATIVE_BINARY_NAME])
  })

  it('is idempotent: a second run finds the binary and runs nothing', async () => {
    await ensureElectronNative({ root, ...target, run: fakeTools({ prebuild: { code: 0, output: ELF } }), log: quiet })
    calls = []
    const again = await ensureElectronNative({ root, ...target, run: fakeTools({ prebuild: { code: 1 } }), log: quiet })
    expect(again).toEqual({ status: 'present', path: expectedPath() })
    expect(calls).toHaveLength(0)
  })

  it('falls back to node-gyp when no prebuild exists (same OS only)', async () => {
    const platform = process.platform
    const header = platform === 'win32' ? Buffer.from('MZ\x90\x00') : platform === 'darwin' ? Buffer.from([0xcf, 0xfa, 0xed, 0xfe]) : ELF
    const result = await ensureElectronNative({
      root,
      platform,
      arch: 'x64',
      electronVersion: '45.4.1',
      run: fakeTools({ prebuild: { code: 1 }, gyp: { code: 0, output: header } }),
      log: quiet,
    })
    expect(result.status).toBe('compiled')
    expect(calls.map((call) => call.args[1])).toEqual(['--runtime=electron', 'rebuild'])
    const gypCwd = calls[1]!.cwd
    expect(gypCwd).toBe(calls[0]!.cwd)
  })

  it('replaces a corrupt binary instead of trusting it', async () => {
    await mkdir(join(root, '.electron-native', 'linux-x64-electron45.4.1'), { recursive: true })
    await writeFile(expectedPath(), 'not a binary')
    const result = await ensureElectronNative({ root, ...target, run: fakeTools({ prebuild: { code: 0, output: ELF } }), log: quiet })
    expect(result.status).toBe('downloaded')
    expect(await readFile(expectedPath())).toEqual(ELF)
  })

  it('fails clearly and leaves nothing behind when every way fails', async () => {
    const otherOs = process.platform === 'linux' ? 'darwin' : 'linux'
    await expect(
      ensureElectronNative({ root, platform: otherOs, arch: 'x64', electronVersion: '45.4.1', run: fakeTools({ prebuild: { code: 1 } }), log: quiet }),
    ).rejects.toThrow(/compiling for another OS is not supported/)
    await expect(
      ensureElectronNative({
        root,
        platform: process.platform,
        arch: 'x64',
        electronVersion: '45.4.1',
        run: fakeTools({ prebuild: { code: 1 }, gyp: { code: 7 } }),
        log: quiet,
      }),
    ).rejects.toThrow(/node-gyp failed with exit code 7/)
    expect(existsSync(join(root, '.electron-native'))).toBe(false)
  })
})
