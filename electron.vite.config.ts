import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { devServerCspPlugin } from './electron/main/security/dev-server-csp'

const alias = { '@shared': resolve(__dirname, 'shared') }
/**
 * shared/ is pure TypeScript (README): a module of it whose exports are unused is dropped with
 * what it imports, instead of being kept for side effects. Without this the barrels
 * (@shared/export, @shared/platforms) put twitter-text, mdast, micromark and yaml on every
 * start, in the main process and the renderer alike.
 */
const sharedDir = resolve(__dirname, 'shared').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const sharedIsPure = { moduleSideEffects: [{ test: new RegExp(`^${sharedDir}[\\\\/]`), sideEffects: false }] }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // zod bundled (tree-shaken, one file) instead of loaded from node_modules: Node's ES module
      // loader resolved and compiled its ~95 files (every locale) one by one, ~30 ms CPU of every start.
      externalizeDeps: { exclude: ['zod'] },
      rolldownOptions: {
        // The bridge is a second entry of the main build: it serves the very same services
        // over loopback HTTP for the browser harness (dev/test only; never packaged).
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          bridge: resolve(__dirname, 'electron/bridge/index.ts'),
          // The integrity check's worker thread, found beside the bundle (integrity-check.ts).
          'integrity-worker': resolve(__dirname, 'electron/main/services/store/integrity-worker.mjs'),
        },
        treeshake: sharedIsPure,
        // The worker keeps its .mjs name, so the sources and the build spawn the same file name.
        output: { entryFileNames: (chunk) => (chunk.name === 'integrity-worker' ? '[name].mjs' : '[name].js') },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else into one CJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    // The renderer's CSP also during `npm start` (the dev server is not app://): see dev-server-csp.ts.
    plugins: [react(), devServerCspPlugin()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: parse time of the renderer bundle is most of the start-up cost before the first request.
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') }, treeshake: sharedIsPure },
    },
  },
})
