import type { DraftId, Passage, Post, TodayPost } from '@shared/domain'
import type { PlatformId, PlatformSettings } from '@shared/platforms'
import type { PassageSource, SuggestionGroup } from '../suggestionGroups'

/** The composer's suggestPosts (composer.ts loads it on first use). */
export type Suggest = (source: PassageSource, settings: PlatformSettings) => SuggestionGroup[]

/**
 * The posts panel's state and every change to it, as plain data and pure functions: no React,
 * no backend. The controller (usePostsController) runs the effects around it.
 */

export type PostsTab = 'draft' | 'today' | 'journal'
/** The passage view: one card per platform, or one platform's three styles side by side. */
export type SuggestionLayout = 'platforms' | 'styles'

export interface DraftPosts {
  draftId: DraftId
  passages: Passage[]
  posts: Post[]
}

export interface PostsState {
  tab: PostsTab
  data: DraftPosts | null
  loadError: string | null
  /** The passage whose posts are shown (null: the draft's overview). */
  focus: number | null
  suggestions: Record<number, SuggestionGroup[]>
  /** What each passage's suggestions were composed from, to compose again for a platform switched on. */
  sources: Record<number, PassageSource>
  /** Passages made in this session that have no saved post yet: dropped again when the author moves on. */
  unsaved: number[]
  layout: SuggestionLayout
  /** The platform whose styles are compared (null: the first with suggestions). */
  comparePlatform: PlatformId | null
  today: TodayPost[] | null
  todayError: string | null
  todayDate: string
}

export function initialPostsState(todayDate: string): PostsState {
  return {
    tab: 'draft',
    data: null,
    loadError: null,
    focus: null,
    suggestions: {},
    sources: {},
    unsaved: [],
    layout: 'platforms',
    comparePlatform: null,
    today: null,
    todayError: null,
    todayDate,
  }
}

export type PostsAction =
  | { type: 'tab'; tab: PostsTab }
  /** Another draft's posts are being loaded: keep what is shown only if it is that draft's. */
  | { type: 'loading'; draftId: DraftId | null }
  | { type: 'loaded'; data: DraftPosts }
  | { type: 'loadFailed'; message: string }
  | { type: 'focus'; passageId: number | null }
  /** The draft changed: suggestions and focus belong to the last one. */
  | { type: 'draftLeft' }
  | { type: 'passageMade'; passage: Passage }
  | { type: 'passageDropped'; passageId: number }
  | { type: 'suggested'; passageId: number; source: PassageSource; groups: SuggestionGroup[] }
  | { type: 'postSaved'; post: Post }
  | { type: 'postChanged'; post: Post }
  | { type: 'postDeleted'; post: Post }
  /** `suggest`: the composer, once loaded (without it no passage has suggestions to refresh). */
  | { type: 'platformsChanged'; previous: readonly PlatformId[]; settings: PlatformSettings; suggest: Suggest | null }
  | { type: 'layout'; layout: SuggestionLayout; platform?: PlatformId | null }
  | { type: 'todayLoading'; date: string }
  | { type: 'todayLoaded'; today: TodayPost[] }
  | { type: 'todayFailed'; message: string }

export function postsReducer(state: PostsState, action: PostsAction): PostsState {
  switch (action.type) {
    case 'tab':
      return { ...state, tab: action.tab }
    case 'loading':
      return { ...state, loadError: null, data: action.draftId !== null && state.data?.draftId === action.draftId ? state.data : null }
    case 'loaded':
      return { ...state, data: action.data }
    case 'loadFailed':
      return { ...state, loadError: action.message }
    case 'focus':
      return { ...state, focus: action.passageId }
    case 'draftLeft':
      return { ...state, focus: null, suggestions: {}, sources: {} }
    case 'passageMade': {
      const data = state.data && state.data.draftId === action.passage.draftId ? { ...state.data, passages: [...state.data.passages, action.passage] } : state.data
      return { ...state, data, unsaved: [...state.unsaved, action.passage.id] }
    }
    case 'passageDropped': {
      const { [action.passageId]: _groups, ...suggestions } = state.suggestions
      const { [action.passageId]: _source, ...sources } = state.sources
      const data = state.data ? { ...state.data, passages: state.data.passages.filter((p) => p.id !== action.passageId) } : null
      return { ...state, data, suggestions, sources, unsaved: state.unsaved.filter((id) => id !== action.passageId) }
    }
    case 'suggested':
      return {
        ...state,
        suggestions: { ...state.suggestions, [action.passageId]: action.groups },
        sources: { ...state.sources, [action.passageId]: action.source },
      }
    case 'postSaved': {
      const { post } = action
      const data = state.data && state.data.draftId === post.draftId ? { ...state.data, posts: [...state.data.posts, post] } : state.data
      const groups = (state.suggestions[post.passageId] ?? []).filter((g) => g.platform !== post.platform)
      return { ...state, data, unsaved: state.unsaved.filter((id) => id !== post.passageId), suggestions: { ...state.suggestions, [post.passageId]: groups } }
    }
    case 'postChanged': {
      const { post } = action
      if (!state.data || state.data.draftId !== post.draftId) return state
      return { ...state, data: { ...state.data, posts: state.data.posts.map((p) => (p.id === post.id ? post : p)) } }
    }
    case 'postDeleted': {
      const { post } = action
      const lastOfPassage = !state.data?.posts.some((p) => p.id !== post.id && p.passageId === post.passageId)
      return {
        ...state,
        data: state.data ? { ...state.data, posts: state.data.posts.filter((p) => p.id !== post.id) } : null,
        today: state.today?.filter((p) => p.id !== post.id) ?? state.today,
        // Its passage's last post: the passage goes too once the author moves on (as a new one would).
        unsaved: lastOfPassage && !state.unsaved.includes(post.passageId) ? [...state.unsaved, post.passageId] : state.unsaved,
      }
    }
    case 'platformsChanged':
      return { ...state, suggestions: refreshForPlatforms(state.suggestions, state.sources, action.previous, action.settings, action.suggest) }
    case 'layout':
      return { ...state, layout: action.layout, comparePlatform: action.platform === undefined ? state.comparePlatform : action.platform }
    case 'todayLoading':
      return { ...state, todayDate: action.date, todayError: null }
    case 'todayLoaded':
      return { ...state, today: action.today }
    case 'todayFailed':
      return { ...state, todayError: action.message }
  }
}

/**
 * Platforms switched on get fresh suggestions for every passage that has some; platforms switched
 * off lose theirs. The cards of platforms that stay keep the author's edits.
 */
export function refreshForPlatforms(
  suggestions: Record<number, SuggestionGroup[]>,
  sources: Record<number, PassageSource>,
  previous: readonly PlatformId[],
  settings: PlatformSettings,
  suggest: Suggest | null,
): Record<number, SuggestionGroup[]> {
  const before = new Set(previous)
  const added = settings.enabled.filter((p) => !before.has(p))
  const next: Record<number, SuggestionGroup[]> = {}
  for (const [key, groups] of Object.entries(suggestions)) {
    const source = sources[Number(key)]
    const fresh = source && suggest && added.length > 0 ? suggest(source, { ...settings, enabled: added }) : []
    next[Number(key)] = settings.enabled.flatMap((platform) => {
      const kept = groups.find((g) => g.platform === platform)
      if (kept) return [kept]
      return fresh.filter((g) => g.platform === platform)
    })
  }
  return next
}

/** A passage made in this session with nothing saved from it, left behind when the focus moves to `next`. */
export function passageToDrop(state: PostsState, next: number | null): number | null {
  const previous = state.focus
  if (previous === null || previous === next || !state.unsaved.includes(previous)) return null
  return previous
}

/** Whether a passage made in this session still has no saved post: only then it may go. */
export function isDroppable(state: PostsState, passageId: number | null): passageId is number {
  return passageId !== null && state.unsaved.includes(passageId) && !state.data?.posts.some((p) => p.passageId === passageId)
}

/** Passages with saved posts, in the draft's order: the overview. */
export function passagesWithPosts(data: DraftPosts): Array<{ passage: Passage; posts: Post[] }> {
  return data.passages.map((passage) => ({ passage, posts: data.posts.filter((p) => p.passageId === passage.id) })).filter((group) => group.posts.length > 0)
}

/** Passages and their rows that the draft may keep when it opens: those with posts or made just now. */
export function keptPassages(result: { passages: Passage[]; posts: Post[] }, unsaved: readonly number[]): { keep: Passage[]; drop: Passage[]; keepId(id: number): boolean } {
  const withPosts = new Set(result.posts.map((p) => p.passageId))
  const keepId = (id: number) => withPosts.has(id) || unsaved.includes(id)
  return { keep: result.passages.filter((p) => keepId(p.id)), drop: result.passages.filter((p) => !keepId(p.id)), keepId }
}

export type TodayGroupKey = 'overdue' | 'due' | 'done'

/** The Today list: planned before today, planned for today, posted today. */
export function todayGroups(today: readonly TodayPost[] | null, todayDate: string): Array<{ key: TodayGroupKey; posts: TodayPost[] }> {
  if (!today) return []
  return [
    { key: 'overdue' as const, posts: today.filter((p) => p.state === 'planned' && (p.plannedFor ?? '').slice(0, 10) < todayDate) },
    { key: 'due' as const, posts: today.filter((p) => p.state === 'planned' && (p.plannedFor ?? '').slice(0, 10) >= todayDate) },
    { key: 'done' as const, posts: today.filter((p) => p.state === 'posted') },
  ]
}

/** The group whose styles are compared: the chosen platform's, else the first. */
export function compareGroup(groups: readonly SuggestionGroup[], platform: PlatformId | null): SuggestionGroup | null {
  return groups.find((g) => g.platform === platform) ?? groups[0] ?? null
}
