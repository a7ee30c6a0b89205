/**
 * The one URL policy of import and export. Links may point to http(s), mailto, a relative
 * path or a fragment; everything else (javascript:, vbscript:, data:, file:, blob:…) is
 * refused. Browsers ignore tabs, newlines and control characters inside a scheme
 * ("java\tscript:"), so those are removed before the scheme is read.
 */
const ALLOWED_LINK_SCHEMES = new Set(['http', 'https', 'mailto'])
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g
const SCHEME = /^([a-z][a-z0-9+.-]*):/i

export const MAX_URL_LENGTH = 8192

/** The scheme a browser would see, lower-cased, or null for a relative reference. */
export function urlScheme(url: string): string | null {
  const probe = url.replace(INVISIBLE, '')
  const match = SCHEME.exec(probe)
  return match ? match[1]!.toLowerCase() : null
}

/**
 * Whether the part before the first "/", "?" or "#" contains a character reference: an HTML
 * or Markdown renderer would decode it ("javascript&colon;…", "&#106;avascript:…") into a
 * scheme we never saw.
 */
function hidesScheme(url: string): boolean {
  const head = url.split(/[/?#]/, 1)[0] ?? ''
  return head.includes('&') || head.includes('\\')
}

/**
 * The common case answered without allocating (autosave checks every link of a long draft):
 * an allowed scheme spelled plainly at the very start, nothing that could hide another scheme
 * before the first "/", "?" or "#", no whitespace at the end. Such a URL is exactly what the
 * full check below would keep.
 */
const PLAIN_ALLOWED = /^(?:https?|mailto):[^/?#&\\]*(?:[/?#]|$)/i
const TRAILING_SPACE = /\s$/

/** The link target to keep, or null when the link must be dropped (its text stays). */
export function safeLinkHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  if (raw.length <= MAX_URL_LENGTH && PLAIN_ALLOWED.test(raw) && !TRAILING_SPACE.test(raw)) return raw
  const url = raw.trim()
  if (!url || url.length > MAX_URL_LENGTH || hidesScheme(url)) return null
  const scheme = urlScheme(url)
  if (scheme === null) return url
  return ALLOWED_LINK_SCHEMES.has(scheme) ? url : null
}

/** Canonical URLs in front matter and <link rel="canonical"> must be absolute http(s). */
export function safeCanonicalUrl(raw: unknown): string | null {
  const url = safeLinkHref(raw)
  if (!url) return null
  const scheme = urlScheme(url)
  return scheme === 'http' || scheme === 'https' ? url : null
}
