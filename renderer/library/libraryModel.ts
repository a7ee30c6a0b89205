import type { DraftStatus, DraftSummary, TagCount } from '@shared/domain'

/**
 * The library's view model: pure functions over draft summaries (never bodies), so filtering
 * 10,000 drafts is a few array passes in memory and is testable without a DOM.
 */
export type StatusFilter = DraftStatus | 'all'

export interface LibraryFilter {
  status: StatusFilter
  tag: string | null
}

export const ALL_DRAFTS: LibraryFilter = { status: 'all', tag: null }

/** Last edited first; ties broken by id so the order never flickers between renders. */
export function byLastEdited(a: DraftSummary, b: DraftSummary): number {
  return b.updatedAt - a.updatedAt || b.id - a.id
}

export function filterDrafts(drafts: readonly DraftSummary[], filter: LibraryFilter): DraftSummary[] {
  const tagKey = filter.tag === null ? null : filter.tag.toLocaleLowerCase()
  return drafts
    .filter(
      (d) =>
        (filter.status === 'all' || d.status === filter.status) &&
        (tagKey === null || d.tags.some((t) => t.toLocaleLowerCase() === tagKey)),
    )
    .sort(byLastEdited)
}

export function statusCounts(drafts: readonly DraftSummary[]): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = { all: drafts.length, idea: 0, draft: 0, published: 0 }
  for (const d of drafts) counts[d.status]++
  return counts
}

/** Tags in use, most used first, then alphabetically; case variants count as one tag. */
export function tagCounts(drafts: readonly DraftSummary[], locale?: string): TagCount[] {
  const byKey = new Map<string, TagCount>()
  for (const d of drafts) {
    for (const tag of d.tags) {
      const key = tag.toLocaleLowerCase()
      const entry = byKey.get(key)
      if (entry) entry.count++
      else byKey.set(key, { tag, count: 1 })
    }
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' })
  return [...byKey.values()].sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag))
}

/** Replaces a summary by id (or adds it), keeping the list in last-edited order. */
export function upsertSummary(drafts: readonly DraftSummary[], summary: DraftSummary): DraftSummary[] {
  return [...drafts.filter((d) => d.id !== summary.id), summary].sort(byLastEdited)
}

export function removeSummary(drafts: readonly DraftSummary[], id: number): DraftSummary[] {
  return drafts.filter((d) => d.id !== id)
}

/** Tags typed into one field ("essay, Kochen ,  ") as the list the contract accepts. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>()
  const tags: string[] = []
  for (const raw of input.split(',')) {
    // The contract refuses control characters in tags; strip them rather than fail the whole field.
    const tag = raw.replace(/[\u0000-\u001f]/g, '').trim()
    const key = tag.toLocaleLowerCase()
    if (tag && !seen.has(key)) {
      seen.add(key)
      tags.push(tag)
    }
  }
  return tags
}
