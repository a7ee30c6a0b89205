#!/usr/bin/env node
// `npm start` runs this before electron-vite: it makes sure the Electron-ABI build of
// better-sqlite3 exists under .electron-native/ (see electron-native-lib.mjs). Safe to run any
// number of times; node_modules is never modified, so `npm test` keeps working afterwards.
//   node electron/build/electron-native.mjs [--arch x64|arm64] [--platform linux|darwin|win32]
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'
import { electronVersionOf, ensureElectronNative, parseTargetArgs } from './electron-native-lib.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

try {
  const { platform, arch } = parseTargetArgs(process.argv.slice(2))
  const electronVersion = await electronVersionOf(root)
  const result = await ensureElectronNative({ root, platform, arch, electronVersion })
  const how = { present: 'already prepared', downloaded: 'downloaded prebuild', compiled: 'compiled from source' }[result.status]
  console.log(`better-sqlite3 for Electron ${electronVersion} ${platform}-${arch}: ${how} (${result.path})`)
} catch (error) {
  console.error(`Could not prepare better-sqlite3 for Electron: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
