import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createPackage } from '@electron/asar'
import fuses from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import config from '../../../electron/build/electron-builder.config.mjs'
import { checkFuses, checkResources, findUnpackedApps } from '../../../electron/build/verify-package.mjs'

const { FuseV1Options, FuseVersion, flipFuses } = fuses
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// Electron's stock wire: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
// asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
const STOCK_WIRE = '10110001'
// A real header: the first 64 bytes of better-sqlite3 as built on a Linux x64 machine (a constant,
// so this also runs on the macOS and Windows release runners, whose builds are Mach-O and PE).
const X64_ELF = Buffer.from(
  '7f454c4602010103000000000000000003003e00010000000000000000000000400000000000000000e72000000000000000000040003800090040001d001c00',
  'hex',
)
const ARM64_ELF = Buffer.from(X64_ELF)
ARM64_ELF.writeUInt16LE(183, 18) // e_machine = EM_AARCH64

async function fakeElectronBinary(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from(SENTINEL), Buffer.from([1, STOCK_WIRE.length]), Buffer.from(STOCK_WIRE), Buffer.from('…more code')]))
}

async function fakeResources(resources: string, extraFiles: Record<string, string> = {}, native: Buffer | null = X64_ELF): Promise<void> {
  const app = await mkdtemp(join(tmpdir(), 'longhand-app-'))
  const files: Record<string, string> = {
    'package.json': '{"name":"longhand","main":"out/main/index.js"}',
    'out/main/index.js': '',
    'out/main/integrity-worker.mjs': '',
    'out/preload/index.cjs': '',
    'out/renderer/index.html': '<!doctype html>',
    'out/licenses.json': '{"packages":[]}',
    ...extraFiles,
  }
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(app, name)), { recursive: true })
    await writeFile(join(app, name), content)
  }
  await mkdir(resources, { recursive: true })
  await createPackage(app, join(resources, 'app.asar'))
  await rm(app, { recursive: true, force: true })
  if (native) {
    await mkdir(join(resources, 'app.asar.unpacked', 'native'), { recursive: true })
    await writeFile(join(resources, 'app.asar.unpacked', 'native', 'better_sqlite3.node'), native)
  }
}

describe('package verification', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'longhand-verify-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('catches a binary whose fuses were not burnt, and accepts one burnt as configured', async () => {
    const binary = join(dir, 'fuses', 'longhand')
    await fakeElectronBinary(binary)
    const before = await checkFuses(binary, config.electronFuses!)
    expect(before).toEqual(
      expect.arrayContaining([
        'fuse RunAsNode is ENABLE, expected DISABLE',
        'fuse EnableNodeOptionsEnvironmentVariable is ENABLE, expected DISABLE',
        'fuse EnableNodeCliInspectArguments is ENABLE, expected DISABLE',
        'fuse EnableEmbeddedAsarIntegrityValidation is DISABLE, expected ENABLE',
        'fuse OnlyLoadAppFromAsar is DISABLE, expected ENABLE',
      ]),
    )
    // Burn them the way electron-builder does for our `electronFuses` option.
    const f = config.electronFuses!
    await flipFuses(binary, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: f.runAsNode!,
      [FuseV1Options.EnableCookieEncryption]: f.enableCookieEncryption!,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: f.enableNodeOptionsEnvironmentVariable!,
      [FuseV1Options.EnableNodeCliInspectArguments]: f.enableNodeCliInspectArguments!,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: f.enableEmbeddedAsarIntegrityValidation!,
      [FuseV1Options.OnlyLoadAppFromAsar]: f.onlyLoadAppFromAsar!,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: f.grantFileProtocolExtraPrivileges!,
    })
    expect(await checkFuses(binary, config.electronFuses!)).toEqual([])
    expect((await readFile(binary)).includes(Buffer.from(`${SENTINEL}\x01\x08` + '01001100'))).toBe(true)
  })

  it('accepts a well-formed app and names everything wrong with a bad one', async () => {
    const good = join(dir, 'good', 'resources')
    await fakeResources(good)
    expect(await checkResources(good, 'linux', 'x64')).toEqual([])

    const bad = join(dir, 'bad', 'resources')
    await fakeResources(bad, { 'out/main/bridge.js': '', 'out/main/index.js.map': '', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node': '' }, Buffer.from('MZ'))
    expect(await checkResources(bad, 'linux', 'x64')).toEqual([
      'app.asar must not contain /node_modules/better-sqlite3/build/Release',
      'app.asar must not contain /node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'app.asar must not contain /out/main/bridge.js',
      'app.asar must not contain /out/main/index.js.map',
      `${join(bad, 'app.asar.unpacked', 'native', 'better_sqlite3.node')} is not a native module (no ELF, Mach-O or PE header)`,
    ])

    const missing = join(dir, 'missing', 'resources')
    await fakeResources(missing, {}, null)
    expect(await checkResources(missing, 'linux', 'x64')).toEqual([`${join(missing, 'app.asar.unpacked', 'native', 'better_sqlite3.node')} is missing`])
    expect(await checkResources(join(dir, 'nowhere'), 'linux', 'x64')).toEqual([`${join(dir, 'nowhere', 'app.asar')} is missing`])
  })

  it('catches a native module built for another CPU than the app (magic bytes alone pass it)', async () => {
    const arm = join(dir, 'arm', 'resources')
    await fakeResources(arm, {}, X64_ELF)
    const native = join(arm, 'app.asar.unpacked', 'native', 'better_sqlite3.node')
    expect(await checkResources(arm, 'linux', 'arm64')).toEqual([`${native} is built for x64, expected arm64`])
    const armGood = join(dir, 'arm-good', 'resources')
    await fakeResources(armGood, {}, ARM64_ELF)
    expect(await checkResources(armGood, 'linux', 'arm64')).toEqual([])
    expect(await checkResources(armGood, 'linux', 'x64')).toEqual([`${join(armGood, 'app.asar.unpacked', 'native', 'better_sqlite3.node')} is built for arm64, expected x64`])
    expect(await checkResources(armGood, 'win32', 'arm64')).toEqual([`${join(armGood, 'app.asar.unpacked', 'native', 'better_sqlite3.node')} is a linux module (elf), expected win32`])
  })

  it('finds every unpacked app electron-builder leaves in dist/', async () => {
    const dist = join(dir, 'dist')
    for (const sub of ['linux-unpacked', 'linux-arm64-unpacked', 'win-unpacked', 'win-arm64-unpacked', 'mac/Longhand.app', 'mac-arm64/Longhand.app', 'mac-universal/Longhand.app', 'builder-debug']) {
      await mkdir(join(dist, sub), { recursive: true })
    }
    const apps = findUnpackedApps(dist)
    const rel = (path: string) => path.slice(dist.length + 1).replace(/\\/g, '/')
    expect(apps.map((a) => [a.platform, a.arch, rel(a.binary), rel(a.executable)]).sort()).toEqual(
      [
        ['darwin', 'arm64', 'mac-arm64/Longhand.app', 'mac-arm64/Longhand.app/Contents/MacOS/Longhand'],
        ['darwin', 'x64', 'mac/Longhand.app', 'mac/Longhand.app/Contents/MacOS/Longhand'],
        ['darwin', 'universal', 'mac-universal/Longhand.app', 'mac-universal/Longhand.app/Contents/MacOS/Longhand'],
        ['linux', 'arm64', 'linux-arm64-unpacked/longhand', 'linux-arm64-unpacked/longhand'],
        ['linux', 'x64', 'linux-unpacked/longhand', 'linux-unpacked/longhand'],
        ['win32', 'arm64', 'win-arm64-unpacked/Longhand.exe', 'win-arm64-unpacked/Longhand.exe'],
        ['win32', 'x64', 'win-unpacked/Longhand.exe', 'win-unpacked/Longhand.exe'],
      ].sort(),
    )
    expect(apps.find((a) => a.platform === 'darwin')!.resources.replace(/\\/g, '/')).toMatch(/Longhand\.app\/Contents\/Resources$/)
  })
})
