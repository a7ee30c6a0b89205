import { originOf } from './origin'

/**
 * Web permissions the renderer asks Chromium for. Everything is denied except writing plain text
 * to the clipboard from our own origin, which the "copy post" buttons need
 * (navigator.clipboard.writeText). Reading the clipboard, camera, notifications, geolocation,
 * devices, fullscreen requests from the page: all denied.
 */
const GRANTED_TO_APP = new Set(['clipboard-sanitized-write'])

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, trustedOrigin: string): boolean {
  if (!GRANTED_TO_APP.has(permission) || !requestingUrl) return false
  return originOf(requestingUrl) === trustedOrigin.toLowerCase()
}
