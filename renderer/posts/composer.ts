type Composer = typeof import('./suggestions')

let loading: Promise<Composer> | null = null
let loaded: Composer | null = null

/**
 * The composer (shared/compose with twitter-text, the stopword lists and the hashtag ranking)
 * is a third of the first bundle but needed only from the first "Make posts": it loads then,
 * or ahead once the start is idle. A failed load is forgotten, but Chromium keeps a failed
 * module for the page's life: the message says to restart (posts.composerFailed).
 */
export function loadComposer(): Promise<Composer> {
  return (loading ??= import('./suggestions').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null
      throw error
    },
  ))
}

/** The composer if it has loaded; every passage with suggestions was composed by it, so they imply it. */
export function loadedComposer(): Composer | null {
  return loaded
}
