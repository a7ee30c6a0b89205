import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DMG_BACKGROUND, ICNS_SIZES, ICO_SIZES, LINUX_SIZES, croppedVariant, generateIcons } from '../../../electron/build/icons.mjs'

const resources = resolve(__dirname, '..', '..', '..', 'resources')

/** Sizes listed in an ICO directory (a width byte of 0 means 256). */
function icoSizes(buffer: Buffer): number[] {
  expect(buffer.readUInt16LE(0)).toBe(0) // reserved
  expect(buffer.readUInt16LE(2)).toBe(1) // type 1 = icon
  const count = buffer.readUInt16LE(4)
  const sizes: number[] = []
  for (let i = 0; i < count; i++) {
    const entry = 6 + i * 16
    const width = buffer[entry] || 256
    const height = buffer[entry + 1] || 256
    expect(width).toBe(height)
    const length = buffer.readUInt32LE(entry + 8)
    const offset = buffer.readUInt32LE(entry + 12)
    expect(offset + length).toBeLessThanOrEqual(buffer.length)
    sizes.push(width)
  }
  return sizes.sort((a, b) => a - b)
}

/** Block types in an ICNS file, after checking the container header. */
function icnsTypes(buffer: Buffer): string[] {
  expect(buffer.toString('ascii', 0, 4)).toBe('icns')
  expect(buffer.readUInt32BE(4)).toBe(buffer.length)
  const types: string[] = []
  for (let offset = 8; offset < buffer.length; ) {
    const length = buffer.readUInt32BE(offset + 4)
    expect(length).toBeGreaterThan(8)
    types.push(buffer.toString('ascii', offset, offset + 4))
    offset += length
  }
  return types
}

async function pngSize(file: string): Promise<[number | undefined, number | undefined, string | undefined]> {
  const meta = await sharp(file).metadata()
  return [meta.width, meta.height, meta.format]
}

async function expectValidIconSet(dir: string): Promise<void> {
  expect(icoSizes(await readFile(join(dir, 'icon.ico')))).toEqual(ICO_SIZES)
  // ic10 = 1024 (512@2x), ic09 = 512, ic08 = 256, ic07 = 128, and the small retina types.
  expect(icnsTypes(await readFile(join(dir, 'icon.icns')))).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']))
  for (const size of LINUX_SIZES) expect(await pngSize(join(dir, 'icons', `${size}x${size}.png`))).toEqual([size, size, 'png'])
  expect(await pngSize(join(dir, 'icon.png'))).toEqual([1024, 1024, 'png'])
  expect(await pngSize(join(dir, 'background.png'))).toEqual([DMG_BACKGROUND.width, DMG_BACKGROUND.height, 'png'])
  expect(await pngSize(join(dir, 'background@2x.png'))).toEqual([DMG_BACKGROUND.width * 2, DMG_BACKGROUND.height * 2, 'png'])
}

describe('icon generator', () => {
  let out: string
  let written: string[]

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'longhand-icons-test-'))
    written = await generateIcons({ source: join(resources, 'icon.svg'), outDir: out })
  })
  afterAll(async () => {
    await rm(out, { recursive: true, force: true })
  })

  it('writes every platform format from the one SVG', async () => {
    expect(written).toHaveLength(2 + LINUX_SIZES.length + 1 + 2)
    await expectValidIconSet(out)
    expect(ICNS_SIZES).toContain(1024)
  })

  it('draws the icon, not an empty canvas: the centre is ink, the corner is transparent', async () => {
    const { data, info } = await sharp(join(out, 'icon.png')).raw().toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x + 1) * info.channels))
    expect(pixel(0, 0)[3]).toBe(0)
    const [r, g, b] = pixel(470, 500) // on the L's vertical stroke
    expect(b).toBeGreaterThan(r! + 40)
    expect(g).toBeLessThan(120)
  })

  it('crops the Windows/Linux variant to the sheet and drops the shadow', () => {
    const svg = '<svg viewBox="0 0 1024 1024"><rect id="sheet" x="100" y="100" width="824" height="824" rx="184" filter="url(#lift)"/></svg>'
    expect(croppedVariant(svg)).toBe('<svg viewBox="84 84 856 856"><rect id="sheet" x="100" y="100" width="824" height="824" rx="184"/></svg>')
    expect(() => croppedVariant('<svg/>')).toThrow(/sheet/)
  })
})

describe('committed icons in resources/', () => {
  it('are present and valid (regenerate with `npm run icons`)', async () => {
    await expectValidIconSet(resources)
  })
})
