import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveNativeBinding } from '../../../electron/main/native-binding'

describe('resolveNativeBinding', () => {
  const base = { platform: 'darwin', arch: 'arm64', electronVersion: '45.4.1' }

  it('uses the asar-unpacked copy inside a packaged app', () => {
    const path = resolveNativeBinding({ ...base, isPackaged: true, resourcesPath: join('/Applications', 'Longhand.app', 'Contents', 'Resources'), appPath: 'ignored' })
    expect(path).toBe(join('/Applications', 'Longhand.app', 'Contents', 'Resources', 'app.asar.unpacked', 'native', 'better_sqlite3.node'))
  })

  it('uses the prepared .electron-native copy when running from the project', () => {
    const path = resolveNativeBinding({ ...base, isPackaged: false, resourcesPath: 'ignored', appPath: join('/home', 'me', 'longhand') })
    expect(path).toBe(join('/home', 'me', 'longhand', '.electron-native', 'darwin-arm64-electron45.4.1', 'better_sqlite3.node'))
  })

  it('never points into node_modules (that is the Node build)', () => {
    const path = resolveNativeBinding({ ...base, isPackaged: false, resourcesPath: '', appPath: '/p' })
    expect(path).not.toContain('node_modules')
  })
})
