import { readFile } from 'node:fs/promises'
import { app, protocol, shell, type Session, type WebContents } from 'electron'
import { checkExternalUrl } from './external-url'
import { resolveAppRequest } from './app-request'
import { SECURITY_HEADERS } from './csp'
import { isInAppNavigation } from './navigation'
import { APP_SCHEME, originOf } from './origin'
import { isPermissionGranted } from './permissions'

/**
 * The thin Electron side of the hardening: each function applies a pure, unit-tested policy from
 * this folder to Electron's hooks. Call order (see the report in electron/build/README-shipping.md):
 * registerAppScheme() before `ready`; after `ready` installAppProtocol(), hardenSession(),
 * hardenAllWebContents(); then create windows.
 */

/** Must run before the app's `ready` event: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a real origin with relative URLs; secure: treated like https (secure context);
      // supportFetchAPI + corsEnabled: Vite's `<script type="module" crossorigin>` loads fetch it.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ])
}

/** Serves `app://longhand/...` from the renderer build folder, GET only, with the CSP header. */
export function installAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const result = resolveAppRequest(request.method, request.url, rendererDir)
    if (result.status !== 200) return new Response(null, { status: result.status, headers: SECURITY_HEADERS })
    try {
      const body = await readFile(result.filePath)
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': result.mime } })
    } catch {
      return new Response(null, { status: 404, headers: SECURITY_HEADERS })
    }
  })
}

/**
 * Session-wide rules: deny web permissions (except clipboard writes from our origin) and cancel
 * every request that would leave the machine. Allowed: our own scheme, inline data/blob URLs,
 * DevTools, and in development the loopback dev server.
 */
export function hardenSession(session: Session, trustedOrigin: string): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(isPermissionGranted(permission, contents.getURL(), trustedOrigin))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, trustedOrigin),
  )
  session.setDevicePermissionHandler(() => false)
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null))

  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isLocalRequest(details.url, trustedOrigin) })
  })
}

function isLocalRequest(url: string, trustedOrigin: string): boolean {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase()
  if (scheme === `${APP_SCHEME}:` || scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:') return true
  const origin = originOf(url)
  if (origin === null) return false
  // The dev server's HMR websocket shares its host with the http origin.
  return origin === trustedOrigin || origin === trustedOrigin.replace(/^http:/, 'ws:')
}

/** Opens a link in the user's browser or mail program, if and only if the URL policy allows it. */
export async function openExternalSafely(url: string): Promise<boolean> {
  const verdict = checkExternalUrl(url)
  if (!verdict.allowed) return false
  await shell.openExternal(verdict.href)
  return true
}

/**
 * Every web contents the app ever creates (main window, About window, anything Chromium spawns):
 * no navigation away from our origin, no redirects away, no <webview>, no new windows. A link the
 * user clicks goes to the OS browser instead, through openExternalSafely.
 */
export function hardenAllWebContents(trustedOrigin: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trustedOrigin))
}

export function hardenWebContents(contents: WebContents, trustedOrigin: string): void {
  contents.on('will-navigate', (event) => {
    if (isInAppNavigation(event.url, trustedOrigin)) return
    event.preventDefault()
    void openExternalSafely(event.url)
  })
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isInAppNavigation(event.url, trustedOrigin)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isInAppNavigation(event.url, trustedOrigin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url)
    return { action: 'deny' }
  })
}
