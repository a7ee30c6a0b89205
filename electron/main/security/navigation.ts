import { originOf } from './origin'

/**
 * In-app navigation policy: the window may only ever show our own origin. Everything else is
 * cancelled; if it is a link the user could reasonably mean to follow (http/https/mailto), the
 * caller may hand it to checkExternalUrl and the OS browser instead.
 */
export function isInAppNavigation(targetUrl: string, trustedOrigin: string): boolean {
  const origin = originOf(targetUrl)
  return origin !== null && origin === trustedOrigin.toLowerCase()
}
