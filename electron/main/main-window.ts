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
 * app impossible to quit; the text it still holds was autosaved at most ~1 s earlier).
 */
export class FlushBeforeClose {
  private nextId = 1
  private readonly waiting = new Map<number, () => void>()

  constructor(private readonly timeoutMs = 3_000) {}

  flush(contents: WebContents): Promise<void> {
    const requestId = this.nextId++
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.waiting.delete(requestId)
        resolve()
      }
      const timer = setTimeout(done, this.timeoutMs)
      this.waiting.set(requestId, done)
      sendEvent(contents, { type: 'flush', requestId })
    })
  }

  acknowledge(requestId: number): void {
    this.waiting.get(requestId)?.()
  }

  guard(win: BrowserWindow): void {
    let flushed = false
    win.on('close', (event) => {
      if (flushed) return
      event.preventDefault()
      void this.flush(win.webContents).then(() => {
        flushed = true
        win.close()
      })
    })
  }
}
