import type { BrowserWindow } from 'electron'
import { saveWindowState, type SavedWindowState } from './window-state'

const SAVE_DELAY_MS = 500

/**
 * Remembers the main window's bounds: saved shortly after each move/resize and once more on
 * close. The normal bounds are kept while maximized, so un-maximizing next run restores them.
 */
export function trackWindowState(win: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined
  const snapshot = (): SavedWindowState => {
    const bounds = win.getNormalBounds()
    return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: win.isMaximized() }
  }
  const save = () => {
    clearTimeout(timer)
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return
    void saveWindowState(file, snapshot()).catch((error: unknown) => console.error('[longhand] could not save the window state', error))
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', later)
  win.on('close', save)
}
