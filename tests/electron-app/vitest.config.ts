import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * The end-to-end smoke test in the real Electron app (`npm run test:electron`). Not part of
 * `npm test`: it needs the Electron binary, which only a normal machine or CI has. The release
 * workflow runs it on Windows, macOS and Linux before building installers.
 */
const root = resolve(__dirname, '..', '..')

export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  test: {
    include: ['tests/electron-app/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default', resolve(root, 'tests/support/totals-reporter.ts')],
  },
})
