/**
 * Keyboard focus after a post changes place or a form closes: the control that acted is gone,
 * and the browser would drop focus to <body> (a keyboard user then tabs through the whole app).
 * These put it on the nearest sensible control once React has shown the change.
 */

const TRIES = 40
const EVERY_MS = 25

/** Calls `find` until it returns an element (React renders asynchronously), then focuses it. */
export function focusWhenShown(find: () => HTMLElement | null | undefined): void {
  let tries = 0
  const attempt = () => {
    const target = find()
    if (target) target.focus()
    else if (++tries < TRIES) setTimeout(attempt, EVERY_MS)
  }
  setTimeout(attempt, 0)
}

/** The ids of the saved posts shown in the posts pane around `inside`, before a save. */
export function savedPostIds(inside: Element | null): Set<string> {
  const pane = inside?.closest('.posts-pane')
  return new Set([...(pane?.querySelectorAll<HTMLElement>('.saved-post[data-post-id]') ?? [])].map((el) => el.dataset.postId ?? ''))
}

/** After "Save": the text of the post that was not there before (the card moved to the saved posts). */
export function focusNewSavedPost(inside: Element | null, before: Set<string>): void {
  const pane = inside?.closest('.posts-pane')
  focusWhenShown(() => {
    const card = [...(pane?.querySelectorAll<HTMLElement>('.saved-post[data-post-id]') ?? [])].find((el) => !before.has(el.dataset.postId ?? ''))
    return card?.querySelector<HTMLElement>('textarea, button')
  })
}
