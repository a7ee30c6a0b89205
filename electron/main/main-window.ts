import { join } from 'node:path'
import { BrowserWindow, type WebContents } from 'electron'
import { APP_EVENT_CHANNEL, type AppEvent } from '@shared/ipc'
import { secureWebPreferences } from './security/web-preferences'

export interface MainWindowOptions {
  entryUrl: string
  preloadDir: string
  bounds?: { x?: number; y?: number; width: number; height: number; maximized?: boolean }
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = options.bounds ?? { width: 1280, height: 800 }
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Longhand',
    backgroundColor: '#faf9f6',
    webPreferences: secureWebPreferences({ preload: join(options.preloadDir, 'index.cjs') }),
  })
  if (options.bounds?.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  void win.loadURL(options.entryUrl)
  return win
}

export function sendEvent(contents: WebContents, event: AppEvent): void {
  if (!contents.isDestroyed()) contents.send(APP_EVENT_CHANNEL, event)
}

/**
 * Before a window closes, the renderer must write what is still pending. The close is held
 * until it answers on `app.flushed` or `timeoutMs` passes (a hung renderer must not make the
 * app impossible to quit). If the answer is not "everything saved" — a failed disk write, or no
 * answer at all — `confirmClose` asks the author before the window (and its unsaved text) goes.
 */
export class FlushBeforeClose {
  private nextId = 1
  private readonly waiting = new Map<number, (saved: boolean) => void>()

  constructor(private readonly timeoutMs = 3_000) {}

  flush(contents: WebContents): Promise<boolean> {
    const requestId = this.nextId++
    return new Promise<boolean>((resolve) => {
      const done = (saved: boolean) => {
        clearTimeout(timer)
        this.waiting.delete(requestId)
        resolve(saved)
      }
      const timer = setTimeout(() => done(false), this.timeoutMs)
      this.waiting.set(requestId, done)
      sendEvent(contents, { type: 'flush', requestId })
    })
  }

  acknowledge(requestId: number, saved: boolean): void {
    this.waiting.get(requestId)?.(saved)
  }

  guard(win: BrowserWindow, confirmClose: (win: BrowserWindow) => boolean, onCancelled: () => void): void {
    let closing = false
    win.on('close', (event) => {
      if (closing) return
      event.preventDefault()
      void this.flush(win.webContents).then((saved) => {
        if (win.isDestroyed()) return
        if (!saved && !confirmClose(win)) return onCancelled()
        closing = true
        win.close()
      })
    })
  }
}
