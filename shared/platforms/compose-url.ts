import type { PlatformId } from './ids'
import { profileOf } from './profiles'
import { resolvePlatformSettings, serverHostSchema, type PlatformSettingsInput } from './settings'

interface ResolvedTarget {
  host: string
  path: string
  textParam: string
  fixedParams: Readonly<Record<string, string>>
}

function resolveTarget(platform: PlatformId, settings?: PlatformSettingsInput): ResolvedTarget | null {
  const target = profileOf(platform).compose
  switch (target.kind) {
    case 'none':
      return null
    case 'intent':
      return { host: target.host, path: target.path, textParam: target.textParam, fixedParams: target.fixedParams ?? {} }
    case 'user-server': {
      const server = resolvePlatformSettings(settings).mastodon.server
      const parsed = serverHostSchema.safeParse(server)
      if (!parsed.success) throw new Error(`Mastodon server "${server}" is not a host name like mastodon.social`)
      return { host: parsed.data, path: target.path, textParam: target.textParam, fixedParams: {} }
    }
  }
}

/**
 * The platform's own compose page with `text` filled in, or null where the platform has no
 * such page (the profile's `compose.reason` says why). Always https, always the profile's
 * host (Mastodon: the user's server).
 */
export function composeUrl(platform: PlatformId, text: string, settings?: PlatformSettingsInput): string | null {
  const target = resolveTarget(platform, settings)
  if (!target) return null
  // encodeURIComponent rather than URLSearchParams: "%20" for spaces is read the same way by
  // every server, "+" is not.
  const params = [...Object.entries(target.fixedParams), [target.textParam, text] as const]
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
  // The parser's canonical form (it escapes ' as well), so the URL passes isAllowedComposeUrl as is.
  return new URL(`https://${target.host}${target.path}?${params}`).href
}

/**
 * Whether `url` is a compose URL this app may open for `platform`: https, exactly the expected
 * host (no user info, no port, no look-alike), the expected path and only the expected query
 * parameters. The main process checks this before handing anything to the OS.
 */
export function isAllowedComposeUrl(platform: PlatformId, url: string, settings?: PlatformSettingsInput): boolean {
  let target: ResolvedTarget | null
  try {
    target = resolveTarget(platform, settings)
  } catch {
    return false
  }
  if (!target || typeof url !== 'string') return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  // Only canonical URLs: the parser quietly drops tabs, newlines and surrounding spaces and
  // turns backslashes into slashes; whatever is opened must be exactly what was checked.
  if (parsed.href !== url) return false
  if (parsed.protocol !== 'https:') return false
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false
  if (parsed.hostname !== target.host) return false
  if (parsed.pathname !== target.path) return false
  if (parsed.hash !== '') return false
  const allowed = new Set([target.textParam, ...Object.keys(target.fixedParams)])
  for (const [key, value] of parsed.searchParams) {
    if (!allowed.has(key)) return false
    const fixed = target.fixedParams[key]
    if (fixed !== undefined && value !== fixed) return false
  }
  return true
}
