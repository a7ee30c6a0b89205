import { describe, expect, it } from 'vitest'
import type { DraftSummary } from '@shared/domain'
import { filterDrafts, parseTags, statusCounts, tagCounts, upsertSummary } from '../../../renderer/library/libraryModel'

let nextId = 1
function summary(partial: Partial<DraftSummary>): DraftSummary {
  const id = partial.id ?? nextId++
  return {
    id,
    title: `Draft ${id}`,
    status: 'draft',
    tags: [],
    language: 'de',
    wordCount: 0,
    preview: '',
    createdAt: 0,
    updatedAt: 0,
    trashedAt: null,
    ...partial,
  }
}

const drafts = [
  summary({ id: 1, status: 'idea', tags: ['Kochen'], updatedAt: 100 }),
  summary({ id: 2, status: 'draft', tags: ['kochen', 'Reisen'], updatedAt: 300 }),
  summary({ id: 3, status: 'published', tags: ['Reisen'], updatedAt: 200 }),
  summary({ id: 4, status: 'draft', tags: [], updatedAt: 300 }),
]

describe('library view model', () => {
  it('sorts by last edited, newest first, with a stable tie-break', () => {
    expect(filterDrafts(drafts, { status: 'all', tag: null }).map((d) => d.id)).toEqual([4, 2, 3, 1])
  })

  it('filters by status', () => {
    expect(filterDrafts(drafts, { status: 'draft', tag: null }).map((d) => d.id)).toEqual([4, 2])
    expect(filterDrafts(drafts, { status: 'published', tag: null }).map((d) => d.id)).toEqual([3])
  })

  it('filters by tag, ignoring case', () => {
    expect(filterDrafts(drafts, { status: 'all', tag: 'KOCHEN' }).map((d) => d.id)).toEqual([2, 1])
    expect(filterDrafts(drafts, { status: 'idea', tag: 'Reisen' })).toEqual([])
  })

  it('counts drafts per status', () => {
    expect(statusCounts(drafts)).toEqual({ all: 4, idea: 1, draft: 2, published: 1 })
  })

  it('lists tags most used first; case variants count as one', () => {
    expect(tagCounts(drafts, 'de')).toEqual([
      { tag: 'Kochen', count: 2 },
      { tag: 'Reisen', count: 2 },
    ])
  })

  it('upsert replaces by id and keeps the order', () => {
    const updated = upsertSummary(drafts, { ...drafts[0]!, updatedAt: 999 })
    expect(updated.map((d) => d.id)).toEqual([1, 4, 2, 3])
    expect(updated).toHaveLength(4)
  })

  it('filters 10,000 summaries quickly enough for every keystroke', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      summary({ id: 100_000 + i, status: (['idea', 'draft', 'published'] as const)[i % 3], tags: [`t${i % 50}`], updatedAt: i }),
    )
    const result = filterDrafts(many, { status: 'idea', tag: 't3' })
    expect(result.every((d) => d.status === 'idea' && d.tags.includes('t3'))).toBe(true)
    expect(result.length).toBe(many.filter((d) => d.status === 'idea' && d.tags[0] === 't3').length)
  })
})

describe('parseTags', () => {
  it('splits on commas, trims, drops empties and duplicates (any case)', () => {
    expect(parseTags(' Essay, kochen ,,Kochen,  Datenschutzgrundverordnung ')).toEqual(['Essay', 'kochen', 'Datenschutzgrundverordnung'])
  })
  it('strips control characters the contract refuses', () => {
    expect(parseTags('a\u0007b, \u0000')).toEqual(['ab'])
  })
})
