/**
 * The one Content-Security-Policy of the renderer. The `app://` protocol handler sends it with
 * every response and the loopback bridge (dev/test browser harness) sends the same header, so the
 * browser tests exercise the policy the desktop app ships with.
 *
 * `style-src 'unsafe-inline'` is the single relaxation, and it is needed: Tiptap injects its base
 * stylesheet as a <style> element, and ProseMirror writes node/mark `style` attributes (text
 * style, image sizes) through setAttribute, both of which a strict style-src blocks. Inline
 * styles cannot run script; script-src stays 'self' only, without 'unsafe-inline' or 'unsafe-eval'.
 */
const BASE_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['media-src', ["'none'"]],
  // The proofreading worker is a script of the app itself (Vite emits it next to the bundle).
  ['worker-src', ["'self'"]],
  ['manifest-src', ["'none'"]],
  ['frame-src', ["'none'"]],
  ['child-src', ["'none'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
]

export interface CspOptions {
  /**
   * Development only: the loopback origin of the Vite dev server. Vite's client needs a
   * websocket back to it for hot reload and an inline module preamble for React Refresh.
   */
  readonly devServerOrigin?: string
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives = BASE_DIRECTIVES.map(([name, sources]) => [name, [...sources]] as [string, string[]])
  const dev = options.devServerOrigin
  if (dev) {
    const url = new URL(dev)
    if (url.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
      throw new Error(`devServerOrigin must be a loopback http origin, got ${dev}`)
    }
    const origin = `${url.protocol}//${url.host}`
    for (const entry of directives) {
      if (entry[0] === 'script-src') entry[1].push("'unsafe-inline'", origin)
      if (entry[0] === 'connect-src') entry[1].push(origin, `ws://${url.host}`)
    }
  }
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}

/** The production policy, shared by the `app://` handler and the loopback bridge. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

/** Response headers every renderer asset is served with (app:// and the bridge). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
}
