import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

/**
 * Rules every test file keeps, checked on the source text of tests/: a property test can be
 * reproduced (it runs through assertProperty, with the suite's fixed seed), a test runs from any
 * clone in any folder (it reads no file through an absolute machine path), and a test that may be
 * skipped says why.
 */
const TESTS = fileURLToPath(new URL('..', import.meta.url))
/** This file spells out what it looks for, so it is not scanned itself. */
const SELF = fileURLToPath(import.meta.url)
/** The one place that may call fast-check's runner. */
const PROPERTY_HELPER = fileURLToPath(new URL('./property.ts', import.meta.url))

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testSources(path)
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && path !== SELF ? [path] : []
  })
}

const sources = testSources(TESTS).map((path) => ({ name: relative(TESTS, path), path, text: readFileSync(path, 'utf8') }))

/** Lines of `text` matching `pattern`, as `file:line: source`. */
function offending(pattern: RegExp, files = sources): string[] {
  return files.flatMap(({ name, text }) =>
    text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : [])),
  )
}

/** Running a property other than through assertProperty skips the fixed seed. */
const UNSEEDED_RUN = /\bfc\.(?:assert|check|configureGlobal)\s*\(|import\s*\{[^}]*\b(?:assert|check)\b[^}]*\}\s*from\s*['"]fast-check['"]/
/**
 * A literal under the workspace or root's home is a path on one machine, whatever it is used for.
 * /home, /tmp and /Users also appear as data (a path a user opens, a fake HOME), so they count
 * when a file is read or written through them.
 */
const MACHINE_PATH = new RegExp(
  [
    String.raw`['"\x60](?:file://)?/(?:work|root)/`,
    String.raw`\b(?:readFileSync|readFile|writeFileSync|writeFile|existsSync|statSync|readdirSync|createReadStream|openSync|copyFileSync|Database)\s*\(\s*['"\x60](?:file://)?/(?:home|tmp|Users)/`,
  ].join('|'),
)

/** Skipped always or on some machines: the reason goes in a comment on that line or the one above. */
const SKIPPED = /\b(?:it|test|describe)\.(?:skip|todo|skipIf|runIf)\b/
const FOCUSED = /\b(?:it|test|describe)\.only\b/

describe('the test suite', () => {
  test('finds the files it checks', () => {
    expect(sources.length).toBeGreaterThan(50)
    expect(sources.map((s) => s.name)).toContain(join('shared', 'export', 'round-trip.property.test.ts'))
  })

  test('every property runs through assertProperty, with the fixed seed', () => {
    const others = sources.filter((s) => s.path !== PROPERTY_HELPER)
    expect(offending(UNSEEDED_RUN, others)).toEqual([])
    // A property that is built but never asserted cannot fail.
    const unasserted = others.filter(({ text }) => /\bfc\.(?:property|asyncProperty)\s*\(/.test(text) && !/\bassertProperty\s*\(/.test(text))
    expect(unasserted.map((s) => s.name)).toEqual([])
  })

  test('no test reads a file through an absolute machine path', () => {
    expect(offending(MACHINE_PATH)).toEqual([])
  })

  test('a test that may be skipped says why, and none is focused with .only', () => {
    const unexplained = sources.flatMap(({ name, text }) => {
      const lines = text.split('\n')
      return lines.flatMap((line, i) => {
        if (!SKIPPED.test(line)) return []
        return /\/\/\s*\S/.test(line) || /^\s*\/\/\s*\S/.test(lines[i - 1] ?? '') ? [] : [`${name}:${i + 1}: ${line.trim()}`]
      })
    })
    expect(unexplained).toEqual([])
    expect(offending(FOCUSED)).toEqual([])
  })

  test('the rules recognise what they forbid', () => {
    const q = "'"
    expect(UNSEEDED_RUN.test('    fc.assert(')).toBe(true)
    expect(UNSEEDED_RUN.test('await fc.check(prop)')).toBe(true)
    expect(UNSEEDED_RUN.test(`import { assert, property } from ${q}fast-check${q}`)).toBe(true)
    expect(UNSEEDED_RUN.test('assertProperty(fc.property(fc.nat(), (n) => n >= 0))')).toBe(false)
    const workspace = ['', 'work', 'shared', 'samples', 'x.txt'].join('/')
    expect(MACHINE_PATH.test(`readFileSync(${q}${workspace}${q}, 'utf8')`)).toBe(true)
    expect(MACHINE_PATH.test(`const SAMPLE = ${q}file://${workspace}${q}`)).toBe(true)
    expect(MACHINE_PATH.test(`readFileSync(${q}${['', 'home', 'me', 'a.md'].join('/')}${q})`)).toBe(true)
    expect(MACHINE_PATH.test(`resolve(${q}${['', 'home', 'me', 'notes'].join('/')}${q})`)).toBe(false)
    expect(MACHINE_PATH.test("readFixture('herz-statt-technik.de.txt')")).toBe(false)
    expect(SKIPPED.test("it.skipIf(!canMount)('fails on a full disk', async () => {")).toBe(true)
    expect(SKIPPED.test("test.todo('later')")).toBe(true)
    expect(FOCUSED.test("describe.only('x', () => {")).toBe(true)
  })
})
