import { describe, expect, it } from 'vitest'
import { LiveWindow } from '../../../../electron/main/desktop/live-window'

/** Behaves like a BrowserWindow where it matters: once destroyed, using it throws. */
class FakeWindow {
  static created = 0
  readonly id = ++FakeWindow.created
  private destroyed = false
  loaded!: () => void
  failed!: (error: Error) => void
  readonly loading = new Promise<void>((resolve, reject) => {
    this.loaded = resolve
    this.failed = reject
  })
  readonly sent: string[] = []
  isDestroyed() {
    return this.destroyed
  }
  destroy() {
    this.destroyed = true
  }
  send(message: string) {
    if (this.destroyed) throw new TypeError('Object has been destroyed')
    this.sent.push(message)
  }
}

function setup() {
  const created: FakeWindow[] = []
  const windows = new LiveWindow<FakeWindow>({
    create: () => {
      const win = new FakeWindow()
      created.push(win)
      return win
    },
    whenLoaded: (win) => win.loading,
  })
  return { windows, created }
}

describe('LiveWindow', () => {
  it('hands out the same window while it is alive', () => {
    const { windows, created } = setup()
    const first = windows.get()
    expect(windows.get()).toBe(first)
    expect(windows.current()).toBe(first)
    expect(created).toHaveLength(1)
  })

  it('never hands out a destroyed window (macOS: the last window closed, the app lives on)', () => {
    const { windows, created } = setup()
    const first = windows.get()
    first.destroy()
    expect(windows.current()).toBeNull()
    const second = windows.get()
    expect(second).not.toBe(first)
    expect(second.isDestroyed()).toBe(false)
    expect(created).toHaveLength(2)
  })

  it('current() does not open a window (About, dialogs and events need none)', () => {
    const { windows, created } = setup()
    expect(windows.current()).toBeNull()
    expect(created).toHaveLength(0)
  })

  it('delivers a menu command chosen with no window open to a new window, after its page loaded', async () => {
    const { windows, created } = setup()
    windows.get().destroy()
    const delivered = windows.ready().then((win) => win?.send('command:new-draft'))
    expect(created).toHaveLength(2)
    await Promise.resolve()
    expect(created[1]!.sent).toEqual([]) // not before the page can listen
    created[1]!.loaded()
    await delivered
    expect(created[1]!.sent).toEqual(['command:new-draft'])
  })

  it('uses a live window at once and opens only one window for many requests', async () => {
    const { windows, created } = setup()
    const a = windows.ready()
    const b = windows.ready()
    created[0]!.loaded()
    expect(await a).toBe(created[0])
    expect(await b).toBe(created[0])
    expect(await windows.ready()).toBe(created[0])
    expect(created).toHaveLength(1)
  })

  it('resolves to null when the new window closes before it loaded, and survives a failed load', async () => {
    const { windows, created } = setup()
    const pending = windows.ready()
    created[0]!.destroy()
    created[0]!.failed(new Error('ERR_ABORTED'))
    expect(await pending).toBeNull()
    const next = windows.ready()
    created[1]!.loaded()
    expect(await next).toBe(created[1])
  })
})

describe('the Electron shell', () => {
  it('keeps no main window of its own in a variable: every use goes through LiveWindow', async () => {
    const { readFile } = await import('node:fs/promises')
    const { resolve } = await import('node:path')
    const source = (await readFile(resolve(__dirname, '../../../../electron/main/index.ts'), 'utf8')).replace(/\r\n/g, '\n')
    expect(source).toContain('new LiveWindow<BrowserWindow>(')
    expect(source).not.toMatch(/\blet (main)?[wW]indow\b|\bmainWindow\b/)
    for (const use of ['transferDialogs(() => windows.current())', 'windows.ready()', 'showAboutWindow(lang, windows.current()', "app.on('second-instance', () => {\n    const win = windows.get()"]) {
      expect(source).toContain(use)
    }
  })
})
