import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { LonghandError } from '@shared/ipc'
import type { Dispatch } from '../main/ipc/dispatch'
import { SECURITY_HEADERS } from '../main/security/csp'

/**
 * The loopback bridge: the same dispatcher the Electron IPC adapter uses, over HTTP on
 * 127.0.0.1, so the real renderer runs in a real browser against a real library. Dev and test
 * only — it is never part of the packaged app.
 *
 * Every request must carry the random token (header, or the cookie set when the page was
 * opened with ?token=), and the Host header must be exactly our loopback address, so neither
 * another local user's page nor a DNS-rebinding site can talk to it. A page on another
 * 127.0.0.1 port is the same *site* (cookies go along, "simple" POSTs need no preflight), so
 * the browser's own word on where a request comes from is checked too: an `Origin` must be
 * ours, `Sec-Fetch-Site` must be same-origin or none (or absent: curl, Node, tests), and API
 * calls must be `application/json`, which no form or simple request can send.
 */
export interface BridgeOptions {
  dispatch: Dispatch
  staticDir: string
  port?: number
  token?: string
}

export interface RunningBridge {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

/**
 * Build output named by its content hash (Vite's assets/name-hash.ext): a new build has new
 * names, so the browser may keep these. Kept, Chromium also keeps V8's compiled code for the
 * scripts, as it does for app:// in the desktop app (codeCache, security/install.ts); with
 * no-store every start of the bridge compiled the whole renderer again. The page and the API
 * stay no-store.
 */
const IMMUTABLE_ASSET = /^assets[/\\][^/\\]+-[\w-]{8}\.\w+$/
const MAX_BODY_BYTES = 64 * 1024 * 1024
const COOKIE = 'longhand_token'
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let host = ''
  const server = createServer((req, res) => {
    handle(req, res, { ...options, token, host }).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  host = `127.0.0.1:${port}`
  return {
    url: `http://${host}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Sec-Fetch-Site values a browser sends for the app's own requests and for typed-in URLs. */
const TRUSTED_FETCH_SITES: ReadonlySet<string> = new Set(['same-origin', 'none'])

/**
 * Whether every %-escape in the request target decodes (the path and the query alike).
 * The decoded text is compared, not thrown away: the bundler drops an unused
 * decodeURIComponent() call as pure, and the built bridge then answered 500 (tests/e2e).
 */
function wellEncoded(target: string): boolean {
  try {
    return decodeURIComponent(target).length >= 0
  } catch {
    return false
  }
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase() === 'application/json'
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: BridgeOptions & { token: string; host: string }): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
  res.setHeader('Cache-Control', 'no-store')
  if (req.headers.host !== ctx.host) return plain(res, 421, 'Wrong host.')
  const target = req.url ?? '/'
  const isApi = target.startsWith('/api/')
  const refuse = (status: number, error: LonghandError) => (isApi ? json(res, status, { ok: false, error: error.toPayload() }) : plain(res, status, error.message))
  const origin = headerValue(req.headers.origin)
  const fetchSite = headerValue(req.headers['sec-fetch-site'])
  if ((origin !== null && origin !== `http://${ctx.host}`) || (fetchSite !== null && !TRUSTED_FETCH_SITES.has(fetchSite))) {
    return refuse(403, new LonghandError('forbidden', 'Requests from other pages are refused.'))
  }
  if (!wellEncoded(target)) return refuse(400, new LonghandError('invalid-args', 'The request URL has malformed percent-encoding.'))
  const url = new URL(target, `http://${ctx.host}`)
  const queryToken = url.searchParams.get('token')
  const presented = headerValue(req.headers['x-longhand-token']) ?? cookieValue(req.headers.cookie, COOKIE) ?? queryToken
  if (!presented || !sameSecret(presented, ctx.token)) return plain(res, 401, 'Missing or wrong token.')
  if (queryToken && sameSecret(queryToken, ctx.token)) {
    res.setHeader('Set-Cookie', `${COOKIE}=${ctx.token}; HttpOnly; SameSite=Strict; Path=/`)
  }

  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return plain(res, 405, 'Use POST.')
    if (!isJson(req.headers['content-type'])) return refuse(415, new LonghandError('invalid-args', 'API calls must be sent as application/json.'))
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
    let payload: unknown
    try {
      payload = JSON.parse(utf8((await readBody(req))) || '{}')
    } catch (error) {
      const known = error instanceof LonghandError
      const failure = known ? error : new LonghandError('invalid-args', 'The request body is not valid JSON.')
      return json(res, failure.code === 'too-large' ? 413 : 400, { ok: false, error: failure.toPayload() })
    }
    return json(res, 200, await ctx.dispatch(channel, payload))
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Read-only.')
  return serveStatic(res, ctx.staticDir, url.pathname, req.method === 'HEAD')
}

function serveStatic(res: ServerResponse, root: string, pathname: string, headOnly: boolean): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return plain(res, 400, 'Bad path.')
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return plain(res, 400, 'Bad path.')
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '')
  const file = join(root, relative)
  if (!(file + sep).startsWith(root + sep) && file !== root) return plain(res, 403, 'Outside the app.')
  let target = file
  let stat = safeStat(target)
  // The renderer is a single page: unknown paths without an extension get the app itself.
  if (!stat?.isFile() && !extname(relative)) {
    target = join(root, 'index.html')
    stat = safeStat(target)
  }
  if (!stat?.isFile()) return plain(res, 404, 'Not found.')
  res.writeHead(200, {
    'Content-Type': MIME[extname(target)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    ...(IMMUTABLE_ASSET.test(relative) ? { 'Cache-Control': 'private, max-age=31536000, immutable' } : {}),
  })
  if (headOnly) return void res.end()
  createReadStream(target).pipe(res)
}

/**
 * The body as text, refusing bytes that are not UTF-8: a lenient decoder would turn them (a
 * lone surrogate sent as raw bytes, say) into U+FFFD and store text the client never sent.
 */
function utf8(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw new LonghandError('invalid-args', 'The request body is not valid UTF-8.')
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new LonghandError('too-large', `Requests can be at most ${MAX_BODY_BYTES / 1024 / 1024} MB.`))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}

function headerValue(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && value ? value : null
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function safeStat(file: string) {
  try {
    return statSync(file)
  } catch {
    return null
  }
}
