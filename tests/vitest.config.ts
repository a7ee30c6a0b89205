import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = resolve(__dirname, '..')
const alias = { '@shared': resolve(root, 'shared') }

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    reporters: ['default', resolve(__dirname, 'support/totals-reporter.ts')],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/support/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: [resolve(__dirname, 'renderer/setup.ts')],
        },
      },
      {
        extends: true,
        test: {
          // Real Chromium against the real bridge and real SQLite files: one build, run serially.
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: [resolve(__dirname, 'e2e/support/global-setup.ts')],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
