import { createStore, type Store } from '../../app/store'
import { postsReducer, type PostsAction, type PostsState } from './postsModel'

/**
 * The posts state outside React: `get()` is current the moment `dispatch` returns, so an action
 * that follows another (make a passage, then focus it) sees the first one's effect.
 */
export type PostsStore = Store<PostsState, PostsAction>

export function createPostsStore(initial: PostsState): PostsStore {
  return createStore(postsReducer, initial)
}
