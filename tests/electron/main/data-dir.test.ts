import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultLibraryDir, electronUserDataDir, libraryDir } from '../../../electron/main/data-dir'

const home = '/home/ada'
const linux = { platform: 'linux' as const, home }

describe('where the library lives', () => {
  it('the installed app keeps its library in <userData>/longhand-data', () => {
    expect(electronUserDataDir({ isPackaged: true, env: {}, appData: '/home/ada/.config' })).toBeNull()
    expect(libraryDir({ isPackaged: true, env: {}, userData: '/home/ada/.config/Longhand' })).toBe(join('/home/ada/.config/Longhand', 'longhand-data'))
    expect(defaultLibraryDir({}, 'linux', home)).toBe(join(home, '.config', 'Longhand', 'longhand-data'))
  })

  it('npm start (unpackaged Electron) never uses the installed app’s folder', () => {
    const appData = join(home, '.config')
    const userData = electronUserDataDir({ isPackaged: false, env: {}, appData })
    expect(userData).toBe(join(appData, 'Longhand Dev'))
    const library = libraryDir({ isPackaged: false, env: {}, userData: userData! })
    expect(library).toBe(join(appData, 'Longhand Dev', 'longhand-data'))
    expect(library).not.toBe(defaultLibraryDir({}, 'linux', home))
  })

  it('npm run web (the bridge, no Electron) uses the same development folder', () => {
    expect(libraryDir({ isPackaged: false, env: {}, ...linux })).toBe(join(home, '.config', 'Longhand Dev', 'longhand-data'))
    expect(libraryDir({ isPackaged: false, env: { XDG_CONFIG_HOME: '/xdg' }, ...linux })).toBe(join('/xdg', 'Longhand Dev', 'longhand-data'))
    expect(libraryDir({ isPackaged: false, env: {}, platform: 'darwin', home })).toBe(join(home, 'Library', 'Application Support', 'Longhand Dev', 'longhand-data'))
    expect(libraryDir({ isPackaged: false, env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', home })).toBe(
      join('C:\\Users\\ada\\AppData\\Roaming', 'Longhand Dev', 'longhand-data'),
    )
  })

  it('LONGHAND_DATA_DIR still picks the library in development, and is ignored by the installed app', () => {
    const env = { LONGHAND_DATA_DIR: 'some/folder' }
    expect(libraryDir({ isPackaged: false, env, ...linux })).toBe(resolve('some/folder'))
    expect(libraryDir({ isPackaged: false, env, userData: '/u' })).toBe(resolve('some/folder'))
    expect(libraryDir({ isPackaged: true, env, userData: '/u' })).toBe(join('/u', 'longhand-data'))
  })

  it('LONGHAND_USER_DATA_DIR (the Electron smoke test’s throw-away profile) applies only unpackaged', () => {
    const env = { LONGHAND_USER_DATA_DIR: '/tmp/profile' }
    expect(electronUserDataDir({ isPackaged: false, env, appData: '/a' })).toBe(resolve('/tmp/profile'))
    expect(electronUserDataDir({ isPackaged: true, env, appData: '/a' })).toBeNull()
  })
})
