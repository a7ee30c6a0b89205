/**
 * Where the renderer comes from. In a packaged app it is always our own `app://` origin; only an
 * unpackaged development run may point at the electron-vite dev server, and only on loopback, so a
 * stray ELECTRON_RENDERER_URL can never make the app load remote content.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'longhand'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * `protocol//host[:port]`, lower-cased, for any URL with an authority. Node's URL#origin is the
 * string "null" for schemes it does not know (such as `app:`), so the origin is built by hand.
 * Returns null for anything unparsable or without a host (`about:blank`, `data:`, `file:///`).
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  // Credentials in a URL are never ours and are a classic way to disguise the real host.
  if (!parsed.host || parsed.username || parsed.password) return null
  return `${parsed.protocol}//${parsed.host}`.toLowerCase()
}

export interface RendererSource {
  /** URL to load into the main window. */
  readonly entryUrl: string
  /** The only origin whose top frame may call IPC or navigate within the app. */
  readonly origin: string
}

/**
 * Decides what the main window loads. `devServerUrl` (electron-vite's ELECTRON_RENDERER_URL) is
 * honoured only when the app is not packaged and the URL is plain http on a loopback host.
 */
export function rendererSource(options: { isPackaged: boolean; devServerUrl?: string | undefined }): RendererSource {
  const dev = options.devServerUrl
  if (!options.isPackaged && dev) {
    const origin = originOf(dev)
    const parsed = origin ? new URL(dev) : null
    if (!parsed || parsed.protocol !== 'http:' || !LOOPBACK_HOSTS.has(parsed.hostname)) {
      throw new Error(`Refusing to load the renderer from ${JSON.stringify(dev)}: only a loopback http dev server is allowed.`)
    }
    return { entryUrl: dev, origin: origin as string }
  }
  return { entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN }
}
