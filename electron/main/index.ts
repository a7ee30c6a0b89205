import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, screen, session, shell } from 'electron'
import { registerIpc } from './ipc/electron-adapter'
import { LibraryHost } from './library-host'
import { createMainWindow, FlushBeforeClose, sendEvent } from './main-window'
import { resolveNativeBinding } from './native-binding'
import { hardenAllWebContents, hardenSession, installAppProtocol, openExternalSafely, registerAppScheme } from './security/install'
import { rendererSource } from './security/origin'
import { createServices } from './services'
import { electronUserDataDir, libraryDir } from './data-dir'
import { LiveWindow } from './desktop/live-window'
import { describeSelfTest, isSelfTestRun, runSelfTest } from './self-test'
import { describeOpenFailure } from './services/store/open-failure'
import { storeLanguage } from '@shared/i18n/store'
import { INTEGRITY_WORKER_FILE } from './services/store/integrity-check'
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
// `npm start` gets its own folder (`Longhand Dev`), never the installed app's library; the Electron
// smoke test (tests/electron-app) a throw-away profile. A packaged app keeps Electron's default.
const devUserData = electronUserDataDir({ isPackaged: app.isPackaged, env: process.env, appData: app.getPath('appData') })
if (devUserData) app.setPath('userData', devUserData)

if (isSelfTestRun(process.argv)) {
  // Not a second instance of a running app: a check the release workflow runs on each package.
  // Its own throw-away profile, so it neither touches nor collides with an installed Longhand's.
  app.setPath('userData', mkdtempSync(join(app.getPath('temp'), 'longhand-self-test-profile-')))
  void selfTestAndExit()
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  void start()
}

function nativeBinding(): string {
  return resolveNativeBinding({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    platform: process.platform,
    arch: process.arch,
    electronVersion: process.versions.electron ?? '',
  })
}

/** `--self-test`: a temporary library, save, read back, exit 0 (1 and a message on stderr otherwise). */
async function selfTestAndExit(): Promise<void> {
  const watchdog = setTimeout(() => {
    process.stderr.write('Longhand self-test FAILED: no result after 120 s\n')
    app.exit(1)
  }, 120_000)
  await app.whenReady()
  const result = await runSelfTest({
    tempRoot: app.getPath('temp'),
    open: (dataDir) =>
      createServices({ dataDir, nativeBinding: nativeBinding(), integrityWorker: join(__dirname, INTEGRITY_WORKER_FILE), appVersion: app.getVersion(), shell: 'electron' }),
  })
  clearTimeout(watchdog)
  ;(result.ok ? process.stdout : process.stderr).write(`${describeSelfTest(result)}\n`)
  // Best effort: Chromium may still hold files in its profile (Windows); the OS temp folder is the fallback.
  try {
    rmSync(app.getPath('userData'), { recursive: true, force: true, maxRetries: 2 })
  } catch {
    // left for the OS to clear
  }
  app.exit(result.ok ? 0 : 1)
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

  const binding = nativeBinding()
  const flusher = new FlushBeforeClose()
  // The only way to the main window (see live-window.ts): on macOS it may have been closed while
  // the app lives on, so it is looked up when used — and opened again where one is needed.
  const windows = new LiveWindow<BrowserWindow>({ create: () => openMainWindow(), whenLoaded: pageLoaded })
  // No window may open before the library is open and IPC registered (files from the command
  // line are delivered while the host opens; they wait in the inbox for the first window).
  let windowsAllowed = false
  // The host owns the open library: safety backups on a schedule, and restoring one closes and
  // reopens it (so always reach the services through host.services, never a copy).
  let host: LibraryHost
  try {
    host = await LibraryHost.open({
      open: () =>
        createServices({
          dataDir: libraryDir({ isPackaged: app.isPackaged, env: process.env, userData: app.getPath('userData') }),
          nativeBinding: binding,
          integrityWorker: join(__dirname, INTEGRITY_WORKER_FILE),
          appVersion: app.getVersion(),
          shell: 'electron',
        }),
      nativeBinding: binding,
      shell: {
        flushed: (id: number, saved: boolean) => flusher.acknowledge(id, saved),
        openExternal: openExternalSafely,
        showItemInFolder: (path: string) => shell.showItemInFolder(path),
        ...transferDialogs(() => windows.current()),
        // A file opened while no window is (macOS) opens one; its renderer takes the file from the inbox.
        ...openedFilesInbox(openedFiles, () => (windowsAllowed ? windows.get().webContents : null)),
      },
      onInternalError: (channel, error) => console.error(`[longhand] ${channel} failed`, error),
      // The whole-file check runs once the window is up, on a worker (integrity-worker.mjs, an
      // entry of the main build beside this bundle); the page tells the author what it found
      // (app.integrityStatus), and damage is recovered at the next start.
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
  function openMainWindow(): BrowserWindow {
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
  windowsAllowed = true
  windows.get()

  const lang = menuLanguage(host.services.settings.get().uiLanguage, app.getLocale())
  installApplicationMenu({
    lang,
    isDev: !app.isPackaged,
    dataDir: host.services.dataDir,
    // A command chosen with no window open (macOS) opens one and reaches it once it has loaded.
    onCommand: (command) => void windows.ready().then((win) => win && sendEvent(win.webContents, { type: 'command', command })),
    onAbout: () => void showAboutWindow(lang, windows.current() ?? undefined),
  })

  app.on('second-instance', () => {
    const win = windows.get()
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('browser-window-blur', (_event, win) => {
    if (!win.isDestroyed()) sendEvent(win.webContents, { type: 'flush', requestId: 0 })
  })
  app.on('activate', () => {
    windows.get()
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

/** Resolves when a new window's page has loaded (or failed to, or the window closed first). */
function pageLoaded(win: BrowserWindow): Promise<void> {
  return new Promise((resolve) => {
    win.webContents.once('did-finish-load', () => resolve())
    win.webContents.once('did-fail-load', () => resolve())
    win.once('closed', () => resolve())
  })
}
