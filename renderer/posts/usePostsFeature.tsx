import type { AnyExtension } from '@tiptap/core'
import type { ReactNode } from 'react'
import type { Command } from '../app/commands'
import { lazyNamed } from '../app/lazy'
import { PostsFeatureView } from './PostsFeatureView'
import { usePostsController, type PostsFeatureInput } from './usePostsController'
import './posts.css'

export { POSTS_WIDTH, type PostsController, type PostsFeatureInput, type PostsTab, type DraftPosts } from './usePostsController'

// Only inside the settings dialog, which loads on first use too.
const PostsSettings = lazyNamed(() => import('./PostsSettings'), 'PostsSettings')

export interface PostsFeature {
  /** Goes into the editor's extension list (once: the array is stable). */
  extensions: AnyExtension[]
  /** For the command palette. */
  commands: Command[]
  /** The right-hand pane with its splitter, and the editor's context menu. */
  view: ReactNode
  /** The posts part of the settings dialog. */
  settingsSection: ReactNode
}

/**
 * The workspace's one entry to the posts feature: the controller (usePostsController, data and
 * actions around the pure model in model/) wired to the components that render it.
 */
export function usePostsFeature(input: PostsFeatureInput): PostsFeature {
  const feature = usePostsController(input)
  return {
    extensions: feature.extensions,
    commands: feature.commands,
    view: <PostsFeatureView feature={feature} focusMode={input.focusMode} />,
    settingsSection: <PostsSettings posts={input.settings.posts} onChange={input.onSettings} />,
  }
}
