/**
 * The one way the shell reaches the main window. On macOS closing the last window keeps the app
 * running; the BrowserWindow object stays referenced but is destroyed, and touching it (or its
 * webContents) throws "Object has been destroyed". So nothing keeps a window in a variable:
 * menus, About, second-instance, opened files, dialogs and events ask this helper, which hands
 * out the window only while it is alive and opens a new one when one is needed.
 * Pure (no electron import): the factory and the window shape are passed in, so it is tested
 * with a fake window.
 */
export interface Destroyable {
  isDestroyed(): boolean
}

export interface LiveWindowOptions<W extends Destroyable> {
  /** Opens a new main window (the shell's createMainWindow with its guards). */
  create(): W
  /** Resolves once a freshly created window can receive events (its page has loaded). */
  whenLoaded(win: W): Promise<void>
}

export class LiveWindow<W extends Destroyable> {
  private window: W | null = null
  private loaded: Promise<void> = Promise.resolve()

  constructor(private readonly options: LiveWindowOptions<W>) {}

  /** The main window if it is alive, else null. Never opens one (for things that need no window). */
  current(): W | null {
    if (this.window && this.window.isDestroyed()) this.window = null
    return this.window
  }

  /** The main window, opened first when there is none (Dock click, second instance, a file). */
  get(): W {
    const alive = this.current()
    if (alive) return alive
    const win = this.options.create()
    this.window = win
    // A page that fails to load must not leave callers of ready() waiting forever.
    this.loaded = this.options.whenLoaded(win).catch(() => undefined)
    return win
  }

  /**
   * The main window once it can receive events: a menu command chosen while no window was open
   * opens one and is delivered after its page loaded (an event sent earlier would be lost).
   * Resolves to null if the window was closed before it finished loading.
   */
  async ready(): Promise<W | null> {
    const win = this.get()
    await this.loaded
    return win.isDestroyed() ? null : win
  }
}
