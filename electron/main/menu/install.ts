import { Menu, shell } from 'electron'
import type { AppCommand } from '@shared/ipc'
import { buildMenuTemplate, type MenuLanguage } from './template'

export interface ApplicationMenuOptions {
  readonly lang: MenuLanguage
  readonly isDev: boolean
  /** Where commands go: the main window's renderer (sendEvent({ type: 'command', command })). */
  readonly onCommand: (command: AppCommand) => void
  readonly onAbout: () => void
  /** The library folder, revealed by Help → Show Library Folder. */
  readonly dataDir: string
}

/** Builds and installs the native application menu; call again when the UI language changes. */
export function installApplicationMenu(options: ApplicationMenuOptions): void {
  const template = buildMenuTemplate(
    options.lang,
    process.platform,
    {
      command: options.onCommand,
      showAbout: options.onAbout,
      showDataFolder: () => void shell.openPath(options.dataDir),
    },
    { isDev: options.isDev },
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
