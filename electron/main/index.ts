import { join } from 'node:path'
import { app, BrowserWindow, dialog, screen, session, shell } from 'electron'
import { registerIpc } from './ipc/electron-adapter'
import { LibraryHost } from './library-host'
import { createMainWindow, FlushBeforeClose, sendEvent } from './main-window'
import { resolveNativeBinding } from './native-binding'
import { hardenAllWebContents, hardenSession, installAppProtocol, openExternalSafely, registerAppScheme } from './security/install'
import { rendererSource } from './security/origin'
import { createServices } from './services'
import { describeOpenFailure } from './services/store/open-failure'
import { storeLanguage } from '@shared/i18n/store'
import { LIBRARY_FOLDER } from './data-dir'
import { clampWindowState, loadWindowState } from './desktop/window-state'
import { trackWindowState } from './desktop/window-state-tracker'
import { openedFilesInbox } from './desktop/opened-files-inbox'
import { transferDialogs } from './desktop/transfer-dialogs'
import { watchOpenedFiles } from './desktop/watch-opened-files'
import { showAboutWindow } from './menu/about-window'
import { installApplicationMenu } from './menu/install'
import { MENU_STRINGS, menuLanguage } from './menu/template'

/**
 * The Electron shell: lifecycle, the window, security wiring. Everything the app *does* lives in
 * services (electron/main/services), reached through the same dispatcher the loopback bridge uses.
 */
// The Electron smoke test (tests/electron-app) runs the unpackaged app on a throw-away profile.
if (!app.isPackaged && process.env.LONGHAND_USER_DATA_DIR) app.setPath('userData', process.env.LONGHAND_USER_DATA_DIR)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  void start()
}

async function start(): Promise<void> {
  // Before `ready`: macOS sends the file a launch was for (open-file) that early.
  const openedFiles = watchOpenedFiles()
  await app.whenReady()
  const source = rendererSource({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL })
  const outDir = join(__dirname, '..')
  installAppProtocol(session.defaultSession, join(outDir, 'renderer'))
  hardenSession(session.defaultSession, source.origin)
  hardenAllWebContents(source.origin)

  const nativeBinding = resolveNativeBinding({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    platform: process.platform,
    arch: process.arch,
    electronVersion: process.versions.electron ?? '',
  })
  const flusher = new FlushBeforeClose()
  // Assigned once the window exists; the dialogs and the opened-files inbox look it up when used.
  let mainWindow: BrowserWindow | undefined = undefined
  // The host owns the open library: safety backups on a schedule, and restoring one closes and
  // reopens it (so always reach the services through host.services, never a copy).
  let host: LibraryHost
  try {
    host = await LibraryHost.open({
      open: () =>
        createServices({ dataDir: join(app.getPath('userData'), LIBRARY_FOLDER), nativeBinding, appVersion: app.getVersion(), shell: 'electron' }),
      nativeBinding,
      shell: {
        flushed: (id: number, saved: boolean) => flusher.acknowledge(id, saved),
        openExternal: openExternalSafely,
        showItemInFolder: (path: string) => shell.showItemInFolder(path),
        ...transferDialogs(() => mainWindow ?? null),
        ...openedFilesInbox(openedFiles, () => mainWindow?.webContents ?? null),
      },
      onInternalError: (channel, error) => console.error(`[longhand] ${channel} failed`, error),
    })
  } catch (error) {
    // Typed and translated (open-failure.ts); the library's own language setting is unreadable here.
    const { title, message } = describeOpenFailure(error, storeLanguage(app.getLocale()))
    dialog.showErrorBox(title, message)
    app.exit(1)
    return
  }
  registerIpc(host.dispatch, source.origin)

  // Set by before-quit; see window-all-closed below. Cleared when the author keeps a window open.
  let quitRequested = false
  const confirmCloseUnsaved = (win: BrowserWindow) => {
    const strings = MENU_STRINGS[menuLanguage(host.services.settings.get().uiLanguage, app.getLocale())]
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: [strings.keepOpen, strings.closeAnyway],
      defaultId: 0,
      cancelId: 0,
      title: strings.unsavedTitle,
      message: strings.unsavedMessage,
      detail: strings.unsavedDetail,
    })
    return choice === 1
  }

  const windowStateFile = join(app.getPath('userData'), 'window-state.json')
  const savedWindowState = await loadWindowState(windowStateFile)
  const open = () => {
    const primary = screen.getPrimaryDisplay()
    const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)]
    const bounds = clampWindowState(savedWindowState, displays)
    const win = createMainWindow({ entryUrl: source.entryUrl, preloadDir: join(outDir, 'preload'), bounds })
    flusher.guard(win, confirmCloseUnsaved, () => {
      quitRequested = false
    })
    trackWindowState(win, windowStateFile)
    return win
  }
  let window = open()
  mainWindow = window

  const lang = menuLanguage(host.services.settings.get().uiLanguage, app.getLocale())
  installApplicationMenu({
    lang,
    isDev: !app.isPackaged,
    dataDir: host.services.dataDir,
    onCommand: (command) => sendEvent(window.webContents, { type: 'command', command }),
    onAbout: () => void showAboutWindow(lang, window),
  })

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('browser-window-blur', (_event, win) => sendEvent(win.webContents, { type: 'flush', requestId: 0 }))
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = window = open()
  })
  // Quitting closes the windows, and each window first holds its close to flush the autosave,
  // which cancels that quit. Remember the user asked to quit, so macOS (where closing the last
  // window normally keeps the app running) still quits once the flush is done.
  app.on('before-quit', () => {
    quitRequested = true
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitRequested) app.quit()
  })
  app.on('will-quit', () => host.close())
}
