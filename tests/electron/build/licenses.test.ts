import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectLicenses, spdxFromText, spdxOf, writeLicenses } from '../../../electron/build/licenses.mjs'
import { parseLicensesFile } from '../../../electron/main/menu/about-page'

const projectRoot = resolve(__dirname, '..', '..', '..')

async function pkg(dir: string, json: object, license?: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'package.json'), JSON.stringify(json))
  if (license) await writeFile(join(dir, 'LICENSE'), license)
}

describe('license collection', () => {
  let root: string

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'longhand-licenses-'))
    const nm = join(root, 'node_modules')
    await pkg(root, { name: 'app', dependencies: { a: '1', b: '1' }, devDependencies: { devonly: '1' } })
    await pkg(join(nm, 'a'), { name: 'a', version: '1.0.0', license: 'MIT', dependencies: { c: '2' }, optionalDependencies: { absent: '1' } }, 'MIT License\n\nA')
    await pkg(join(nm, 'a', 'node_modules', 'c'), { name: 'c', version: '2.0.0', license: { type: 'ISC' } })
    await pkg(join(nm, 'b'), { name: 'b', version: '1.0.0', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }], dependencies: { c: '1' } })
    await pkg(join(nm, 'c'), { name: 'c', version: '1.0.0' }, 'Apache License\n                           Version 2.0, January 2004')
    await pkg(join(nm, 'devonly'), { name: 'devonly', version: '9.9.9', license: 'MIT' })
    await pkg(join(nm, 'electron'), { name: 'electron', version: '45.4.1', license: 'MIT', dependencies: { 'electron-get': '1' } }, 'Copyright Electron')
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('walks production dependencies like Node resolves them, plus the Electron runtime', async () => {
    const list = await collectLicenses({ root })
    expect(list.map((p) => `${p.name}@${p.version} ${p.license}`)).toEqual([
      'a@1.0.0 MIT',
      'b@1.0.0 (MIT OR Apache-2.0)',
      'c@1.0.0 Apache-2.0', // no license field: recognised from its LICENSE text
      'c@2.0.0 ISC', // the nested copy a depends on
      'electron@45.4.1 MIT', // shipped runtime; its own (build-time) dependencies are not
    ])
    expect(list.find((p) => p.name === 'a')?.text).toBe('MIT License\n\nA')
    expect(list.find((p) => p.name === 'b')?.text).toBeNull()
  })

  it('fails loudly when a production dependency is not installed', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'longhand-licenses-broken-'))
    try {
      await pkg(broken, { name: 'app', dependencies: { ghost: '1' } })
      await expect(collectLicenses({ root: broken })).rejects.toThrow(/not installed: ghost/)
    } finally {
      await rm(broken, { recursive: true, force: true })
    }
  })

  it('reads every license field style', () => {
    expect(spdxOf({ license: 'MIT' })).toBe('MIT')
    expect(spdxOf({ license: { type: 'BSD-3-Clause' } })).toBe('BSD-3-Clause')
    expect(spdxOf({ licenses: ['ISC'] })).toBe('ISC')
    expect(spdxOf({})).toBe('UNKNOWN')
    expect(spdxFromText('Permission is hereby granted, free of charge, to any person')).toBe('MIT')
    expect(spdxFromText('Redistribution and use in source and binary forms ... Neither the name')).toBe('BSD-3-Clause')
    expect(spdxFromText('All rights reserved.')).toBeNull()
  })
})

describe('licenses of this project', () => {
  it('lists what ships (and nothing from devDependencies), in the format the About window reads', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'longhand-licenses-out-')), 'licenses.json')
    try {
      const list = await writeLicenses({ root: projectRoot, outFile: out })
      const names = new Set(list.map((p) => p.name))
      for (const shipped of ['react', 'react-dom', 'better-sqlite3', '@tiptap/core', 'prosemirror-view', 'zod', 'electron']) expect(names).toContain(shipped)
      for (const devOnly of ['vitest', 'typescript', 'electron-builder', 'sharp', 'jsdom']) expect(names).not.toContain(devOnly)
      expect(list.filter((p) => p.license === 'UNKNOWN').map((p) => p.name)).toEqual([])
      expect(parseLicensesFile(await readFile(out, 'utf8'))?.packages).toHaveLength(list.length)
    } finally {
      await rm(dirname(out), { recursive: true, force: true })
    }
  })
})
