#!/usr/bin/env node
// Generates every icon and installer image from the one source, resources/icon.svg:
//   resources/icon.icns           macOS (16–1024, full Apple icon grid with its margin and shadow)
//   resources/icon.ico            Windows (16–256, cropped to the paper sheet: small sizes stay legible)
//   resources/icon.png            1024 px, the window icon on Linux
//   resources/icons/NxN.png       Linux icon set for AppImage/.deb (16–1024, cropped like Windows)
//   resources/background.png      DMG window background, 540×380, plus background@2x.png
// Run with `npm run icons`; the outputs are committed, so packaging never needs this toolchain.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import generateIcon from 'icon-gen'
import sharp from 'sharp'

export const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
export const DMG_BACKGROUND = { width: 540, height: 380 }

/**
 * The Windows/Linux variant of the source: same drawing, viewBox cropped to the paper sheet
 * (Apple's grid leaves 100 px of air around it, which makes a 16 px tray icon tiny) and without
 * the drop shadow, which only makes sense inside that air.
 */
export function croppedVariant(svg) {
  const sheet = /<rect id="sheet" x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/.exec(svg)
  if (!sheet) throw new Error('icon.svg must contain <rect id="sheet" x=… y=… width=… height=…>')
  const [x, y, w, h] = sheet.slice(1).map(Number)
  const margin = Math.round(w * 0.02)
  return svg
    .replace(/viewBox="[^"]*"/, `viewBox="${x - margin} ${y - margin} ${w + 2 * margin} ${h + 2 * margin}"`)
    .replace(/ filter="url\(#lift\)"/, '')
}

/** DMG background: the paper colour with a hand-drawn ink arrow from the app to Applications. */
export function dmgBackgroundSvg(scale) {
  const { width, height } = DMG_BACKGROUND
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${height * scale}" viewBox="0 0 ${width} ${height}">
  <defs><linearGradient id="paper" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#FCF7EE"/><stop offset="1" stop-color="#F0E4CF"/></linearGradient></defs>
  <rect width="${width}" height="${height}" fill="url(#paper)"/>
  <g stroke="#E2D3B8" stroke-width="1.5"><line x1="0" y1="300" x2="${width}" y2="300"/><line x1="0" y1="330" x2="${width}" y2="330"/></g>
  <path d="M 214 196 C 250 176 290 176 326 192" fill="none" stroke="#2F5590" stroke-width="5" stroke-linecap="round"/>
  <path d="M 310 176 L 330 194 L 304 204" fill="none" stroke="#2F5590" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`
}

async function renderPng(svg, size) {
  // Rasterise at twice the target resolution and downsample: crisper small sizes than resizing 1024 px.
  const density = Math.max(72, Math.ceil(((72 * size) / 1024) * 2))
  return sharp(Buffer.from(svg), { density }).resize(size, size, { fit: 'fill' }).png({ compressionLevel: 9 }).toBuffer()
}

async function renderSet(svg, sizes, dir) {
  await mkdir(dir, { recursive: true })
  for (const size of sizes) await writeFile(join(dir, `${size}.png`), await renderPng(svg, size))
}

/** Writes all outputs into `outDir` (resources/ by default). Returns the written paths. */
export async function generateIcons({ source, outDir }) {
  const full = await readFile(source, 'utf8')
  const cropped = croppedVariant(full)
  const work = await mkdtemp(join(tmpdir(), 'longhand-icons-'))
  const written = []
  try {
    await mkdir(outDir, { recursive: true })

    await renderSet(full, ICNS_SIZES, join(work, 'mac'))
    await generateIcon(join(work, 'mac'), outDir, { report: false, icns: { name: 'icon', sizes: ICNS_SIZES } })
    written.push(join(outDir, 'icon.icns'))

    await renderSet(cropped, ICO_SIZES, join(work, 'win'))
    await generateIcon(join(work, 'win'), outDir, { report: false, ico: { name: 'icon', sizes: ICO_SIZES } })
    written.push(join(outDir, 'icon.ico'))

    const linuxDir = join(outDir, 'icons')
    await rm(linuxDir, { recursive: true, force: true })
    await mkdir(linuxDir, { recursive: true })
    for (const size of LINUX_SIZES) {
      const file = join(linuxDir, `${size}x${size}.png`)
      await writeFile(file, await renderPng(cropped, size))
      written.push(file)
    }
    const windowIcon = join(outDir, 'icon.png')
    await writeFile(windowIcon, await renderPng(full, 1024))
    written.push(windowIcon)

    for (const [scale, name] of [[1, 'background.png'], [2, 'background@2x.png']]) {
      const file = join(outDir, name)
      await writeFile(file, await sharp(Buffer.from(dmgBackgroundSvg(scale))).png({ compressionLevel: 9 }).toBuffer())
      written.push(file)
    }
    return written
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const resources = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources')
  const files = await generateIcons({ source: join(resources, 'icon.svg'), outDir: resources })
  console.log(`Wrote ${files.length} files to ${resources}`)
}
