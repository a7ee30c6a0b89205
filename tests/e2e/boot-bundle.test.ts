import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './support/bridge-process'

/**
 * What the built app loads before it can show an editable draft (issue 12: boot ≤ 400 ms with
 * 10,000 drafts). Checked on the build the end-to-end tests run (global setup builds out/).
 */

const OUT = resolve(ROOT, 'out')

/** The relative modules a built ES module imports statically (`import … from "./x.js"`), and its packages. */
function staticImports(file: string): { chunks: string[]; packages: string[] } {
  const code = readFileSync(file, 'utf8')
  const specifiers = [...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!)
  return {
    chunks: specifiers.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s)),
    packages: specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')),
  }
}

/** Every chunk the entry evaluates before its first line runs: itself and its static imports, followed. */
function chunksLoadedAtStart(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    staticImports(file).chunks.forEach(visit)
  }
  visit(entry)
  return [...seen]
}

/** Every package the entry evaluates before its first line runs: its static imports, followed through chunks. */
function packagesLoadedAtStart(entry: string): string[] {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const { chunks, packages: direct } = staticImports(file)
    direct.forEach((p) => packages.add(p))
    chunks.forEach(visit)
  }
  visit(entry)
  return [...packages].sort()
}

describe('the main process at start', () => {
  it('the bridge (and the app, same chunks) loads only SQLite from node_modules before listening (zod is bundled): exports, imports and posts load on use', () => {
    expect(packagesLoadedAtStart(join(OUT, 'main/bridge.js'))).toEqual(['better-sqlite3'])
  })
})

describe('the renderer at first paint', () => {
  const html = readFileSync(join(OUT, 'renderer/index.html'), 'utf8')
  const initial = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!)
  const all = readdirSync(join(OUT, 'renderer/assets')).filter((name) => name.endsWith('.js'))

  it('loads the shell, list and editor; export, import, the paste importers, dialogs and the posts pane are chunks of their own', () => {
    const later = ['exporting', 'importing', 'ExportDialog', 'pasteConverters', 'from-markdown', 'SettingsDialog', 'AboutDialog', 'RevisionsDialog', 'PostsPane']
    for (const name of later) {
      expect(all.some((file) => file.startsWith(`${name}-`)), `${name} has its own chunk`).toBe(true)
      expect(initial.some((file) => file.startsWith(`${name}-`)), `${name} is not loaded at start`).toBe(false)
    }
    const initialBytes = initial.reduce((sum, file) => sum + readFileSync(join(OUT, 'renderer/assets', file)).length, 0)
    const allBytes = all.filter((f) => !f.startsWith('proofing.worker')).reduce((sum, file) => sum + readFileSync(join(OUT, 'renderer/assets', file)).length, 0)
    expect(initialBytes).toBeLessThan(allBytes - 250_000)
  })

  it('the composer (its wording, twitter-text) and DOMPurify load on first use: in chunks of their own, not in what the first paint evaluates', () => {
    const entry = initial.find((file) => file.startsWith('index-'))!
    const atStart = chunksLoadedAtStart(join(OUT, 'renderer/assets', entry)).map((file) => readFileSync(file, 'utf8')).join('\n')
    const later = all.map((file) => readFileSync(join(OUT, 'renderer/assets', file), 'utf8')).join('\n')
    // One string each that only that code carries (the composer's English question, twitter-text's emoji parser, DOMPurify's name).
    for (const marker of ['Does this sound familiar?', 'twemoji', 'dompurify']) {
      expect(later.includes(marker), `${marker} is in the build`).toBe(true)
      expect(atStart.includes(marker), `${marker} is not loaded at start`).toBe(false)
    }
  })
})
