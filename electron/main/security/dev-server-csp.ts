import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './csp'

/**
 * The CSP in development too. `npm start` loads the renderer from electron-vite's Vite dev server
 * (not from app://, whose handler sends the CSP), so without this the page Electron shows during
 * development has no policy at all and a mistake that production would block goes unnoticed.
 * The dev policy is the production one plus only what Vite needs: its loopback origin for the
 * HMR websocket and the inline React Refresh preamble (see csp.ts). Nothing remote, ever.
 *
 * The origin is taken from the request's Host header, so it is right whatever port Vite picked.
 * A Host that is not loopback (a DNS-rebinding page) gets the strict production policy.
 */
export function devServerCsp(hostHeader: string | undefined): string {
  if (!hostHeader) return CONTENT_SECURITY_POLICY
  try {
    return contentSecurityPolicy({ devServerOrigin: `http://${hostHeader}` })
  } catch {
    return CONTENT_SECURITY_POLICY
  }
}

/** Vite plugin (dev server only) that sends devServerCsp with every response. */
export function devServerCspPlugin(): Plugin {
  return {
    name: 'longhand-dev-csp',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        res.setHeader('Content-Security-Policy', devServerCsp(req.headers.host))
        next()
      })
    },
  }
}
