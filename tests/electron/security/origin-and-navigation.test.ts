import { describe, expect, it } from 'vitest'
import { isInAppNavigation } from '../../../electron/main/security/navigation'
import { APP_ENTRY_URL, APP_ORIGIN, originOf, rendererSource } from '../../../electron/main/security/origin'
import { isPermissionGranted } from '../../../electron/main/security/permissions'
import { secureWebPreferences } from '../../../electron/main/security/web-preferences'

describe('originOf', () => {
  it('builds origins for custom schemes too', () => {
    expect(originOf('app://longhand/index.html')).toBe('app://longhand')
    expect(originOf('HTTP://LocalHost:5173/x')).toBe('http://localhost:5173')
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('file:///etc/passwd')).toBeNull()
    expect(originOf('::garbage')).toBeNull()
  })
})

describe('rendererSource', () => {
  it('always uses app:// when packaged, whatever the environment says', () => {
    expect(rendererSource({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toEqual({ entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN })
    expect(rendererSource({ isPackaged: false })).toEqual({ entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN })
  })

  it('uses a loopback dev server in development', () => {
    expect(rendererSource({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toEqual({
      entryUrl: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    })
    expect(rendererSource({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173' }).origin).toBe('http://127.0.0.1:5173')
  })

  it.each(['https://evil.example/', 'http://evil.example:5173/', 'http://192.168.0.10:5173/', 'file:///tmp/index.html', 'javascript:alert(1)', 'nonsense'])(
    'refuses a non-loopback dev server URL %j',
    (devServerUrl) => {
      expect(() => rendererSource({ isPackaged: false, devServerUrl })).toThrow(/Refusing/)
    },
  )
})

describe('isInAppNavigation', () => {
  it('allows only the trusted origin', () => {
    expect(isInAppNavigation('app://longhand/index.html#/x', APP_ORIGIN)).toBe(true)
    for (const url of ['https://example.com', 'app://other/', 'file:///x', 'javascript:alert(1)', 'data:text/html,x', 'about:blank']) {
      expect(isInAppNavigation(url, APP_ORIGIN)).toBe(false)
    }
  })
})

describe('isPermissionGranted', () => {
  it('denies everything but clipboard writes from our own origin', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://longhand/index.html', APP_ORIGIN)).toBe(true)
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN)).toBe(false)
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, APP_ORIGIN)).toBe(false)
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial', 'unknown']) {
      expect(isPermissionGranted(permission, 'app://longhand/index.html', APP_ORIGIN)).toBe(false)
    }
  })
})

describe('secureWebPreferences', () => {
  it('follows the Electron security checklist', () => {
    const prefs = secureWebPreferences({ preload: '/app/out/preload/index.cjs' })
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      // Longhand proofreads itself; Chromium's spellchecker would download dictionaries.
      spellcheck: false,
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(secureWebPreferences({ javascript: false }).javascript).toBe(false)
    expect(secureWebPreferences()).not.toHaveProperty('preload')
  })
})
