#!/usr/bin/env node
// Checks what electron-builder produced, before the installers are published: run after
// `npm run dist:*` (the release workflow does) as `node electron/build/verify-package.mjs dist`.
// For every unpacked app in dist/: the fuses are burnt as configured, app.asar holds the app and
// not the dev/test bridge, and the Electron-ABI better-sqlite3 sits unpacked next to it, built for
// that app's OS and CPU (x64 / arm64, both for a universal macOS app).
import { existsSync, readdirSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { listPackage } from '@electron/asar'
import fuses from '@electron/fuses'
import { nativeModuleProblems } from './native-arch.mjs'
import { NATIVE_BINARY_NAME, PACKAGED_NATIVE_DIR } from './native-layout.mjs'

const { FuseV1Options, getCurrentFuseWire } = fuses
// A fuse is one byte in the binary: ASCII '0' (disabled) or '1' (enabled).
const FuseState = { DISABLE: 48, ENABLE: 49, 48: 'DISABLE', 49: 'ENABLE', 114: 'REMOVED', 144: 'INHERIT' }

/** What the fuse wire must read, derived from electron-builder's `electronFuses` option. */
export function expectedFuseWire(electronFuses) {
  const names = {
    runAsNode: FuseV1Options.RunAsNode,
    enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
    enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
    enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
    enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
    onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
    loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
    grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
  }
  const wire = {}
  for (const [key, value] of Object.entries(electronFuses)) {
    if (key in names && typeof value === 'boolean') wire[names[key]] = value ? FuseState.ENABLE : FuseState.DISABLE
  }
  return wire
}

/** Problems with the fuses of one Electron binary (empty when all is as configured). */
export async function checkFuses(binaryPath, electronFuses) {
  let actual
  try {
    actual = await getCurrentFuseWire(binaryPath)
  } catch (error) {
    return [`cannot read the fuses of ${binaryPath}: ${error instanceof Error ? error.message : String(error)}`]
  }
  const problems = []
  for (const [index, state] of Object.entries(expectedFuseWire(electronFuses))) {
    if (actual[index] !== state) {
      problems.push(`fuse ${FuseV1Options[index]} is ${FuseState[actual[index]] ?? actual[index]}, expected ${FuseState[state]}`)
    }
  }
  return problems
}

const REQUIRED_IN_ASAR = ['/package.json', '/out/main/index.js', '/out/main/integrity-worker.mjs', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/licenses.json']
const FORBIDDEN_IN_ASAR = [/^\/out\/main\/bridge\.js$/, /\.map$/, /^\/node_modules\/better-sqlite3\/(build|deps|src)\//, /^\/\.electron-native\//]

/** Problems with one app's resources folder: app.asar contents and the unpacked native module. */
export async function checkResources(resourcesDir, platform, arch) {
  const problems = []
  const asarPath = join(resourcesDir, 'app.asar')
  if (!existsSync(asarPath)) return [`${asarPath} is missing`]
  const files = new Set(listPackage(asarPath, { isPack: false }).map((file) => file.replace(/\\/g, '/')))
  for (const required of REQUIRED_IN_ASAR) if (!files.has(required)) problems.push(`app.asar lacks ${required}`)
  for (const file of files) {
    if (FORBIDDEN_IN_ASAR.some((pattern) => pattern.test(file))) problems.push(`app.asar must not contain ${file}`)
  }
  const nativePath = join(resourcesDir, 'app.asar.unpacked', PACKAGED_NATIVE_DIR, NATIVE_BINARY_NAME)
  let header = null
  try {
    const handle = await open(nativePath, 'r')
    try {
      // Enough for every header nativeModuleInfo reads (PE's e_lfanew is well inside it).
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0)
      header = buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch {
    problems.push(`${nativePath} is missing`)
  }
  if (header) for (const problem of nativeModuleProblems(header, { platform, arch })) problems.push(`${nativePath} ${problem}`)
  return problems
}

/** electron-builder's output folders name the arch unless it is the default, x64. */
function archOf(suffix) {
  return suffix ? suffix.slice(1) : 'x64'
}

/** The unpacked apps electron-builder leaves in its output folder, per platform. */
export function findUnpackedApps(distDir, productName = 'Longhand', executableName = 'longhand') {
  const apps = []
  for (const entry of existsSync(distDir) ? readdirSync(distDir) : []) {
    const dir = join(distDir, entry)
    let match
    if ((match = /^linux(-[a-z0-9]+)?-unpacked$/.exec(entry))) {
      const binary = join(dir, executableName)
      apps.push({ platform: 'linux', arch: archOf(match[1]), binary, executable: binary, resources: join(dir, 'resources') })
    } else if ((match = /^win(-[a-z0-9]+)?-unpacked$/.exec(entry))) {
      const binary = join(dir, `${productName}.exe`)
      apps.push({ platform: 'win32', arch: archOf(match[1]), binary, executable: binary, resources: join(dir, 'resources') })
    } else if ((match = /^mac(-[a-z0-9]+)?$/.exec(entry)) && existsSync(join(dir, `${productName}.app`))) {
      const app = join(dir, `${productName}.app`)
      apps.push({
        platform: 'darwin',
        arch: archOf(match[1]),
        binary: app,
        executable: join(app, 'Contents', 'MacOS', productName),
        resources: join(app, 'Contents', 'Resources'),
      })
    }
  }
  return apps
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const distDir = resolve(process.argv[2] ?? 'dist')
  const { default: config } = await import('./electron-builder.config.mjs')
  const apps = findUnpackedApps(distDir, config.productName, config.linux?.executableName)
  if (apps.length === 0) {
    console.error(`No unpacked app found in ${distDir}`)
    process.exit(1)
  }
  let failed = false
  for (const app of apps) {
    const problems = [...(await checkFuses(app.binary, config.electronFuses)), ...(await checkResources(app.resources, app.platform, app.arch))]
    console.log(`${problems.length ? '✗' : '✓'} ${app.binary} (${app.platform}-${app.arch})`)
    for (const problem of problems) console.log(`    ${problem}`)
    failed ||= problems.length > 0
  }
  process.exit(failed ? 1 : 0)
}
