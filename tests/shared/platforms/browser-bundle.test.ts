import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Rolldown } from 'vite'
import { afterAll, expect, test } from 'vitest'

/**
 * twitter-text ships CommonJS for Node and a default-export-only ESM build (its "module" field)
 * for bundlers. Vitest runs the first; the renderer is bundled by Vite from the second. This
 * builds the platforms and composer the way the renderer gets them (browser resolution) and
 * runs the bundle, so a broken interop shows up here and not in the app.
 */
const ROOT = resolve(__dirname, '../../..')
const out = mkdtempSync(join(tmpdir(), 'longhand-bundle-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

test('the browser build of shared/platforms and shared/compose counts with twitter-text', async () => {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@shared': resolve(ROOT, 'shared') } },
    plugins: [
      {
        name: 'entry',
        enforce: 'pre',
        // Library mode hands the entry over as a path under the root.
        resolveId: (id) => (id.endsWith('virtual:entry') ? '\0virtual:entry' : null),
        load: (id) =>
          id === '\0virtual:entry'
            ? "export { measure, composeUrl } from '@shared/platforms'; export { composeVariants, splitThread } from '@shared/compose'"
            : null,
      },
    ],
    build: { write: false, minify: false, lib: { entry: 'virtual:entry', formats: ['es'], fileName: 'bundle' } },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry)
  expect(chunk).toBeDefined()
  // The ESM build of twitter-text, not the CommonJS one, is what got bundled.
  expect(chunk!.code).not.toMatch(/\brequire\(["']twitter-text/)
  expect(Object.keys(chunk!.modules).some((id) => id.includes('twitter-text/dist/esm/'))).toBe(true)

  const file = join(out, 'bundle.mjs')
  writeFileSync(file, chunk!.code)
  const bundle = await import(pathToFileURL(file).href)
  expect(bundle.measure('x', '👨‍👩‍👧‍👦 https://example.com/a/long/path').used).toBe(2 + 1 + 23)
  expect(bundle.measure('bluesky', '👨‍👩‍👧‍👦').used).toBe(1)
  expect(bundle.splitThread('x', 'Ein Satz. '.repeat(40)).length).toBeGreaterThan(1)
  const variants = bundle.composeVariants({ excerpt: 'Technik kann man lernen. Soft Skills nicht.', title: 'Herz', tags: [], language: 'de' }, 'x')
  expect(variants.map((v: { style: string }) => v.style)).toEqual(['quote', 'question', 'teaser'])
})
