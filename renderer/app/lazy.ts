import { type ComponentType, type LazyExoticComponent, lazy } from 'react'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
type AnyComponent = ComponentType<any>
export type Preloadable<T extends AnyComponent> = LazyExoticComponent<T> & { preload(): Promise<unknown> }

/**
 * React.lazy for a named export: the module becomes its own chunk, fetched on first render
 * (or earlier through preload()), so the first paint needs only the shell, list and editor.
 */
export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M>(load: () => Promise<M>, name: K): Preloadable<M[K]> {
  let loading: Promise<M> | null = null
  const once = () => (loading ??= load())
  const component = lazy(async () => ({ default: (await once())[name] }))
  return Object.assign(component, { preload: once })
}

/**
 * Runs `work` once the page is idle after the start (never before the editor is editable and
 * the list shown), so chunks that are needed later arrive without competing with the first paint.
 */
export function whenIdle(work: () => void, timeoutMs = 2_000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: timeoutMs })
    return () => window.cancelIdleCallback(handle)
  }
  const handle = window.setTimeout(work, 200)
  return () => window.clearTimeout(handle)
}
