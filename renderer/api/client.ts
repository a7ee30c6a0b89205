import { type AppEvent, type Args, type Channel, type Envelope, type PreloadBridge, type Result, LonghandError, appEventSchema, unwrap } from '@shared/ipc'

/**
 * The renderer's only way to reach the backend. Two transports, one contract:
 *  - inside Electron, the preload's `window.longhand` (IPC);
 *  - in a plain browser (the dev/test harness), the loopback bridge over HTTP, with the
 *    token the bridge printed in the page URL.
 * Arguments are validated by the backend, not here: the boundary is the one place that checks.
 */
export interface Api {
  invoke<C extends Channel>(channel: C, args: Args<C>): Promise<Result<C>>
  /** Backend → renderer events (menu commands, flush requests, files opened with the app). */
  onEvent(listener: (event: AppEvent) => void): () => void
  readonly shell: 'electron' | 'web'
}

declare global {
  interface Window {
    longhand?: PreloadBridge
  }
}

export function createApi(win: Window = window): Api {
  const bridge = win.longhand
  if (bridge) return preloadApi(bridge)
  return httpApi(win)
}

function preloadApi(bridge: PreloadBridge): Api {
  return {
    shell: 'electron',
    async invoke(channel, args) {
      return unwrap((await bridge[channel](args)) as Envelope<never>)
    },
    onEvent(listener) {
      return bridge.onEvent((raw) => {
        const parsed = appEventSchema.safeParse(raw)
        if (parsed.success) listener(parsed.data)
      })
    },
  }
}

export const TOKEN_STORAGE_KEY = 'longhand.bridgeToken'

function httpApi(win: Window): Api {
  const token = bridgeToken(win)
  return {
    shell: 'web',
    async invoke(channel, args) {
      let response: Response
      try {
        response = await win.fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-longhand-token': token },
          body: JSON.stringify(args ?? {}),
        })
      } catch (cause) {
        throw new LonghandError('storage', `The Longhand backend is not reachable (${String(cause)}).`)
      }
      const envelope = (await response.json().catch(() => null)) as Envelope<never> | null
      if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
        throw new LonghandError('internal', `Unexpected answer from the backend (HTTP ${response.status}).`)
      }
      return unwrap(envelope)
    },
    // The browser harness has no native menus and no quit to flush for: no events arrive.
    onEvent: () => () => {},
  }
}

/** The token arrives once in the URL; keep it for reloads, then remove it from the address bar. */
function bridgeToken(win: Window): string {
  const url = new URL(win.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    url.searchParams.delete('token')
    win.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return win.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? ''
}
