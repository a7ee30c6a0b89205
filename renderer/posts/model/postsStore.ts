import { postsReducer, type PostsAction, type PostsState } from './postsModel'

/**
 * The posts state outside React: `get()` is current the moment `dispatch` returns, so an action
 * that follows another (make a passage, then focus it) sees the first one's effect.
 */
export interface PostsStore {
  get(): PostsState
  dispatch(action: PostsAction): void
  subscribe(listener: () => void): () => void
}

export function createPostsStore(initial: PostsState): PostsStore {
  let state = initial
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    dispatch(action) {
      const next = postsReducer(state, action)
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
