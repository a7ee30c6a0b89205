import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { secureWebPreferences } from '../security/web-preferences'
import { aboutPageUrl, buildAboutHtml, parseLicensesFile } from './about-page'
import { MENU_STRINGS, type MenuLanguage } from './template'

let aboutWindow: BrowserWindow | null = null

/**
 * The About window: a static page with JavaScript switched off, sandboxed, no preload, so it
 * can do nothing but show text. One at a time; a second request focuses it.
 */
export async function showAboutWindow(lang: MenuLanguage, parent?: BrowserWindow): Promise<void> {
  if (aboutWindow && !aboutWindow.isDestroyed()) {
    aboutWindow.focus()
    return
  }
  const licensesJson = await readFile(join(app.getAppPath(), 'out', 'licenses.json'), 'utf8').catch(() => null)
  const html = buildAboutHtml({
    strings: MENU_STRINGS[lang],
    lang,
    appVersion: app.getVersion(),
    runtime: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    licenses: licensesJson === null ? null : parseLicensesFile(licensesJson),
  })
  const win = new BrowserWindow({
    width: 560,
    height: 640,
    title: MENU_STRINGS[lang].aboutTitle,
    ...(parent ? { parent } : {}),
    minimizable: false,
    fullscreenable: false,
    autoHideMenuBar: true,
    show: false,
    webPreferences: secureWebPreferences({ javascript: false }),
  })
  if (process.platform !== 'darwin') win.removeMenu()
  aboutWindow = win
  win.on('closed', () => {
    aboutWindow = null
  })
  win.once('ready-to-show', () => win.show())
  await win.loadURL(aboutPageUrl(html))
}
