import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The library folder inside the app's user-data folder (Electron's `userData`). */
export const LIBRARY_FOLDER = 'longhand-data'
/** The installed app's folder in the OS's application-data folder. */
export const APP_FOLDER = 'Longhand'
/**
 * Development runs (`npm start`, `npm run web`) use their own folder beside it. Electron names
 * userData after productName whether packaged or not, so without this an `npm start` on a
 * writer's machine would open — and migrate, back up, restore — the installed app's library.
 */
export const DEV_APP_FOLDER = 'Longhand Dev'

/**
 * Where the OS keeps per-user application data — what Electron calls `appData` — computed
 * without Electron so the loopback bridge uses the same place as the app.
 */
export function osAppDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME || join(home, '.config')
}

/** The installed app's library folder (what README's "Where your data lives" lists). */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  return join(osAppDataDir(env, platform, home), APP_FOLDER, LIBRARY_FOLDER)
}

export interface DataDirOptions {
  /** app.isPackaged; the loopback bridge (`npm run web`) is always a development run. */
  readonly isPackaged: boolean
  readonly env?: NodeJS.ProcessEnv
  readonly platform?: NodeJS.Platform
  readonly home?: string
}

/**
 * What Electron's `userData` must be set to before anything uses it, or null to keep Electron's
 * default (`<appData>/Longhand`, the installed app). Development runs get `<appData>/Longhand Dev`
 * (window position and Chromium caches included); LONGHAND_USER_DATA_DIR (the Electron smoke
 * test's throw-away profile) overrides that, never in a packaged app.
 */
export function electronUserDataDir(options: DataDirOptions & { readonly appData: string }): string | null {
  if (options.isPackaged) return null
  const override = options.env?.LONGHAND_USER_DATA_DIR
  return override ? resolve(override) : join(options.appData, DEV_APP_FOLDER)
}

/**
 * The library folder. Installed app: `<userData>/longhand-data`. Development (`npm start`,
 * `npm run web`): LONGHAND_DATA_DIR when set, else `<appData>/Longhand Dev/longhand-data` — never
 * the installed app's library. A packaged app ignores LONGHAND_DATA_DIR: an environment variable
 * left over from development must not make the real app open another library.
 */
export function libraryDir(options: DataDirOptions & { readonly userData?: string }): string {
  const env = options.env ?? process.env
  if (!options.isPackaged && env.LONGHAND_DATA_DIR) return resolve(env.LONGHAND_DATA_DIR)
  const appFolder = options.userData ?? join(osAppDataDir(env, options.platform, options.home), options.isPackaged ? APP_FOLDER : DEV_APP_FOLDER)
  return join(appFolder, LIBRARY_FOLDER)
}
