import { join } from 'node:path'
import { NATIVE_BINARY_NAME, PACKAGED_NATIVE_DIR, nativeTargetDir } from '../build/native-layout.mjs'

export interface NativeBindingContext {
  /** app.isPackaged */
  readonly isPackaged: boolean
  /** process.resourcesPath */
  readonly resourcesPath: string
  /** app.getAppPath(): the project root when unpackaged (`electron .`, electron-vite dev). */
  readonly appPath: string
  readonly platform: string
  readonly arch: string
  /** process.versions.electron */
  readonly electronVersion: string
}

/**
 * The better-sqlite3 binary built for Electron's ABI, to pass as `new Database(file,
 * { nativeBinding })`. node_modules/better-sqlite3 keeps its Node build for the tests and the
 * bridge; Electron never loads that one.
 * - packaged: resources/app.asar.unpacked/native/better_sqlite3.node, placed by the packaging hook
 * - unpackaged: <project>/.electron-native/<platform>-<arch>-electron<version>/better_sqlite3.node,
 *   prepared by `node electron/build/electron-native.mjs` (run by `npm start`)
 */
export function resolveNativeBinding(context: NativeBindingContext): string {
  if (context.isPackaged) return join(context.resourcesPath, 'app.asar.unpacked', PACKAGED_NATIVE_DIR, NATIVE_BINARY_NAME)
  const dir = nativeTargetDir({
    root: context.appPath,
    platform: context.platform,
    arch: context.arch,
    electronVersion: context.electronVersion,
  })
  return join(dir, NATIVE_BINARY_NAME)
}
