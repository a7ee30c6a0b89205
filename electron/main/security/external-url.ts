/**
 * Which links may leave the app for the user's browser or mail program (shell.openExternal).
 * Only http, https and mailto, after parsing with the WHATWG URL parser (the same one Chromium
 * uses), so tricks like `JaVaScRiPt:`, embedded tabs/newlines or `file:` never reach the OS.
 * The caller opens the returned `href`, not the raw input: hosts come back in punycode (an IDN
 * look-alike shows up as `xn--…`) and credentials are refused outright (`https://bank@evil`).
 */
export type ExternalUrlVerdict = { readonly allowed: true; readonly href: string } | { readonly allowed: false; readonly reason: string }

const MAX_URL_LENGTH = 2048
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

export function checkExternalUrl(raw: unknown): ExternalUrlVerdict {
  if (typeof raw !== 'string') return { allowed: false, reason: 'not a string' }
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) return { allowed: false, reason: 'empty or too long' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { allowed: false, reason: 'not an absolute URL' }
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return { allowed: false, reason: `scheme ${url.protocol} is not allowed` }
  if (url.protocol === 'mailto:') {
    if (!url.pathname.includes('@')) return { allowed: false, reason: 'mailto without an address' }
    return { allowed: true, href: url.href }
  }
  if (!url.hostname) return { allowed: false, reason: 'no host' }
  if (url.username || url.password) return { allowed: false, reason: 'credentials in URL' }
  return { allowed: true, href: url.href }
}
