import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import { APP_HOST, APP_SCHEME } from './origin'

/**
 * Pure routing of `app://longhand/<path>` requests to files below the renderer's build folder.
 * The protocol handler only reads the file this returns; everything that could walk out of
 * `rootDir` is refused here, before any file system access: `..` in any spelling (`%2e%2e`,
 * `%2E.`), encoded or literal backslashes, encoded slashes, NUL and other control characters,
 * drive letters and absolute paths.
 */
export type AppRequestResult =
  | { readonly status: 200; readonly filePath: string; readonly mime: string }
  | { readonly status: 400 | 403 | 404 | 405; readonly reason: string }

/** Only what an electron-vite renderer build emits; anything else is a 404. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  // Hunspell word lists of the proofreader (dictionary-de, dictionary-en).
  '.dic': 'text/plain; charset=utf-8',
}

const INDEX = 'index.html'
// Control characters, and the characters Windows treats as path syntax or reserves in names.
const FORBIDDEN_IN_SEGMENT = /[\u0000-\u001f\u007f\\/:*?"<>|]/
const MAX_URL_LENGTH = 4096

export function resolveAppRequest(method: string, url: string, rootDir: string): AppRequestResult {
  if (method.toUpperCase() !== 'GET') return { status: 405, reason: `method ${method} not allowed` }
  if (url.length > MAX_URL_LENGTH) return { status: 400, reason: 'URL too long' }
  if (url.includes('\\')) return { status: 400, reason: 'backslash in URL' }

  // The URL parser would silently resolve `..`/`%2e%2e` and collapse empty segments; a request
  // that needs that is hostile, so look at the raw path before parsing.
  const rawPath = rawPathOf(url)
  if (rawPath !== null && rawPath.split('/').slice(1).some(isDotOrEmptySegment)) return { status: 403, reason: 'dot or empty segment' }

  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { status: 400, reason: 'unparsable URL' }
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return { status: 400, reason: `wrong scheme ${parsed.protocol}` }
  if (parsed.host.toLowerCase() !== APP_HOST) return { status: 404, reason: `unknown host ${parsed.host}` }
  if (parsed.username || parsed.password) return { status: 400, reason: 'credentials in URL' }

  // Decode each segment exactly once; a `%` left after decoding means double encoding.
  const rawSegments = parsed.pathname.split('/').filter((segment) => segment !== '')
  const segments: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { status: 400, reason: 'malformed percent-encoding' }
    }
    if (segment === '.' || segment === '..' || segment.includes('..')) return { status: 403, reason: 'dot segment' }
    if (segment.includes('%')) return { status: 400, reason: 'double percent-encoding' }
    if (FORBIDDEN_IN_SEGMENT.test(segment)) return { status: 403, reason: 'forbidden character in path' }
    segments.push(segment)
  }
  if (segments.length === 0) segments.push(INDEX)

  const root = resolve(rootDir)
  const filePath = join(root, ...segments)
  const rel = relative(root, filePath)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { status: 403, reason: 'outside the app folder' }

  const mime = MIME_TYPES[extname(filePath).toLowerCase()]
  if (!mime) return { status: 404, reason: 'unknown file type' }
  return { status: 200, filePath, mime }
}

/** The path part of `scheme://authority/path?query#hash` as written, or null if there is none. */
function rawPathOf(url: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)/i.exec(url)
  return match ? (match[1] as string) : null
}

function isDotOrEmptySegment(segment: string, index: number, all: string[]): boolean {
  // A single trailing slash ("app://longhand/") is the root, not an empty segment.
  if (segment === '') return !(index === all.length - 1 && all.length === 1)
  let decoded = segment
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    return false // malformed encoding is reported as 400 by the per-segment decoding below
  }
  return decoded === '.' || decoded.includes('..')
}
