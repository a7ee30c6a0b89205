import { ALLOWED_IMAGE_TYPES, MAX_ASSET_BYTES, assetUrl } from '@shared/domain'
import type { Api } from '../api/client'

type ImageMime = (typeof ALLOWED_IMAGE_TYPES)[number]

export function isStorableImage(type: string): type is ImageMime {
  return (ALLOWED_IMAGE_TYPES as readonly string[]).includes(type)
}

export type ImageRejection = { reason: 'type'; name: string } | { reason: 'size'; name: string; bytes: number }

/** Why a file cannot be stored as an image, or null when it can. */
export function rejectImage(file: Pick<File, 'name' | 'type' | 'size'>): ImageRejection | null {
  if (!isStorableImage(file.type)) return { reason: 'type', name: file.name }
  if (file.size > MAX_ASSET_BYTES) return { reason: 'size', name: file.name, bytes: file.size }
  return null
}

/** Stores an image file in the database and returns the `asset:` URL documents refer to. */
export async function storeImage(api: Api, file: File): Promise<string> {
  if (!isStorableImage(file.type)) throw new Error(`unsupported image type ${file.type}`)
  const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
  const { id } = await api.invoke('assets.put', { mime: file.type, dataBase64 })
  return assetUrl(id)
}

export function bytesToBase64(bytes: Uint8Array): string {
  // Chunked: String.fromCharCode(...bytes) overflows the call stack for multi-megabyte images.
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Turns asset ids into blob: URLs the <img> can show. One fetch per image per session:
 * images are immutable (the id is their hash), so the cache never goes stale.
 */
export class AssetUrlCache {
  private readonly urls = new Map<string, Promise<string>>()

  constructor(private readonly api: Api) {}

  resolve(id: string): Promise<string> {
    let url = this.urls.get(id)
    if (!url) {
      url = this.api.invoke('assets.get', { id }).then((asset) => {
        return URL.createObjectURL(new Blob([base64ToBytes(asset.dataBase64)], { type: asset.mime }))
      })
      // A failed fetch is not cached: the next render of the image tries again.
      url.catch(() => this.urls.delete(id))
      this.urls.set(id, url)
    }
    return url
  }
}

const caches = new WeakMap<Api, AssetUrlCache>()

/** One cache per backend connection, shared by every editor and preview. */
export function assetCacheFor(api: Api): AssetUrlCache {
  let cache = caches.get(api)
  if (!cache) {
    cache = new AssetUrlCache(api)
    caches.set(api, cache)
  }
  return cache
}
