import { z } from 'zod'

/** Images are stored once per content hash; documents refer to them as `asset:<sha256>`. */
export const ASSET_URL_PREFIX = 'asset:'
export const ALLOWED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'] as const
export const MAX_ASSET_BYTES = 20 * 1024 * 1024

export const assetIdSchema = z.string().regex(/^[0-9a-f]{64}$/)
export const imageMimeSchema = z.enum(ALLOWED_IMAGE_TYPES)

export const assetSchema = z.object({
  id: assetIdSchema,
  mime: imageMimeSchema,
  /** base64, because both transports (IPC and the HTTP bridge) carry JSON-like values. */
  dataBase64: z.string().max(Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 4),
})
export type Asset = z.infer<typeof assetSchema>

export function assetUrl(id: string): string {
  return ASSET_URL_PREFIX + id
}

export function assetIdFromUrl(src: string): string | null {
  if (!src.startsWith(ASSET_URL_PREFIX)) return null
  const id = src.slice(ASSET_URL_PREFIX.length)
  return assetIdSchema.safeParse(id).success ? id : null
}
