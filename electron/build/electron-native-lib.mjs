// Prepares better-sqlite3 for Electron's ABI WITHOUT touching node_modules/better-sqlite3, whose
// Node build the tests and the loopback bridge use. A staging copy of the package source is made
// in a temp folder; there prebuild-install fetches better-sqlite3's published Electron prebuild,
// or, failing that, node-gyp compiles it against Electron's headers. The result is copied to
// .electron-native/<platform>-<arch>-electron<version>/better_sqlite3.node.
import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, open, readFile, rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NATIVE_BINARY_NAME, nativeTargetDir } from './native-layout.mjs'

const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'

// npm exports its configuration to child processes as npm_config_* variables. These would make
// prebuild-install or node-gyp build for the wrong runtime: a machine-wide `nodedir` (as on the
// project's build machine) silently points node-gyp at Node's headers instead of Electron's.
const DROPPED_ENV = new Set([
  'npm_config_nodedir',
  'nodedir',
  'npm_config_target',
  'npm_config_runtime',
  'npm_config_arch',
  'npm_config_target_arch',
  'npm_config_platform',
  'npm_config_disturl',
  'npm_config_dist_url',
  'npm_config_build_from_source',
  'npm_config_download',
  'npm_config_libc',
])

/** Copy of `env` without the variables that would redirect the native build. */
export function sanitizedBuildEnv(env) {
  const clean = {}
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !DROPPED_ENV.has(key.toLowerCase())) clean[key] = value
  }
  return clean
}

/** The Electron version the project pins (node_modules/electron/package.json). */
export async function electronVersionOf(root) {
  const pkg = JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
  if (typeof pkg.version !== 'string') throw new Error('node_modules/electron/package.json has no version')
  return pkg.version
}

/** `node prebuild-install …` for the Electron runtime, run inside the staging copy. */
export function prebuildInstallCommand({ root, platform, arch, electronVersion }) {
  const require = createRequire(join(root, 'node_modules', 'better-sqlite3', 'package.json'))
  return {
    command: process.execPath,
    args: [
      require.resolve('prebuild-install/bin.js'),
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--platform=${platform}`,
      '--tag-prefix=v',
      '--verbose',
    ],
  }
}

/** `node node-gyp rebuild` against Electron's headers, the fallback when no prebuild exists. */
export function nodeGypCommand({ root, arch, electronVersion }) {
  const require = createRequire(join(root, 'package.json'))
  return {
    command: process.execPath,
    args: [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--dist-url=${ELECTRON_HEADERS_URL}`,
    ],
  }
}

/** Whether the first bytes are an object file of the platform's native format. */
export function looksLikeNativeModule(header, platform) {
  if (!header || header.length < 4) return false
  if (platform === 'linux') return header[0] === 0x7f && header[1] === 0x45 && header[2] === 0x4c && header[3] === 0x46 // \x7fELF
  if (platform === 'win32') return header[0] === 0x4d && header[1] === 0x5a // MZ
  if (platform === 'darwin') {
    const magic = header.readUInt32BE(0)
    return magic === 0xcffaedfe || magic === 0xfeedfacf || magic === 0xcafebabe // Mach-O 64 (LE/BE), fat
  }
  return false
}

async function readHeader(file) {
  let handle
  try {
    handle = await open(file, 'r')
    const buffer = Buffer.alloc(4)
    const { bytesRead } = await handle.read(buffer, 0, 4, 0)
    return buffer.subarray(0, bytesRead)
  } catch {
    return null
  } finally {
    await handle?.close()
  }
}

/** Default process runner: inherits stdio, resolves with the exit code. */
export function runProcess(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: 'inherit' })
    child.on('error', reject)
    child.on('close', (code) => resolve(code ?? 1))
  })
}

// Only what node-gyp needs to build; lib/ and the tests stay behind.
const STAGED_ENTRIES = ['package.json', 'binding.gyp', 'src', 'deps']

/**
 * Makes sure the Electron-ABI binary for (platform, arch, electronVersion) exists. Idempotent: a
 * valid binary already in place is kept and nothing runs. Returns how it was obtained.
 * `run` and `log` are injectable so the orchestration is testable without a network.
 */
export async function ensureElectronNative({ root, platform, arch, electronVersion, run = runProcess, log = console.log, env = process.env }) {
  const targetDir = nativeTargetDir({ root, platform, arch, electronVersion })
  const target = join(targetDir, NATIVE_BINARY_NAME)
  if (looksLikeNativeModule(await readHeader(target), platform)) return { status: 'present', path: target }

  const source = join(root, 'node_modules', 'better-sqlite3')
  const staging = await mkdtemp(join(tmpdir(), 'longhand-native-'))
  try {
    for (const entry of STAGED_ENTRIES) await cp(join(source, entry), join(staging, entry), { recursive: true })
    const built = join(staging, 'build', 'Release', NATIVE_BINARY_NAME)
    const buildEnv = sanitizedBuildEnv(env)
    const context = { root, platform, arch, electronVersion }

    let status = 'downloaded'
    log(`Fetching better-sqlite3 prebuild for Electron ${electronVersion} (${platform}-${arch})…`)
    const prebuild = prebuildInstallCommand(context)
    const downloaded = (await run(prebuild.command, prebuild.args, { cwd: staging, env: buildEnv })) === 0
    if (!downloaded || !looksLikeNativeModule(await readHeader(built), platform)) {
      if (platform !== process.platform) {
        throw new Error(`No prebuild of better-sqlite3 for Electron ${electronVersion} ${platform}-${arch}, and compiling for another OS is not supported: build on ${platform}.`)
      }
      status = 'compiled'
      log('No prebuild available; compiling better-sqlite3 against Electron headers with node-gyp…')
      const gyp = nodeGypCommand(context)
      const code = await run(gyp.command, gyp.args, { cwd: staging, env: buildEnv })
      if (code !== 0) throw new Error(`node-gyp failed with exit code ${code}`)
    }
    if (!looksLikeNativeModule(await readHeader(built), platform)) {
      throw new Error(`The build produced no valid ${platform} native module at ${built}`)
    }

    await mkdir(targetDir, { recursive: true })
    const partial = `${target}.${process.pid}.partial`
    await cp(built, partial)
    await rename(partial, target) // atomic: a half-written binary is never picked up as "present"
    return { status, path: target }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** `--arch x64 --platform linux` style overrides, defaulting to this machine. */
export function parseTargetArgs(argv, defaults = { platform: process.platform, arch: process.arch }) {
  const result = { ...defaults }
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(arch|platform)(?:=(.*))?$/.exec(argv[i])
    if (!match) throw new Error(`Unknown argument ${argv[i]} (expected --arch <arch> or --platform <platform>)`)
    const value = match[2] ?? argv[++i]
    if (!value) throw new Error(`--${match[1]} needs a value`)
    result[match[1]] = value
  }
  return result
}
