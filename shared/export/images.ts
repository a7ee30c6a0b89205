import { ALLOWED_IMAGE_TYPES, ASSET_URL_PREFIX, assetIdFromUrl, type DocNode } from '../domain'
import { NODE } from './schema'
import { safeLinkHref, urlScheme } from './urls'

export type ImageMime = (typeof ALLOWED_IMAGE_TYPES)[number]

/** An image's bytes as the exporters and the asset store carry them. */
export interface ImageData {
  mime: ImageMime
  dataBase64: string
}

/** Assets referenced by a document, preloaded by the caller (the exporters are synchronous and pure). */
export type AssetMap = Readonly<Record<string, ImageData>>

/**
 * What an image `src` is, decided in one place:
 * - `data`: an inline raster image of an allowed type (kept; the caller stores it as an asset),
 * - `asset`: already in the asset store,
 * - `remote`: http(s) or protocol-relative — never loaded (offline app), becomes a link,
 * - `relative`: a path beside the imported file — resolved by the caller or becomes a link,
 * - `refused`: anything else (javascript:, data:text/html, SVG…) — only the alt text survives.
 */
export type ImageSource =
  | { kind: 'data'; image: ImageData }
  | { kind: 'asset'; id: string }
  | { kind: 'remote'; url: string }
  | { kind: 'relative'; path: string }
  | { kind: 'refused' }

const DATA_IMAGE = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/\s]*={0,2})$/i
const ALLOWED_MIMES: ReadonlySet<string> = new Set(ALLOWED_IMAGE_TYPES)

export function parseDataImageUrl(src: string): ImageData | null {
  const match = DATA_IMAGE.exec(src.trim())
  if (!match) return null
  const mime = match[1]!.toLowerCase()
  if (!ALLOWED_MIMES.has(mime)) return null
  const dataBase64 = match[2]!.replace(/\s+/g, '')
  if (!dataBase64) return null
  return { mime: mime as ImageMime, dataBase64 }
}

export function dataImageUrl(image: ImageData): string {
  return `data:${image.mime};base64,${image.dataBase64}`
}

export function classifyImageSrc(raw: unknown): ImageSource {
  if (typeof raw !== 'string') return { kind: 'refused' }
  const src = raw.trim()
  if (src.startsWith(ASSET_URL_PREFIX)) {
    const id = assetIdFromUrl(src)
    return id ? { kind: 'asset', id } : { kind: 'refused' }
  }
  const scheme = urlScheme(src)
  if (scheme === 'data') {
    const image = parseDataImageUrl(src)
    return image ? { kind: 'data', image } : { kind: 'refused' }
  }
  const href = safeLinkHref(src)
  if (!href) return { kind: 'refused' }
  if (scheme === 'http' || scheme === 'https' || href.startsWith('//')) return { kind: 'remote', url: href }
  if (scheme !== null) return { kind: 'refused' }
  return { kind: 'relative', path: href }
}

/** Relative image paths a caller may resolve: no absolute paths, no way out of the folder. */
export function isContainedRelativePath(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('#') || path.startsWith('?')) return false
  const clean = path.split(/[?#]/, 1)[0] ?? ''
  return clean.length > 0 && !clean.split('/').some((segment) => segment === '..' || segment === '')
}

const EXTENSIONS: Record<ImageMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
}

export function extensionForMime(mime: ImageMime): string {
  return EXTENSIONS[mime]
}

export function mimeForPath(path: string): ImageMime | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path.split(/[?#]/, 1)[0] ?? '')?.[1]?.toLowerCase()
  if (!ext) return null
  if (ext === 'jpeg') return 'image/jpeg'
  const found = (Object.entries(EXTENSIONS) as [ImageMime, string][]).find(([, e]) => e === ext)
  return found ? found[0] : null
}

export class MissingAssetError extends Error {
  constructor(readonly assetId: string) {
    super(`The image ${assetId} is not among the preloaded assets; load every id from collectAssetIds(doc) first.`)
    this.name = 'MissingAssetError'
  }
}

function walk(node: DocNode, visit: (node: DocNode) => void): void {
  visit(node)
  for (const child of node.content ?? []) walk(child, visit)
}

/** Every `src` of every image, in document order, without duplicates. */
export function collectImageSources(doc: DocNode): string[] {
  const seen = new Set<string>()
  walk(doc, (node) => {
    if (node.type === NODE.image && typeof node.attrs?.src === 'string') seen.add(node.attrs.src)
  })
  return [...seen]
}

/** The asset ids an export needs in its AssetMap. */
export function collectAssetIds(doc: DocNode): string[] {
  return collectImageSources(doc)
    .map((src) => assetIdFromUrl(src))
    .filter((id): id is string => id !== null)
}

/**
 * A copy of the document with image sources swapped (e.g. `data:` URLs → `asset:` URLs once
 * the caller has stored them). Sources missing from the map stay as they are.
 */
export function replaceImageSources<T extends DocNode>(doc: T, replacements: ReadonlyMap<string, string>): T {
  const rewrite = (node: DocNode): DocNode => {
    if (node.type === NODE.image && typeof node.attrs?.src === 'string' && replacements.has(node.attrs.src)) {
      return { ...node, attrs: { ...node.attrs, src: replacements.get(node.attrs.src) } }
    }
    return node.content ? { ...node, content: node.content.map(rewrite) } : node
  }
  return rewrite(doc) as T
}
