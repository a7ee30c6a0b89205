import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * npm 11 runs (or, with allowScripts enforcement, skips) dependency install scripts by the
 * package.json `allowScripts` list. Every installed package with one must be listed — true or
 * false, a decision someone made — and the README's table must give the reason for each.
 */
const root = resolve(__dirname, '..', '..', '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall']

/** name → the install scripts of every installed copy (nested node_modules included). */
function packagesWithInstallScripts(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const visit = (modulesDir: string) => {
    if (!existsSync(modulesDir)) return
    for (const entry of readdirSync(modulesDir)) {
      if (entry.startsWith('.')) continue
      const dirs = entry.startsWith('@') ? readdirSync(join(modulesDir, entry)).map((sub) => join(modulesDir, entry, sub)) : [join(modulesDir, entry)]
      for (const dir of dirs) {
        const manifest = join(dir, 'package.json')
        if (!existsSync(manifest)) continue
        const { name, scripts = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; scripts?: Record<string, string> }
        const own = INSTALL_SCRIPTS.filter((script) => scripts[script]).map((script) => `${script}: ${scripts[script]}`)
        // npm runs `node-gyp rebuild` for a package with a binding.gyp and no install script of its own.
        if (!scripts.install && !scripts.preinstall && existsSync(join(dir, 'binding.gyp'))) own.push('install: node-gyp rebuild (implicit)')
        if (own.length) found.set(name, [...(found.get(name) ?? []), ...own])
        visit(join(dir, 'node_modules'))
      }
    }
  }
  visit(join(root, 'node_modules'))
  return found
}

const allowed = new Map<string, boolean>(Object.entries(pkg.allowScripts ?? {}).map(([key, value]) => [key.replace(/(.)@[^@]*$/, '$1'), value as boolean]))

describe('allowScripts', () => {
  const withScripts = packagesWithInstallScripts()

  it('lists every installed package that has an install script', () => {
    const unlisted = [...withScripts].filter(([name]) => !allowed.has(name)).map(([name, scripts]) => `${name} (${scripts.join('; ')})`)
    expect(unlisted, 'add each to allowScripts (true or false) and to the README table with a reason').toEqual([])
  })

  it('agrees with package-lock.json, which marks install scripts for every platform’s packages', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> }
    const locked = new Set(Object.entries(lock.packages).filter(([, entry]) => entry.hasInstallScript).map(([path]) => path.replace(/^.*node_modules\//, '')))
    expect([...locked].sort()).toEqual([...allowed.keys()].sort())
  })

  it('lists nothing that has no install script (a stale entry hides a real decision)', () => {
    expect([...allowed.keys()].filter((name) => !withScripts.has(name))).toEqual([])
  })

  it('says true or false for each, and the README gives the reason', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\r\n/g, '\n')
    for (const [name, value] of allowed) {
      expect(typeof value, name).toBe('boolean')
      expect(readme, `README reason for ${name}`).toMatch(new RegExp(`^\\| \`${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\` \\| ${value ? 'yes' : 'no'} \\| .+ \\|$`, 'm'))
    }
  })

  it('lets the one script the app needs run: better-sqlite3 builds the SQLite engine the tests and the bridge load', () => {
    expect(allowed.get('better-sqlite3')).toBe(true)
  })
})

describe('node-gyp', () => {
  it('is a declared devDependency, at the installed version, because the Electron native fallback runs it', () => {
    const fallback = readFileSync(join(root, 'electron/build/electron-native-lib.mjs'), 'utf8')
    expect(fallback).toContain("require.resolve('node-gyp/bin/node-gyp.js')")
    const installed = JSON.parse(readFileSync(join(root, 'node_modules/node-gyp/package.json'), 'utf8')).version
    expect(pkg.devDependencies['node-gyp']).toBe(installed)
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
    expect(lock.packages[''].devDependencies['node-gyp']).toBe(installed)
    expect(lock.packages['node_modules/node-gyp'].version).toBe(installed)
  })
})
