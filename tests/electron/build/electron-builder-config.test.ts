import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { expandMacro } from 'app-builder-lib/out/util/macroExpander'
import { DebugLogger } from 'builder-util'
import type { Configuration, FileSet } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'
import config from '../../../electron/build/electron-builder.config.mjs'

const root = resolve(__dirname, '..', '..', '..')
const CONFIG_PATH = 'electron/build/electron-builder.config.mjs'

describe('electron-builder configuration', () => {
  let loaded: Configuration

  beforeAll(async () => {
    // Load it the way `electron-builder --config …` does, then run electron-builder's own schema check.
    loaded = await getConfig(root, CONFIG_PATH, null)
    await validateConfiguration(loaded, new DebugLogger(false))
  }, 60_000)

  it('passes electron-builder’s schema validation (and a broken one does not)', async () => {
    expect(loaded.appId).toBe('app.longhand.desktop')
    await expect(validateConfiguration({ ...loaded, nsis: { oneClick: 'sometimes' } } as unknown as Configuration, new DebugLogger(false))).rejects.toThrow(/oneClick/)
  })

  it('builds NSIS for Windows x64+arm64, per user, keeping user data on uninstall', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }])
    expect(config.nsis).toMatchObject({ perMachine: false, createStartMenuShortcut: true, deleteAppDataOnUninstall: false })
  })

  it('names the ONE combined Windows installer (x64 + arm64 in one setup.exe), as the README does', () => {
    // electron-builder packs both arches into one NSIS installer that installs the matching one.
    // With ${arch} in the name, 26.x additionally builds a per-arch installer for each: three files.
    const pattern = config.nsis?.artifactName as string
    expect(pattern).not.toContain('${arch}')
    const appInfo = { productName: 'Longhand', sanitizedProductName: 'Longhand', version: '1.2.3' } as never
    expect(expandMacro(pattern, null, appInfo, { os: 'win', ext: 'exe' })).toBe('Longhand-1.2.3-setup.exe')
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    expect(readme).toContain('`Longhand-<version>-setup.exe`')
    expect(readme).not.toMatch(/setup-(x64|arm64)\.exe/)
  })

  it('builds a hardened-runtime DMG for macOS x64+arm64 with JIT as the only entitlement', () => {
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
    expect(config.mac?.hardenedRuntime).toBe(true)
    const plist = readFileSync(join(root, config.mac!.entitlements as string), 'utf8')
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit'])
    // Notarization is left to electron-builder's env-driven default (APPLE_ID…): never forced off or on.
    expect(config.mac?.notarize).toBeUndefined()
    expect(config.forceCodeSigning).toBeUndefined()
  })

  it('builds AppImage and .deb for Linux in the Office category with the Markdown MIME type', () => {
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ])
    expect(config.linux?.category).toBe('Office')
    expect(config.linux?.mimeTypes).toContain('text/markdown')
    expect(config.linux?.desktop?.entry).toMatchObject({ Name: 'Longhand', StartupWMClass: 'Longhand' })
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: ['md', 'markdown'], mimeType: 'text/markdown' })])
  })

  it('ships electron-builder’s AppArmor profile in the .deb (Ubuntu 23.10+ blocks the sandbox without one)', () => {
    // The default deb scripts install resources/apparmor-profile as /etc/apparmor.d/<executable>,
    // allowing user namespaces for /opt/<productName>/<executable>. Overriding them would drop it.
    for (const options of [config.linux, config.deb] as Array<Record<string, unknown> | undefined>) {
      expect(options?.afterInstall).toBeUndefined()
      expect(options?.appArmorProfile).toBeUndefined()
    }
    const templates = join(root, 'node_modules/app-builder-lib/templates/linux')
    const profile = readFileSync(join(templates, 'apparmor-profile.tpl'), 'utf8')
    expect(profile).toMatch(/profile "\$\{executable\}" "\/opt\/\$\{sanitizedProductName\}\/\$\{executable\}" flags=\(unconfined\) \{\s*userns,/)
    expect(readFileSync(join(templates, 'after-install.tpl'), 'utf8')).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'")
    // …which for Longhand is the path the README names.
    expect(config.linux?.executableName).toBe('longhand')
    expect(config.productName).toBe('Longhand')
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    expect(readme).toContain('`/etc/apparmor.d/longhand`')
    expect(readme).toContain('`/opt/Longhand/longhand`')
  })

  it('points at icons and installer art that exist', () => {
    for (const file of [config.win?.icon, config.mac?.icon, config.dmg?.background]) expect(existsSync(join(root, file as string))).toBe(true)
    expect(existsSync(join(root, config.linux!.icon as string, '512x512.png'))).toBe(true)
  })

  it('sets the Electron fuses the security checklist asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('never rebuilds node_modules in place and ships the Electron-ABI binary unpacked', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.buildDependenciesFromSource).toBe(false)
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['native/**', '**/*.node']))
    const native = (config.files as Array<string | FileSet>).find((f): f is FileSet => typeof f === 'object')
    const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
    expect(config.electronVersion).toBe(electronVersion)
    // ${platform}/${arch} are electron-builder macros, expanded per packed architecture.
    expect(native).toEqual({ from: `.electron-native/\${platform}-\${arch}-electron${electronVersion}`, to: 'native', filter: ['better_sqlite3.node'] })
    expect(typeof config.beforePack).toBe('function')
  })

  it('leaves the dev/test bridge, source maps and the Node-ABI build out of the package', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**', '!out/main/bridge.js', '!**/*.map', '!**/node_modules/better-sqlite3/{build,deps,src}{,/**/*}']),
    )
  })

  it('refuses to package for another OS (the native module is per platform)', async () => {
    const other = process.platform === 'linux' ? 'darwin' : 'linux'
    const context = { electronPlatformName: other, arch: 1, packager: { projectDir: root } } as never
    await expect((config.beforePack as (c: never) => Promise<void>)(context)).rejects.toThrow(/build each OS/)
  })
})
