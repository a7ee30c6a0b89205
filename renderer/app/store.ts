import { useSyncExternalStore } from 'react'

/**
 * State outside React, the pattern of posts/model/postsStore.ts made generic: `get()` is current
 * the moment `dispatch` returns, and components read slices through `useSelector`, so only those
 * whose slice changed render again.
 */
export interface Store<S, A> {
  get(): S
  dispatch(action: A): void
  subscribe(listener: () => void): () => void
}

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    dispatch(action) {
      const next = reducer(state, action)
      if (next === state) return
      state = next
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** One slice of a store; the selector must return a value kept in the state (or a primitive). */
export function useSelector<S, T>(store: Pick<Store<S, unknown>, 'get' | 'subscribe'>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()))
}

/** Events that are no state (focus the title now, reload the draft now): listeners, no counters. */
export interface EventChannel<E> {
  emit(event: E): void
  on(listener: (event: E) => void): () => void
}

export function createEventChannel<E>(): EventChannel<E> {
  const listeners = new Set<(event: E) => void>()
  return {
    emit(event) {
      for (const listener of [...listeners]) listener(event)
    },
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
