import { createHash } from 'node:crypto'
import { type Asset, MAX_ASSET_BYTES, type ALLOWED_IMAGE_TYPES } from '@shared/domain'
import { LonghandError } from '@shared/ipc'
import type { Db } from './store/database'
import type { Clock } from './clock'

type ImageMime = (typeof ALLOWED_IMAGE_TYPES)[number]

/** Images pasted or dropped into drafts, stored once per content (sha256). */
export class Assets {
  constructor(
    private readonly db: Db,
    private readonly now: Clock,
  ) {}

  put(mime: ImageMime, dataBase64: string): { id: string } {
    const data = Buffer.from(dataBase64, 'base64')
    if (data.length === 0) throw new LonghandError('invalid-args', 'The image is empty.')
    if (data.length > MAX_ASSET_BYTES) throw new LonghandError('too-large', `Images can be at most ${MAX_ASSET_BYTES / 1024 / 1024} MB.`)
    const sniffed = sniffImageType(data)
    if (sniffed !== mime) throw new LonghandError('invalid-args', `The file is not a ${mime} image${sniffed ? ` (it looks like ${sniffed})` : ''}.`)
    const id = createHash('sha256').update(data).digest('hex')
    this.db.prepare('INSERT OR IGNORE INTO assets (id, mime, data, created_at) VALUES (?, ?, ?, ?)').run(id, mime, data, this.now())
    return { id }
  }

  get(id: string): Asset {
    const row = this.db.prepare('SELECT mime, data FROM assets WHERE id = ?').get(id) as { mime: ImageMime; data: Buffer } | undefined
    if (!row) throw new LonghandError('not-found', 'That image is not in the library any more.')
    return { id, mime: row.mime, dataBase64: row.data.toString('base64') }
  }
}

/** Decides the type from the bytes, never from what the sender claims. */
export function sniffImageType(data: Uint8Array): ImageMime | null {
  const starts = (bytes: number[], offset = 0) => bytes.every((b, i) => data[offset + i] === b)
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts([0x47, 0x49, 0x46, 0x38])) return 'image/gif'
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  if (starts([0x66, 0x74, 0x79, 0x70], 4) && (starts([0x61, 0x76, 0x69, 0x66], 8) || starts([0x61, 0x76, 0x69, 0x73], 8))) return 'image/avif'
  return null
}
