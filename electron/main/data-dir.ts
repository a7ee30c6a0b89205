import { homedir } from 'node:os'
import { join } from 'node:path'

/** The library folder inside the app's user-data folder (Electron's `userData`). */
export const LIBRARY_FOLDER = 'longhand-data'
export const APP_FOLDER = 'Longhand'

/**
 * Where the OS keeps per-user application data — what Electron calls `appData` — computed
 * without Electron so the loopback bridge uses the same place as the app.
 */
export function osAppDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME || join(home, '.config')
}

export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  return join(osAppDataDir(env, platform, home), APP_FOLDER, LIBRARY_FOLDER)
}
