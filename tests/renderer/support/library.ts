import type { ReactNode } from 'react'
import { afterEach, beforeEach } from 'vitest'
import type { Language } from '@shared/domain'
import { testBackend, type TestBackend } from './backend'
import { render, type Rendered } from './render'

export interface TestLibrary {
  /** This test's real backend (a fresh SQLite library in a temp folder). */
  readonly backend: TestBackend
  /** Renders `node` against this test's backend; unmounted after the test. */
  mount(node: ReactNode, options?: { language?: Language; notices?: boolean }): Promise<Rendered>
  /** Unmounts what was rendered (as closing the window would), keeping the library. */
  unmount(): Promise<void>
}

/**
 * A fresh library for every test of the file and whatever it rendered torn down afterwards.
 * `seed` fills the library before each test. localStorage is cleared first: the remembered
 * "open draft" of the last test means nothing in a new library.
 */
export function useTestLibrary(seed?: (backend: TestBackend) => Promise<void>): TestLibrary {
  let backend: TestBackend | null = null
  let view: Rendered | null = null
  beforeEach(async () => {
    localStorage.clear()
    backend = await testBackend()
    await seed?.(backend)
  })
  const unmount = async () => {
    await view?.unmount()
    view = null
  }
  afterEach(async () => {
    await unmount()
    backend?.close()
    backend = null
  })
  return {
    get backend() {
      if (!backend) throw new Error('The test library exists only inside a test')
      return backend
    },
    unmount,
    async mount(node, options = {}) {
      await unmount()
      view = await render(node, { api: this.backend.api, ...options })
      return view
    },
  }
}
