import { describe, expect, it } from 'vitest'
import { sniffImageType } from '../../../../electron/main/services/assets'
import { tempLibrary } from '../../support/temp-library'

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

describe('Assets', () => {
  it('stores an image once per content and returns it by hash', async () => {
    const { assets, db } = await tempLibrary()
    const { id } = assets.put('image/png', PNG_1PX)
    expect(id).toMatch(/^[0-9a-f]{64}$/)
    expect(assets.put('image/png', PNG_1PX).id).toBe(id)
    expect(db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 1 })
    expect(assets.get(id)).toEqual({ id, mime: 'image/png', dataBase64: PNG_1PX })
  })

  it('refuses bytes that are not the claimed image type', async () => {
    const { assets } = await tempLibrary()
    expect(() => assets.put('image/jpeg', PNG_1PX)).toThrow(/not a image\/jpeg image \(it looks like image\/png\)/)
    expect(() => assets.put('image/png', Buffer.from('<svg onload=alert(1)>').toString('base64'))).toThrow(expect.objectContaining({ code: 'invalid-args' }))
    expect(() => assets.put('image/png', '')).toThrow(/empty/)
  })

  it('sniffs the common web image formats', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffImageType(Buffer.from('GIF89a'))).toBe('image/gif')
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffImageType(Buffer.from('\0\0\0\x1cftypavif'))).toBe('image/avif')
    expect(sniffImageType(Buffer.from('hello'))).toBeNull()
  })

  it('reports an unknown image as not-found', async () => {
    const { assets } = await tempLibrary()
    expect(() => assets.get('0'.repeat(64))).toThrow(expect.objectContaining({ code: 'not-found' }))
  })
})
