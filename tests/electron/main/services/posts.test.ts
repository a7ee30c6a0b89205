import { describe, expect, it } from 'vitest'
import { docFromParagraphs } from '@shared/domain'
import { code } from '../../support/error-code'
import { manualClock, tempDir, tempLibrary } from '../../support/temp-library'
import { createServices } from '../../../../electron/main/services'
import { TODAY_QUERY } from '../../../../electron/main/services/posts'

async function library() {
  const clock = manualClock(Date.UTC(2026, 2, 14, 7, 0))
  const services = await tempLibrary({ now: clock })
  const draft = services.drafts.create({ title: 'Über das Schreiben', language: 'de', doc: docFromParagraphs(['Schreiben ist Denken auf Papier.']) })
  return { services, clock, draft, posts: services.posts }
}

describe('passages', () => {
  it('are stored with their draft and listed with it, oldest first', async () => {
    const { posts, draft, clock } = await library()
    const first = posts.createPassage(draft.id, 'Schreiben ist Denken auf Papier.')
    clock.advance(1000)
    const second = posts.createPassage(draft.id, 'Denken 🙂 auf Papier.')
    expect(first).toMatchObject({ draftId: draft.id, text: 'Schreiben ist Denken auf Papier.' })
    expect(posts.listForDraft(draft.id).passages.map((p) => p.id)).toEqual([first.id, second.id])
  })

  it('need an existing draft', async () => {
    const { posts } = await library()
    expect(code(() => posts.createPassage(999, 'Text'))).toBe('not-found')
    expect(code(() => posts.listForDraft(999))).toBe('not-found')
  })

  it('are discarded only while no post points at them', async () => {
    const { posts, draft } = await library()
    const unused = posts.createPassage(draft.id, 'Nie gepostet.')
    const used = posts.createPassage(draft.id, 'Gepostet.')
    posts.create({ draftId: draft.id, passageId: used.id, platform: 'x', style: 'quote', parts: ['Gepostet.'] })
    expect(posts.discardPassage(unused.id)).toEqual({ discarded: true })
    expect(posts.discardPassage(used.id)).toEqual({ discarded: false })
    expect(posts.discardPassage(unused.id)).toEqual({ discarded: false })
    expect(posts.listForDraft(draft.id).passages.map((p) => p.id)).toEqual([used.id])
  })
})

describe('posts', () => {
  it('are saved as drafts, linked to their draft and passage, with thread parts in order', async () => {
    const { posts, draft } = await library()
    const passage = posts.createPassage(draft.id, 'Schreiben ist Denken auf Papier.')
    const parts = ['Schreiben ist Denken 1/2', 'auf Papier. 🙂 Datenschutzgrundverordnung 2/2']
    const post = posts.create({ draftId: draft.id, passageId: passage.id, platform: 'mastodon', style: 'quote', parts })
    expect(post).toMatchObject({
      draftId: draft.id,
      passageId: passage.id,
      platform: 'mastodon',
      style: 'quote',
      parts,
      state: 'draft',
      plannedFor: null,
      postedAt: null,
      postedUrl: null,
    })
    expect(posts.listForDraft(draft.id).posts).toEqual([post])
    expect(posts.get(post.id)).toEqual(post)
  })

  it('refuse a passage of another draft, a missing passage and empty parts', async () => {
    const { services, posts, draft } = await library()
    const other = services.drafts.create({ title: 'Anderer Entwurf' })
    const foreign = posts.createPassage(other.id, 'Fremd.')
    expect(code(() => posts.create({ draftId: draft.id, passageId: foreign.id, platform: 'x', style: 'quote', parts: ['x'] }))).toBe('conflict')
    expect(code(() => posts.create({ draftId: draft.id, passageId: 999, platform: 'x', style: 'quote', parts: ['x'] }))).toBe('not-found')
    const own = posts.createPassage(draft.id, 'Eigen.')
    expect(() => posts.create({ draftId: draft.id, passageId: own.id, platform: 'x', style: 'quote', parts: ['  '] })).toThrow()
    expect(() => posts.create({ draftId: draft.id, passageId: own.id, platform: 'x', style: 'quote', parts: [] })).toThrow()
    expect(posts.listForDraft(draft.id).posts).toEqual([])
  })

  it('the database itself refuses a post whose passage is in another draft', async () => {
    const { services, posts, draft } = await library()
    const other = services.drafts.create({ title: 'Anderer Entwurf' })
    const foreign = posts.createPassage(other.id, 'Fremd.')
    expect(() =>
      services.db
        .prepare("INSERT INTO posts (draft_id, passage_id, platform, style, parts, created_at, updated_at) VALUES (?, ?, 'x', 'quote', '[\"a\"]', 0, 0)")
        .run(draft.id, foreign.id),
    ).toThrow(/FOREIGN KEY/)
    const own = posts.createPassage(draft.id, 'Eigen.')
    expect(() =>
      services.db
        .prepare("INSERT INTO posts (draft_id, passage_id, platform, style, parts, state, created_at, updated_at) VALUES (?, ?, 'x', 'quote', '[\"a\"]', 'planned', 0, 0)")
        .run(draft.id, own.id),
    ).toThrow(/CHECK/)
  })

  it('get new text without losing their state', async () => {
    const { posts, draft, clock } = await library()
    const passage = posts.createPassage(draft.id, 'Text.')
    const post = posts.create({ draftId: draft.id, passageId: passage.id, platform: 'linkedin', style: 'teaser', parts: ['Alt'] })
    posts.setState({ id: post.id, state: 'planned', plannedFor: '2026-03-15' })
    clock.advance(60_000)
    const updated = posts.update(post.id, ['Neu mit „Anführungszeichen“ und Emoji 👩‍💻'])
    expect(updated).toMatchObject({ parts: ['Neu mit „Anführungszeichen“ und Emoji 👩‍💻'], state: 'planned', plannedFor: '2026-03-15' })
    expect(updated.updatedAt).toBe(post.updatedAt + 60_000)
    expect(code(() => posts.update(999, ['x']))).toBe('not-found')
  })

  it('move draft → planned → posted and back, each state with what it needs', async () => {
    const { posts, draft, clock } = await library()
    const passage = posts.createPassage(draft.id, 'Text.')
    const post = posts.create({ draftId: draft.id, passageId: passage.id, platform: 'bluesky', style: 'question', parts: ['Wie siehst du das?'] })

    const planned = posts.setState({ id: post.id, state: 'planned', plannedFor: '2026-03-14T08:30' })
    expect(planned).toMatchObject({ state: 'planned', plannedFor: '2026-03-14T08:30', postedAt: null, postedUrl: null })

    clock.advance(3_600_000)
    const posted = posts.setState({ id: post.id, state: 'posted', postedUrl: 'https://bsky.app/profile/me/post/3k' })
    expect(posted).toMatchObject({ state: 'posted', plannedFor: '2026-03-14T08:30', postedUrl: 'https://bsky.app/profile/me/post/3k' })
    expect(posted.postedAt).toBe(Date.UTC(2026, 2, 14, 8, 0))

    // Posting again changes the address, not when it was posted.
    clock.advance(3_600_000)
    const again = posts.setState({ id: post.id, state: 'posted' })
    expect(again).toMatchObject({ state: 'posted', postedUrl: null, postedAt: posted.postedAt })

    const back = posts.setState({ id: post.id, state: 'draft' })
    expect(back).toMatchObject({ state: 'draft', plannedFor: null, postedAt: null, postedUrl: null })

    // Straight from draft to posted, never planned.
    expect(posts.setState({ id: post.id, state: 'posted' })).toMatchObject({ state: 'posted', plannedFor: null })
    expect(code(() => posts.setState({ id: 999, state: 'draft' }))).toBe('not-found')
  })

  it('are deleted one by one, and with their draft', async () => {
    const { services, posts, draft } = await library()
    const passage = posts.createPassage(draft.id, 'Text.')
    const a = posts.create({ draftId: draft.id, passageId: passage.id, platform: 'x', style: 'quote', parts: ['A'] })
    posts.create({ draftId: draft.id, passageId: passage.id, platform: 'x', style: 'quote', parts: ['B'] })
    posts.delete(a.id)
    expect(code(() => posts.delete(a.id))).toBe('not-found')
    expect(posts.listForDraft(draft.id).posts.map((p) => p.parts[0])).toEqual(['B'])

    services.drafts.trash(draft.id)
    services.drafts.deleteForever(draft.id)
    expect(services.db.prepare('SELECT count(*) AS n FROM posts').get()).toEqual({ n: 0 })
    expect(services.db.prepare('SELECT count(*) AS n FROM passages').get()).toEqual({ n: 0 })
  })

  it('leave out rows a newer version wrote with a platform this one does not know', async () => {
    const { services, posts, draft } = await library()
    const passage = posts.createPassage(draft.id, 'Text.')
    posts.create({ draftId: draft.id, passageId: passage.id, platform: 'x', style: 'quote', parts: ['Bekannt'] })
    services.db
      .prepare("INSERT INTO posts (draft_id, passage_id, platform, style, parts, created_at, updated_at) VALUES (?, ?, 'myspace', 'quote', '[\"?\"]', 0, 0)")
      .run(draft.id, passage.id)
    expect(posts.listForDraft(draft.id).posts.map((p) => p.parts[0])).toEqual(['Bekannt'])
  })

  it('survive closing and reopening the library', async () => {
    const dir = tempDir()
    const first = await createServices({ dataDir: dir })
    const draft = first.drafts.create({ title: 'Bleibt' })
    const passage = first.posts.createPassage(draft.id, 'Bleibt da.')
    const post = first.posts.create({ draftId: draft.id, passageId: passage.id, platform: 'threads', style: 'quote', parts: ['Bleibt da.'] })
    first.posts.setState({ id: post.id, state: 'planned', plannedFor: '2026-03-14' })
    first.close()
    const again = await createServices({ dataDir: dir })
    expect(again.posts.listForDraft(draft.id)).toEqual({ passages: [passage], posts: [{ ...post, state: 'planned', plannedFor: '2026-03-14', updatedAt: expect.any(Number) }] })
    again.close()
  })
})

describe('today', () => {
  async function planned() {
    const lib = await library()
    const { services, posts, draft } = lib
    const passage = posts.createPassage(draft.id, 'Schreiben ist Denken auf Papier.')
    const make = (text: string, plannedFor?: string, draftId = draft.id, passageId = passage.id) => {
      const post = posts.create({ draftId, passageId, platform: 'x', style: 'quote', parts: [text] })
      return plannedFor ? posts.setState({ id: post.id, state: 'planned', plannedFor }) : post
    }
    return { ...lib, services, make }
  }

  it('lists what is planned for the day, with a time or without, and what is overdue, earliest first', async () => {
    const { posts, make } = await planned()
    make('ungeplant')
    make('morgen', '2026-03-15')
    make('heute abend', '2026-03-14T19:00')
    make('heute', '2026-03-14')
    make('gestern', '2026-03-13T23:59')
    make('heute früh', '2026-03-14T06:00')
    const list = posts.today('2026-03-14')
    expect(list.map((p) => p.parts[0])).toEqual(['gestern', 'heute', 'heute früh', 'heute abend'])
    expect(list[0]).toMatchObject({ draftTitle: 'Über das Schreiben', passageText: 'Schreiben ist Denken auf Papier.' })
  })

  it('keeps posts done today in the list and drops those done on earlier days', async () => {
    const { posts, make } = await planned()
    const today = make('heute', '2026-03-14')
    const yesterday = make('gestern', '2026-03-13')
    posts.setState({ id: today.id, state: 'posted', postedUrl: 'https://x.com/me/status/1' })
    posts.setState({ id: yesterday.id, state: 'posted' })
    expect(posts.today('2026-03-14').map((p) => [p.parts[0], p.state])).toEqual([['heute', 'posted']])
  })

  it('spans all drafts but leaves out the trash', async () => {
    const { services, posts, make } = await planned()
    const other = services.drafts.create({ title: 'Zweiter Entwurf' })
    const otherPassage = posts.createPassage(other.id, 'Zweiter Text.')
    make('aus dem zweiten', '2026-03-14', other.id, otherPassage.id)
    make('aus dem ersten', '2026-03-14')
    expect(posts.today('2026-03-14').map((p) => p.draftTitle)).toEqual(['Zweiter Entwurf', 'Über das Schreiben'])
    services.drafts.trash(other.id)
    expect(posts.today('2026-03-14').map((p) => p.draftTitle)).toEqual(['Über das Schreiben'])
  })

  it('finds the day through the index on planned_for', async () => {
    const { services } = await planned()
    const plan = services.db
      .prepare(`EXPLAIN QUERY PLAN ${TODAY_QUERY}`)
      .all('2026-03-14U', '2026-03-14') as { detail: string }[]
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/posts_by_plan/)
  })
})
