#!/usr/bin/env node
// Lists the open-source packages that ship inside Longhand, for the About window: every
// production dependency (transitively, resolved like Node does) plus the Electron runtime,
// each with its version, SPDX license and license text. Output: out/licenses.json, which the
// packaged app carries in app.asar. `npm run licenses`; `npm run dist*` and `npm start` run it.
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i
const MAX_TEXT = 20_000

async function readJson(file) {
  return JSON.parse(await readFile(file, 'utf8'))
}

/** Node's lookup: <from>/node_modules/<name>, then each parent folder's, up to the root. */
export async function resolvePackageDir(name, fromDir, root) {
  let dir = fromDir
  for (;;) {
    const candidate = join(dir, 'node_modules', name)
    try {
      await readFile(join(candidate, 'package.json'))
      return candidate
    } catch {
      // not here; keep walking up
    }
    if (resolve(dir) === resolve(root)) return null
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

/** `license` may be a string, an object `{type}`, or the old `licenses` array. */
export function spdxOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type
  if (Array.isArray(pkg.licenses)) {
    const types = pkg.licenses.map((l) => (typeof l === 'string' ? l : l?.type)).filter(Boolean)
    if (types.length) return types.length === 1 ? types[0] : `(${types.join(' OR ')})`
  }
  return 'UNKNOWN'
}

/** For the few packages without a license field: recognise the common license texts. */
export function spdxFromText(text) {
  if (!text) return null
  if (/Apache License[\s\S]{0,200}Version 2\.0/i.test(text)) return 'Apache-2.0'
  if (/Permission is hereby granted, free of charge/i.test(text)) return 'MIT'
  if (/Permission to use, copy, modify, and\/or distribute this software/i.test(text)) return 'ISC'
  if (/Redistribution and use in source and binary forms/i.test(text)) return /Neither the name/i.test(text) ? 'BSD-3-Clause' : 'BSD-2-Clause'
  return null
}

async function licenseText(dir) {
  const entries = await readdir(dir)
  const file = entries.filter((entry) => LICENSE_FILE.test(entry)).sort()[0]
  if (!file) return null
  const text = (await readFile(join(dir, file), 'utf8')).trim()
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n…` : text
}

/**
 * Walks the production dependency graph from the project's package.json. Optional
 * dependencies count only when installed; dev dependencies never do, except the named
 * `runtimePackages` (Electron itself, which ships with every installer).
 */
export async function collectLicenses({ root, runtimePackages = ['electron'] }) {
  const rootPkg = await readJson(join(root, 'package.json'))
  const seen = new Map()
  const queue = [
    ...Object.keys(rootPkg.dependencies ?? {}).map((name) => ({ name, from: root, optional: false })),
    ...runtimePackages.map((name) => ({ name, from: root, optional: false, shallow: true })),
  ]
  const missing = []
  while (queue.length) {
    const { name, from, optional, shallow } = queue.shift()
    const dir = await resolvePackageDir(name, from, root)
    if (!dir) {
      if (!optional) missing.push(name)
      continue
    }
    const pkg = await readJson(join(dir, 'package.json'))
    const key = `${pkg.name}@${pkg.version}`
    if (seen.has(key)) continue
    const text = await licenseText(dir)
    const declared = spdxOf(pkg)
    const license = declared === 'UNKNOWN' ? (spdxFromText(text) ?? declared) : declared
    seen.set(key, { name: pkg.name, version: pkg.version, license, text })
    if (shallow) continue // the runtime's own build-time deps are not shipped
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir, optional: false })
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) queue.push({ name: dep, from: dir, optional: true })
  }
  if (missing.length) throw new Error(`Production dependencies not installed: ${[...new Set(missing)].join(', ')}`)
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
}

export async function writeLicenses({ root, outFile }) {
  const packages = await collectLicenses({ root })
  await mkdir(dirname(outFile), { recursive: true })
  await writeFile(outFile, `${JSON.stringify({ packages }, null, 1)}\n`)
  return packages
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const outFile = join(root, 'out', 'licenses.json')
  const packages = await writeLicenses({ root, outFile })
  console.log(`Listed ${packages.length} packages in ${outFile}`)
}
