import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The architecture's import rules, checked on the source text: shared/ is pure (it runs in the
 * renderer, in main and in tests alike), the renderer reaches the backend only through its API
 * object, and only the thin Electron shell imports `electron`. The split tsconfigs catch Node
 * types in the renderer; this catches what they cannot (react or electron in shared/, a renderer
 * import of main-process code, electron in a service).
 */
const ROOT = resolve(__dirname, '../..')
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path)
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts') ? [path] : []
  })
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean)
}

function violations(dir: string, forbidden: (specifier: string, file: string) => boolean): string[] {
  return sources(dir).flatMap((file) => importsOf(file).filter((s) => forbidden(s, file)).map((s) => `${file} imports ${s}`))
}

const isNode = (s: string) => s.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'module'].includes(s)

describe('layering', () => {
  it('finds the files it checks', () => {
    expect(sources('shared').length).toBeGreaterThan(30)
    expect(sources('renderer').length).toBeGreaterThan(30)
    expect(importsOf('electron/main/index.ts')).toContain('electron')
  })

  it('shared/ imports no Electron, Node, React, DOM-only or database code', () => {
    const banned = (s: string) => s === 'electron' || isNode(s) || s === 'react' || s.startsWith('react-') || s.startsWith('react/') || s === 'better-sqlite3' || s === 'jsdom'
    const outside = (s: string, file: string) => s.startsWith('.') && !resolve(ROOT, file, '..', s).startsWith(join(ROOT, 'shared'))
    expect(violations('shared', (s, file) => banned(s) || outside(s, file))).toEqual([])
  })

  it('the renderer imports no Node, no Electron and no backend code', () => {
    const backend = (s: string, file: string) => s.startsWith('.') && relative(ROOT, resolve(ROOT, file, '..', s)).startsWith('electron')
    expect(violations('renderer', (s, file) => isNode(s) || s === 'electron' || s === 'better-sqlite3' || backend(s, file))).toEqual([])
  })

  it('only the Electron shell imports electron: services, IPC dispatch and the bridge never do', () => {
    for (const dir of ['electron/main/services', 'electron/main/ipc/handlers', 'electron/bridge']) {
      expect(violations(dir, (s) => s === 'electron'), dir).toEqual([])
    }
    expect(importsOf('electron/main/ipc/dispatch.ts')).not.toContain('electron')
  })
})
