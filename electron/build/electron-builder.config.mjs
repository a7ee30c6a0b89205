// The one electron-builder configuration for every installer:
//   npm run dist:win    one NSIS installer for x64 + arm64, per-user
//   npm run dist:mac    DMG, x64 + arm64, hardened runtime (signed/notarized when secrets are set)
//   npm run dist:linux  AppImage + .deb, x64
// Build each OS on that OS (the release workflow does): the native module is per platform.
//
// Native module: electron-builder's own rebuild (npmRebuild) compiles better-sqlite3 IN PLACE in
// node_modules, which would leave the tests' Node build replaced by an Electron-ABI one. So
// npmRebuild is off; beforePack prepares the Electron-ABI binary for the target arch in
// .electron-native/ (electron/build/electron-native-lib.mjs: published prebuild, else node-gyp
// against Electron headers) and `files` copies it to native/ in the app, unpacked from the asar.
//
// Signing is driven by environment variables and skipped when they are absent:
//   macOS   CSC_LINK + CSC_KEY_PASSWORD (Developer ID certificate, .p12 base64 or path);
//           notarization with APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID
//   Windows WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD (or CSC_LINK + CSC_KEY_PASSWORD)
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Arch } from 'electron-builder'
import { ensureElectronNative } from './electron-native-lib.mjs'
import { NATIVE_BINARY_NAME, NATIVE_CACHE_DIR, PACKAGED_NATIVE_DIR } from './native-layout.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version

/** Prepares the Electron-ABI better-sqlite3 for the arch being packed (idempotent). */
export async function prepareNativeModule(context) {
  const arch = Arch[context.arch]
  if (context.electronPlatformName !== process.platform) {
    throw new Error(`Packaging for ${context.electronPlatformName} on ${process.platform}: build each OS's installer on that OS.`)
  }
  const result = await ensureElectronNative({ root: context.packager.projectDir, platform: process.platform, arch, electronVersion })
  console.log(`  • better-sqlite3 for Electron ${electronVersion} ${process.platform}-${arch}: ${result.status}`)
}

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.longhand.desktop',
  productName: 'Longhand',
  copyright: 'Copyright © Longhand',
  directories: { output: 'dist', buildResources: 'resources' },
  electronVersion,

  files: [
    'out/**',
    // The loopback bridge is the dev/test harness's server; it never ships.
    '!out/main/bridge.js',
    // Source maps and type declarations are dead weight at run time (also inside node_modules).
    '!**/*.map',
    '!**/*.d.{ts,cts,mts}',
    'package.json',
    // node_modules' better-sqlite3 holds the Node-ABI build and the C sources: none of it ships.
    '!**/node_modules/better-sqlite3/{build,deps,src}{,/**/*}',
    '!**/node_modules/better-sqlite3/binding.gyp',
    { from: `${NATIVE_CACHE_DIR}/\${platform}-\${arch}-electron${electronVersion}`, to: PACKAGED_NATIVE_DIR, filter: [NATIVE_BINARY_NAME] },
  ],
  asar: true,
  // Native code cannot be loaded from inside an asar archive.
  asarUnpack: [`${PACKAGED_NATIVE_DIR}/**`, '**/*.node'],
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  beforePack: prepareNativeModule,

  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    // Unsigned builds (no certificate in CI) still need a valid ad-hoc signature on Apple silicon
    // after the fuses changed the binary; a real signature replaces it when CSC_LINK is set.
    resetAdHocDarwinSignature: process.platform === 'darwin',
  },

  fileAssociations: [
    { ext: ['md', 'markdown'], name: 'Markdown', description: 'Markdown document', mimeType: 'text/markdown', role: 'Editor', rank: 'Alternate' },
  ],

  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  publish: null,

  win: {
    icon: 'resources/icon.ico',
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
  },
  nsis: {
    oneClick: true,
    perMachine: false,
    createStartMenuShortcut: true,
    createDesktopShortcut: true,
    shortcutName: 'Longhand',
    // Uninstalling removes the program, never the user's library in %APPDATA%\Longhand.
    deleteAppDataOnUninstall: false,
    runAfterFinish: true,
    // ONE installer for x64 and arm64 PCs (it installs the matching build). No ${arch} here:
    // with it electron-builder 26 also builds a separate installer per arch (three files).
    artifactName: '${productName}-${version}-setup.${ext}',
  },

  mac: {
    icon: 'resources/icon.icns',
    category: 'public.app-category.productivity',
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'electron/build/entitlements.mac.plist',
    entitlementsInherit: 'electron/build/entitlements.mac.plist',
    darkModeSupport: true,
  },
  dmg: {
    background: 'resources/background.png',
    window: { width: 540, height: 380 },
    iconSize: 96,
    contents: [
      { x: 140, y: 190, type: 'file' },
      { x: 400, y: 190, type: 'link', path: '/Applications' },
    ],
  },

  linux: {
    icon: 'resources/icons',
    category: 'Office',
    executableName: 'longhand',
    synopsis: 'Write long, post short, keep it on your own machine.',
    description: 'A local-first writing studio: drafts in a local database, short posts for social platforms, export to HTML and Markdown. Nothing leaves your computer.',
    mimeTypes: ['text/markdown', 'text/x-markdown'],
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    desktop: {
      entry: {
        Name: 'Longhand',
        GenericName: 'Writing Studio',
        'GenericName[de]': 'Schreibstudio',
        Comment: 'Write long, post short, keep it on your own machine',
        'Comment[de]': 'Lang schreiben, kurz posten – alles bleibt auf deinem Rechner',
        Keywords: 'writing;markdown;drafts;social;posts;',
        'Keywords[de]': 'Schreiben;Markdown;Entwürfe;Beiträge;',
        StartupWMClass: 'Longhand',
      },
    },
  },
  // Keep electron-builder's default after-install/after-remove scripts: they install an AppArmor
  // profile (/etc/apparmor.d/longhand: userns for /opt/Longhand/longhand), without which Ubuntu
  // 23.10+ aborts Chromium's sandbox. That is why the README recommends the .deb on Ubuntu.
  deb: {
    maintainer: 'Longhand <hello@longhand.app>',
  },
}

export default config
