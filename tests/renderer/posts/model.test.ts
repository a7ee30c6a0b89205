import { describe, expect, it } from 'vitest'
import { DEFAULT_PLATFORM_SETTINGS } from '@shared/platforms'
import { passageSchema, postSchema, type Passage, type Post } from '@shared/domain'
import {
  compareGroup,
  initialPostsState,
  isDroppable,
  keptPassages,
  passageToDrop,
  passagesWithPosts,
  postsReducer,
  todayGroups,
  type PostsAction,
  type PostsState,
} from '../../../renderer/posts/model/postsModel'
import { createPostsStore } from '../../../renderer/posts/model/postsStore'
import { currentParts, suggestPosts, type PassageSource } from '../../../renderer/posts/suggestions'

/** The posts panel's model on its own: plain data in, plain data out, no React and no backend. */
const DRAFT = 7
const passage = (id: number, text = 'Wer jeden Morgen schreibt, denkt klarer.'): Passage => passageSchema.parse({ id, draftId: DRAFT, text, createdAt: 1 })
const post = (id: number, passageId: number, extra: Partial<Post> = {}): Post =>
  postSchema.parse({
    id,
    draftId: DRAFT,
    passageId,
    platform: 'x',
    style: 'quote',
    parts: ['Text'],
    state: 'draft',
    plannedFor: null,
    postedAt: null,
    postedUrl: null,
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  })
const SOURCE: PassageSource = {
  text: 'Soziale Medien leben vom Dialog. Wer nur sendet, bleibt allein. Zuhören ist die halbe Kommunikation.',
  title: 'Herz statt Technik',
  tags: ['Kommunikation'],
  language: 'de',
}
const run = (state: PostsState, ...actions: PostsAction[]) => actions.reduce(postsReducer, state)
const loaded = (passages: Passage[], posts: Post[]) => run(initialPostsState('2026-12-01'), { type: 'loaded', data: { draftId: DRAFT as never, passages, posts } })

describe('posts model', () => {
  it('a passage made in this session is dropped when the author moves on without saving, kept once a post is saved', () => {
    let state = loaded([], [])
    state = run(state, { type: 'passageMade', passage: passage(1) }, { type: 'focus', passageId: 1 })
    expect(passageToDrop(state, null)).toBe(1)
    expect(passageToDrop(state, 1)).toBeNull()
    expect(isDroppable(state, 1)).toBe(true)

    const groups = suggestPosts(SOURCE, DEFAULT_PLATFORM_SETTINGS)
    state = run(state, { type: 'suggested', passageId: 1, source: SOURCE, groups }, { type: 'postSaved', post: post(10, 1) })
    expect(state.unsaved).toEqual([])
    expect(state.suggestions[1]!.map((g) => g.platform)).not.toContain('x')
    expect(passageToDrop(state, null)).toBeNull()

    // Its last post deleted: the passage may go again.
    state = run(state, { type: 'postDeleted', post: post(10, 1) })
    expect(isDroppable(state, 1)).toBe(true)
    state = run(state, { type: 'passageDropped', passageId: 1 })
    expect(state.data!.passages).toEqual([])
    expect(state.suggestions[1]).toBeUndefined()
    expect(state.sources[1]).toBeUndefined()
  })

  it('keeps only passages with posts (or made just now) when a draft opens', () => {
    const result = { passages: [passage(1), passage(2), passage(3)], posts: [post(10, 2)] }
    const { keep, drop } = keptPassages(result, [3])
    expect(keep.map((p) => p.id)).toEqual([2, 3])
    expect(drop.map((p) => p.id)).toEqual([1])
    expect(passagesWithPosts({ draftId: DRAFT as never, ...result }).map((g) => g.passage.id)).toEqual([2])
  })

  it('loading another draft forgets what was shown; loading the same one keeps it', () => {
    const state = loaded([passage(1)], [])
    expect(run(state, { type: 'loading', draftId: DRAFT as never }).data).toBe(state.data)
    expect(run(state, { type: 'loading', draftId: 8 as never }).data).toBeNull()
    expect(run(state, { type: 'loadFailed', message: 'weg' }, { type: 'loading', draftId: DRAFT as never }).loadError).toBeNull()
  })

  it('platforms switched on get suggestions, switched off lose them, the others keep their edits', () => {
    const settings = { ...DEFAULT_PLATFORM_SETTINGS, enabled: ['x', 'linkedin'] as const }
    const groups = suggestPosts(SOURCE, { ...settings, enabled: [...settings.enabled] })
    const edited = { ...groups[0]!, edited: { quote: ['Meine Fassung'] } }
    let state = run(loaded([passage(1)], []), { type: 'suggested', passageId: 1, source: SOURCE, groups: [edited, groups[1]!] })
    state = run(state, { type: 'platformsChanged', previous: ['x', 'linkedin'], settings: { ...DEFAULT_PLATFORM_SETTINGS, enabled: ['x', 'mastodon'] }, suggest: suggestPosts })
    const now = state.suggestions[1]!
    expect(now.map((g) => g.platform)).toEqual(['x', 'mastodon'])
    expect(currentParts({ ...now[0]!, style: 'quote' })).toEqual(['Meine Fassung'])
    expect(now[1]!.variants.length).toBeGreaterThan(0)
  })

  it('a platform saved from is not suggested again just because another one was switched on', () => {
    const groups = suggestPosts(SOURCE, DEFAULT_PLATFORM_SETTINGS)
    let state = run(loaded([passage(1)], []), { type: 'suggested', passageId: 1, source: SOURCE, groups }, { type: 'postSaved', post: post(10, 1) })
    state = run(state, { type: 'platformsChanged', previous: DEFAULT_PLATFORM_SETTINGS.enabled, settings: { ...DEFAULT_PLATFORM_SETTINGS, enabled: [...DEFAULT_PLATFORM_SETTINGS.enabled, 'threads'] }, suggest: suggestPosts })
    const platforms = state.suggestions[1]!.map((g) => g.platform)
    expect(platforms).toContain('threads')
    expect(platforms).not.toContain('x')
  })

  it('compares the chosen platform, else the first', () => {
    const groups = suggestPosts(SOURCE, DEFAULT_PLATFORM_SETTINGS)
    expect(compareGroup(groups, 'linkedin')!.platform).toBe('linkedin')
    expect(compareGroup(groups, 'tiktok')!.platform).toBe(groups[0]!.platform)
    expect(compareGroup([], null)).toBeNull()
    const state = run(loaded([], []), { type: 'layout', layout: 'styles', platform: 'linkedin' }, { type: 'layout', layout: 'platforms' })
    expect([state.layout, state.comparePlatform]).toEqual(['platforms', 'linkedin'])
  })

  it('sorts Today into overdue, due and done', () => {
    const today = [
      { ...post(1, 1, { state: 'planned', plannedFor: '2026-11-30T09:00' }), draftTitle: 'A', passageText: '' },
      { ...post(2, 1, { state: 'planned', plannedFor: '2026-12-01T09:00' }), draftTitle: 'A', passageText: '' },
      { ...post(3, 1, { state: 'posted', postedAt: 5 }), draftTitle: 'A', passageText: '' },
    ]
    expect(todayGroups(today, '2026-12-01').map((g) => [g.key, g.posts.map((p) => p.id)])).toEqual([
      ['overdue', [1]],
      ['due', [2]],
      ['done', [3]],
    ])
    const deleted = run({ ...initialPostsState('2026-12-01'), today }, { type: 'postDeleted', post: today[0]! })
    expect(deleted.today!.map((p) => p.id)).toEqual([2, 3])
  })

  it('the store is current as soon as dispatch returns, and tells its listeners', () => {
    const store = createPostsStore(initialPostsState('2026-12-01'))
    let calls = 0
    const stop = store.subscribe(() => calls++)
    store.dispatch({ type: 'tab', tab: 'today' })
    expect(store.get().tab).toBe('today')
    stop()
    store.dispatch({ type: 'tab', tab: 'draft' })
    expect(calls).toBe(1)
  })
})
