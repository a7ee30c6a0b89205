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
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46])

async function fakeElectronBinary(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from(SENTINEL), Buffer.from([1, STOCK_WIRE.length]), Buffer.from(STOCK_WIRE), Buffer.from('…more code')]))
}

async function fakeResources(resources: string, extraFiles: Record<string, string> = {}, native: Buffer | null = ELF): Promise<void> {
  const app = await mkdtemp(join(tmpdir(), 'longhand-app-'))
  const files: Record<string, string> = {
    'package.json': '{"name":"longhand","main":"out/main/index.js"}',
    'out/main/index.js': '',
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
    expect(await checkResources(good, 'linux')).toEqual([])

    const bad = join(dir, 'bad', 'resources')
    await fakeResources(bad, { 'out/main/bridge.js': '', 'out/main/index.js.map': '', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node': '' }, Buffer.from('MZ'))
    expect(await checkResources(bad, 'linux')).toEqual([
      'app.asar must not contain /node_modules/better-sqlite3/build/Release',
      'app.asar must not contain /node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'app.asar must not contain /out/main/bridge.js',
      'app.asar must not contain /out/main/index.js.map',
      `${join(bad, 'app.asar.unpacked', 'native', 'better_sqlite3.node')} is not a linux native module`,
    ])

    const missing = join(dir, 'missing', 'resources')
    await fakeResources(missing, {}, null)
    expect(await checkResources(missing, 'linux')).toEqual([`${join(missing, 'app.asar.unpacked', 'native', 'better_sqlite3.node')} is missing`])
    expect(await checkResources(join(dir, 'nowhere'), 'linux')).toEqual([`${join(dir, 'nowhere', 'app.asar')} is missing`])
  })

  it('finds every unpacked app electron-builder leaves in dist/', async () => {
    const dist = join(dir, 'dist')
    for (const sub of ['linux-unpacked', 'linux-arm64-unpacked', 'win-unpacked', 'win-arm64-unpacked', 'mac/Longhand.app', 'mac-arm64/Longhand.app', 'builder-debug']) {
      await mkdir(join(dist, sub), { recursive: true })
    }
    const apps = findUnpackedApps(dist)
    expect(apps.map((a) => [a.platform, a.binary.slice(dist.length + 1).replace(/\\/g, '/')]).sort()).toEqual(
      [
        ['darwin', 'mac-arm64/Longhand.app'],
        ['darwin', 'mac/Longhand.app'],
        ['linux', 'linux-arm64-unpacked/longhand'],
        ['linux', 'linux-unpacked/longhand'],
        ['win32', 'win-arm64-unpacked/Longhand.exe'],
        ['win32', 'win-unpacked/Longhand.exe'],
      ].sort(),
    )
    expect(apps.find((a) => a.platform === 'darwin')!.resources.replace(/\\/g, '/')).toMatch(/Longhand\.app\/Contents\/Resources$/)
  })
})
