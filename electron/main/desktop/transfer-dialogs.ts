import { dirname, join } from 'node:path'
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron'
import type { ExportKind } from '@shared/ipc/channels/transfer'
import type { ShellHooks } from '../ipc/handlers'

const SAVE_FILTERS: Record<ExportKind, FileFilter[]> = {
  html: [{ name: 'HTML', extensions: ['html'] }],
  markdown: [{ name: 'Markdown', extensions: ['md', 'markdown'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
}
const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Markdown, HTML, Text', extensions: ['md', 'markdown', 'html', 'htm', 'txt'] },
]

/**
 * The native dialogs export, import and backups need, as shell hooks: the handlers ask for a
 * path, the author picks it here, and main writes or reads it. The renderer never names a path.
 * Each dialog starts where the author last was (or in Documents).
 */
export function transferDialogs(window: () => BrowserWindow | null): Pick<ShellHooks, 'chooseSavePath' | 'chooseFolder' | 'chooseOpenPaths'> {
  let lastFolder: string | null = null
  const startIn = () => lastFolder ?? app.getPath('documents')
  const parent = () => {
    const win = window()
    return win && !win.isDestroyed() ? win : null
  }
  return {
    async chooseSavePath({ defaultName, kind }) {
      const options = { defaultPath: join(startIn(), defaultName), filters: SAVE_FILTERS[kind], properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] }
      const win = parent()
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return null
      lastFolder = dirname(result.filePath)
      return result.filePath
    },
    async chooseFolder() {
      const options = { defaultPath: startIn(), properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] }
      const win = parent()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      const folder = result.canceled ? undefined : result.filePaths[0]
      if (!folder) return null
      lastFolder = folder
      return folder
    },
    async chooseOpenPaths() {
      const options = { defaultPath: startIn(), filters: IMPORT_FILTERS, properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[] }
      const win = parent()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      if (result.canceled || result.filePaths.length === 0) return null
      lastFolder = dirname(result.filePaths[0]!)
      return result.filePaths
    },
  }
}
