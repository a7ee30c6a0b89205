import { z } from 'zod'
import type { MenuStrings } from '@shared/i18n/menu.en'

/** Shape of out/licenses.json, written at build time by electron/build/licenses.mjs. */
export const licensesFileSchema = z.object({
  packages: z.array(
    z.object({
      name: z.string().min(1).max(214),
      version: z.string().max(100),
      license: z.string().max(200),
      text: z.string().nullable(),
    }),
  ),
})
export type LicensesFile = z.infer<typeof licensesFileSchema>

export interface AboutInfo {
  readonly strings: MenuStrings
  readonly lang: 'de' | 'en'
  readonly appVersion: string
  /** process.versions: electron, chrome, node. */
  readonly runtime: { readonly electron?: string; readonly chrome?: string; readonly node?: string }
  /** Null when out/licenses.json is missing or unreadable. */
  readonly licenses: LicensesFile | null
}

/** The page's own policy: no script at all, no network, only its inline styles. */
export const ABOUT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string)
}

/**
 * The About window's complete HTML: version, runtime versions and every bundled package with
 * its license (text folded in <details>, so no script is needed). Everything interpolated is
 * escaped: package metadata is third-party text.
 */
export function buildAboutHtml(info: AboutInfo): string {
  const t = info.strings
  const runtime = [
    info.runtime.electron && `Electron ${info.runtime.electron}`,
    info.runtime.chrome && `Chromium ${info.runtime.chrome}`,
    info.runtime.node && `Node.js ${info.runtime.node}`,
  ]
    .filter(Boolean)
    .join(' · ')
  const packages = info.licenses?.packages ?? []
  const list = info.licenses
    ? `<ul>${packages
        .map(
          (pkg) =>
            `<li><details><summary><span class="name">${escapeHtml(pkg.name)}</span> <span class="version">${escapeHtml(pkg.version)}</span> <span class="license">${escapeHtml(pkg.license)}</span></summary>${
              pkg.text ? `<pre aria-label="${escapeHtml(t.licenseText)}">${escapeHtml(pkg.text)}</pre>` : ''
            }</details></li>`,
        )
        .join('')}</ul>`
    : `<p class="missing">${escapeHtml(t.licensesMissing)}</p>`

  return `<!doctype html>
<html lang="${info.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${ABOUT_PAGE_CSP}">
<title>${escapeHtml(t.aboutTitle)}</title>
<style>
  :root { color-scheme: light dark; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; padding: 24px 28px; background: Canvas; color: CanvasText; }
  h1 { font-size: 22px; margin: 0 0 2px; }
  .tagline, .runtime, .privacy { margin: 4px 0; opacity: .8; }
  h2 { font-size: 14px; margin: 20px 0 8px; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { border-top: 1px solid color-mix(in srgb, CanvasText 12%, transparent); padding: 4px 0; }
  summary { cursor: default; }
  .version, .license { opacity: .65; }
  pre { white-space: pre-wrap; font-size: 11px; max-height: 240px; overflow: auto; padding: 8px; background: color-mix(in srgb, CanvasText 5%, transparent); }
</style>
</head>
<body>
<h1>Longhand</h1>
<p class="version-line">${escapeHtml(t.version)} ${escapeHtml(info.appVersion)}</p>
<p class="tagline">${escapeHtml(t.tagline)}</p>
<p class="privacy">${escapeHtml(t.privacy)}</p>
${runtime ? `<p class="runtime">${escapeHtml(runtime)}</p>` : ''}
<h2>${escapeHtml(t.licenses)}${info.licenses ? ` (${packages.length})` : ''}</h2>
${list}
</body>
</html>
`
}

/** Parses the licenses file's JSON; null (shown as "list missing") when it is not valid. */
export function parseLicensesFile(json: string): LicensesFile | null {
  try {
    const parsed = licensesFileSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** As a data: URL for the sandboxed About window (base64 keeps it well under Chromium's 2 MB URL limit). */
export function aboutPageUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
}
