import { useCallback, useMemo, useRef, useState } from 'react'
import type { DraftId, DraftSummary, Language } from '@shared/domain'
import type { Api } from '../api/client'
import { byLastEdited, removeSummary, upsertSummary } from './libraryModel'

export interface Library {
  /** Active drafts (summaries only), last edited first; null until loaded. */
  active: DraftSummary[] | null
  /**
   * Whether `active` is the whole list. At start only the first screen (FIRST_PAGE drafts) is
   * loaded; the rest follows once the page is idle (`loadRest`), and counts and filters wait for it.
   */
  complete: boolean
  /** Trashed drafts; loaded when the trash is first shown. */
  trash: DraftSummary[] | null
  /** The start: the first screen of the list only (the whole list if it is no longer). */
  loadFirst(): Promise<DraftSummary[]>
  /** The rest of the list after `loadFirst`; asked for once, however often called. */
  loadRest(): Promise<void>
  /** The whole list, again (after an import, a new draft from elsewhere). */
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
 * settings, the open draft), before the workspace mounts; the workspace's `loadFirst` takes it.
 */
export function prefetchFirstPage(api: Api): void {
  const page = api.invoke('drafts.list', { view: 'active', limit: FIRST_PAGE })
  page.catch(() => {}) // loadFirst reports it, once it takes the page
  prefetched.set(api, page)
}

/** Library state and its operations; every change goes through the backend first. */
export function useLibrary(api: Api): Library {
  const [active, setActive] = useState<DraftSummary[] | null>(null)
  const [complete, setComplete] = useState(false)
  const [trash, setTrash] = useState<DraftSummary[] | null>(null)

  /**
   * Changes made while a whole list is on its way: the backend may have answered before it saw
   * them, so they are made again on the list that arrives.
   */
  const inFlight = useRef(new Set<((list: DraftSummary[]) => DraftSummary[])[]>())
  const rest = useRef<Promise<void> | null>(null)
  const change = useCallback((edit: (list: DraftSummary[]) => DraftSummary[]) => {
    for (const edits of inFlight.current) edits.push(edit)
    setActive((list) => list && edit(list))
  }, [])

  const apply = useCallback((summary: DraftSummary) => {
    const inTrash = summary.trashedAt !== null
    change((list) => (inTrash ? removeSummary(list, summary.id) : upsertSummary(list, summary)))
    setTrash((list) => list && (inTrash ? upsertSummary(list, summary) : removeSummary(list, summary.id)))
  }, [change])

  const touched = useCallback((id: DraftId, updatedAt: number, wordCount: number, preview: string) => {
    change((list) => list.map((d) => (d.id === id ? { ...d, updatedAt, wordCount, preview } : d)).sort(byLastEdited))
  }, [change])

  const load = useCallback(async () => {
    const edits: ((list: DraftSummary[]) => DraftSummary[])[] = []
    inFlight.current.add(edits)
    try {
      const list = await api.invoke('drafts.list', { view: 'active' })
      const sorted = edits.reduce((l, edit) => edit(l), list.sort(byLastEdited))
      setActive(sorted)
      setComplete(true)
      rest.current ??= Promise.resolve()
      return sorted
    } finally {
      inFlight.current.delete(edits)
    }
  }, [api])

  const loadFirst = useCallback(async () => {
    const asked = prefetched.get(api) ?? api.invoke('drafts.list', { view: 'active', limit: FIRST_PAGE })
    prefetched.delete(api)
    const page = (await asked).sort(byLastEdited)
    // A shorter page is the whole list: nothing left to ask for.
    const whole = page.length < FIRST_PAGE
    if (whole) rest.current ??= Promise.resolve()
    setActive((shown) => shown ?? page)
    if (whole) setComplete(true)
    return page
  }, [api])

  const loadRest = useCallback(
    () =>
      (rest.current ??= load().then(
        () => {},
        (error: unknown) => {
          rest.current = null // asked again by the next search, filter or scroll
          throw error
        },
      )),
    [load],
  )

  const loadTrash = useCallback(async () => {
    setTrash((await api.invoke('drafts.list', { view: 'trash' })).sort(byLastEdited))
  }, [api])

  return useMemo<Library>(
    () => ({
      active,
      complete,
      trash,
      load,
      loadFirst,
      loadRest,
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
        change((list) => removeSummary(list, id))
      },
      async emptyTrash() {
        const { deleted } = await api.invoke('drafts.emptyTrash', {})
        setTrash([])
        return deleted
      },
    }),
    [active, complete, trash, api, apply, change, touched, load, loadFirst, loadRest, loadTrash],
  )
}
