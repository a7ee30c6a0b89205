import { useCallback, useMemo, useRef, useState } from 'react'
import type { DraftId, DraftSummary, Language } from '@shared/domain'
import type { Api } from '../api/client'
import { byLastEdited, removeSummary, upsertSummary } from './libraryModel'

export interface Library {
  /** Active drafts (summaries only), last edited first; null until loaded. */
  active: DraftSummary[] | null
  /**
   * Whether `active` is the whole list. At start the first screen (FIRST_PAGE drafts) arrives
   * first and the whole list right after; counts and tag filters wait for it.
   */
  complete: boolean
  /** Trashed drafts; loaded when the trash is first shown. */
  trash: DraftSummary[] | null
  load(): Promise<DraftSummary[]>
  loadTrash(): Promise<void>
  /** A summary came back from the backend (meta change, restore, ...). */
  apply(summary: DraftSummary): void
  /** A body save finished: refresh "last edited" and the word count without reloading the list. */
  touched(id: DraftId, updatedAt: number, wordCount: number, preview: string): void
  create(language: Language): Promise<DraftSummary>
  duplicate(id: DraftId): Promise<DraftSummary>
  moveToTrash(id: DraftId): Promise<DraftSummary>
  restore(id: DraftId): Promise<DraftSummary>
  deleteForever(id: DraftId): Promise<void>
  emptyTrash(): Promise<number>
}

/**
 * More rows than any window shows (the list is windowed, ~92 px a row): with 10,000 drafts the
 * whole list is 3.6 MB of JSON, ~0.2 s before anything could be shown.
 */
export const FIRST_PAGE = 100

const prefetched = new WeakMap<Api, Promise<DraftSummary[]>>()

/**
 * Asks for the first screen of the list together with the start's other requests (boot.ts:
 * settings, the open draft), before the workspace mounts; the workspace's first load takes it.
 */
export function prefetchFirstPage(api: Api): void {
  const page = api.invoke('drafts.list', { view: 'active', limit: FIRST_PAGE })
  page.catch(() => {}) // the whole list says what went wrong
  prefetched.set(api, page)
}

/** Library state and its operations; every change goes through the backend first. */
export function useLibrary(api: Api): Library {
  const [active, setActive] = useState<DraftSummary[] | null>(null)
  const [complete, setComplete] = useState(false)
  const loadedOnce = useRef(false)
  const [trash, setTrash] = useState<DraftSummary[] | null>(null)

  const apply = useCallback((summary: DraftSummary) => {
    const inTrash = summary.trashedAt !== null
    setActive((list) => list && (inTrash ? removeSummary(list, summary.id) : upsertSummary(list, summary)))
    setTrash((list) => list && (inTrash ? upsertSummary(list, summary) : removeSummary(list, summary.id)))
  }, [])

  const touched = useCallback((id: DraftId, updatedAt: number, wordCount: number, preview: string) => {
    setActive(
      (list) =>
        list && list.map((d) => (d.id === id ? { ...d, updatedAt, wordCount, preview } : d)).sort(byLastEdited),
    )
  }, [])

  const load = useCallback(async () => {
    const first = !loadedOnce.current
    loadedOnce.current = true
    // Asked first, so the backend answers it first; shown only if the whole list is not there yet.
    if (first) {
      const page = prefetched.get(api) ?? api.invoke('drafts.list', { view: 'active', limit: FIRST_PAGE })
      prefetched.delete(api)
      void page.then(
        (page) => setActive((shown) => shown ?? page.sort(byLastEdited)),
        () => {}, // the whole list below says what went wrong
      )
    }
    const list = await api.invoke('drafts.list', { view: 'active' })
    const sorted = list.sort(byLastEdited)
    setActive(sorted)
    setComplete(true)
    return sorted
  }, [api])

  const loadTrash = useCallback(async () => {
    setTrash((await api.invoke('drafts.list', { view: 'trash' })).sort(byLastEdited))
  }, [api])

  return useMemo<Library>(
    () => ({
      active,
      complete,
      trash,
      load,
      loadTrash,
      apply,
      touched,
      async create(language) {
        const draft = await api.invoke('drafts.create', { language })
        apply(draft)
        return draft
      },
      async duplicate(id) {
        const copy = await api.invoke('drafts.duplicate', { id })
        apply(copy)
        return copy
      },
      async moveToTrash(id) {
        const summary = await api.invoke('drafts.trash', { id })
        apply(summary)
        return summary
      },
      async restore(id) {
        const summary = await api.invoke('drafts.restore', { id })
        apply(summary)
        return summary
      },
      async deleteForever(id) {
        await api.invoke('drafts.deleteForever', { id })
        setTrash((list) => list && removeSummary(list, id))
        setActive((list) => list && removeSummary(list, id))
      },
      async emptyTrash() {
        const { deleted } = await api.invoke('drafts.emptyTrash', {})
        setTrash([])
        return deleted
      },
    }),
    [active, complete, trash, api, apply, touched, load, loadTrash],
  )
}
