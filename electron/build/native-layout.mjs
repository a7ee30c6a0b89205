// Where the Electron-ABI build of better-sqlite3 lives. One source of truth for the preparation
// script (electron-native.mjs), the packaging hook (electron-builder.config.cjs) and the main
// process (electron/main/native-binding.ts). Pure: string and path arithmetic only.
import { join } from 'node:path'

export const NATIVE_BINARY_NAME = 'better_sqlite3.node'

/** Folder, relative to the project root, holding all prepared Electron-ABI copies (gitignored). */
export const NATIVE_CACHE_DIR = '.electron-native'

/** Inside a packaged app the binary sits in app.asar.unpacked/<this>/ (asarUnpack'ed). */
export const PACKAGED_NATIVE_DIR = 'native'

const SAFE_PART = /^[a-z0-9][a-z0-9._-]*$/i

/** e.g. `linux-x64-electron45.4.1`: one folder per platform, CPU architecture and Electron version. */
export function nativeTargetName({ platform, arch, electronVersion }) {
  for (const [name, value] of Object.entries({ platform, arch, electronVersion })) {
    if (typeof value !== 'string' || !SAFE_PART.test(value)) throw new Error(`Invalid ${name}: ${JSON.stringify(value)}`)
  }
  return `${platform}-${arch}-electron${electronVersion}`
}

/** Absolute folder of one prepared copy below the project root. */
export function nativeTargetDir({ root, platform, arch, electronVersion }) {
  return join(root, NATIVE_CACHE_DIR, nativeTargetName({ platform, arch, electronVersion }))
}
