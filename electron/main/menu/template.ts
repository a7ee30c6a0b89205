import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '@shared/ipc'
import { menuDe } from '@shared/i18n/menu.de'
import { KEYMAP, toAccelerator } from '@shared/keymap'
import { menuEn, type MenuStrings } from '@shared/i18n/menu.en'

export type MenuLanguage = 'de' | 'en'

export const MENU_STRINGS: Readonly<Record<MenuLanguage, MenuStrings>> = { de: menuDe, en: menuEn }

/** What the menu can make happen; the thin installer wires these to the window and the OS. */
export interface MenuActions {
  /** Forward a command to the renderer (it owns dialogs such as Import and Settings). */
  readonly command: (command: AppCommand) => void
  /** Open the native About window (version and licenses); it needs no renderer. */
  readonly showAbout: () => void
  /** Reveal the library folder in Finder / Explorer / the file manager. */
  readonly showDataFolder: () => void
}

export interface MenuOptions {
  /** Development builds add Reload and the developer tools to the View menu. */
  readonly isDev?: boolean
}

/** The UI language setting ('system' follows the OS locale) → the menu language. */
export function menuLanguage(uiLanguage: 'system' | 'de' | 'en', systemLocale: string): MenuLanguage {
  if (uiLanguage !== 'system') return uiLanguage
  return /^de(?:[-_]|$)/i.test(systemLocale) ? 'de' : 'en'
}

/**
 * The application menu as plain template data (Menu.buildFromTemplate applies it). macOS gets
 * the app menu, and About/Settings/Quit live there; Windows and Linux get them in File and
 * Help, following each platform's conventions. Accelerators are the standard ones; roles keep
 * native behaviour (undo, clipboard, zoom, full screen) while the labels come from our strings.
 */
export function buildMenuTemplate(
  lang: MenuLanguage,
  platform: NodeJS.Platform | string,
  actions: MenuActions,
  options: MenuOptions = {},
): MenuItemConstructorOptions[] {
  const t = MENU_STRINGS[lang]
  const mac = platform === 'darwin'
  const run = (command: AppCommand, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id: command,
    label,
    ...(accelerator ? { accelerator } : {}),
    // 'about' is a native window of its own; every other command is the renderer's to carry out.
    click: () => (command === 'about' ? actions.showAbout() : actions.command(command)),
  })
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  const appMenu: MenuItemConstructorOptions = {
    label: t.app,
    submenu: [
      run('about', t.about),
      separator,
      run('settings', t.settings, toAccelerator(KEYMAP.settings, 'Cmd')),
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.showAll },
      separator,
      { role: 'quit', label: t.quit },
    ],
  }

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      run('new-draft', t.newDraft, toAccelerator(KEYMAP.newDraft)),
      run('import', t.import, toAccelerator(KEYMAP.import)),
      separator,
      run('export-html', t.exportHtml, toAccelerator(KEYMAP.exportHtml)),
      run('export-markdown', t.exportMarkdown),
      separator,
      ...(mac
        ? [{ role: 'close', label: t.close } satisfies MenuItemConstructorOptions]
        : [run('settings', t.settings, toAccelerator(KEYMAP.settings, 'Ctrl')), separator, { role: 'quit', label: t.quit, accelerator: 'Ctrl+Q' } satisfies MenuItemConstructorOptions]),
    ],
  }

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: t.pasteAndMatchStyle } satisfies MenuItemConstructorOptions] : []),
      { role: 'delete', label: t.delete },
      { role: 'selectAll', label: t.selectAll },
      separator,
      run('find', t.find, toAccelerator(KEYMAP.search)),
    ],
  }

  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      run('command-palette', t.commandPalette, toAccelerator(KEYMAP.palette)),
      run('toggle-library', t.toggleLibrary, toAccelerator(KEYMAP.toggleLibrary)),
      run('toggle-focus', t.toggleFocus, toAccelerator(KEYMAP.toggleFocus)),
      separator,
      ...(options.isDev
        ? [
            { role: 'reload', label: t.reload } satisfies MenuItemConstructorOptions,
            { role: 'toggleDevTools', label: t.toggleDevTools } satisfies MenuItemConstructorOptions,
            separator,
          ]
        : []),
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.toggleFullScreen },
    ],
  }

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    ...(mac ? { role: 'windowMenu' as const } : {}),
    submenu: mac
      ? [{ role: 'minimize', label: t.minimize }, { role: 'zoom', label: t.zoom }, separator, { role: 'front', label: t.front }]
      : [{ role: 'minimize', label: t.minimize }, { role: 'close', label: t.close }],
  }

  const helpMenu: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [
      { id: 'show-data-folder', label: t.showDataFolder, click: () => actions.showDataFolder() },
      ...(mac ? [] : [separator, run('about', t.about)]),
    ],
  }

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu]
}
