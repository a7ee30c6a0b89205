import { useEffect, useState } from 'react'
import type { JournalHit, JournalNote } from '@shared/domain'
import { useApi } from '../api/context'
import { onJournalChanged } from './journalEvents'
import { inScope, scopeKey, type JournalScope } from './journalModel'

export interface JournalNotes {
  /** Newest first; null while loading. */
  notes: (JournalNote | JournalHit)[] | null
  error: string | null
}

/**
 * The notes of a scope, or — with a query — the scope's search results (the same FTS search
 * as the drafts, run by the backend). Reloads whenever the journal changes.
 */
export function useJournalNotes(scope: JournalScope, query = ''): JournalNotes {
  const api = useApi()
  const [state, setState] = useState<JournalNotes>({ notes: null, error: null })
  const key = scopeKey(scope)
  const text = query.trim()
  useEffect(() => {
    let live = true
    const load = () => {
      const request: Promise<(JournalNote | JournalHit)[]> = text
        ? api.invoke('journal.search', { text: query, limit: 200 })
        : scope.kind === 'all'
          ? api.invoke('journal.listAll', {})
          : api.invoke('journal.listForDraft', { draftId: scope.draftId })
      request.then(
        (notes) => live && setState({ notes: inScope(notes, scope), error: null }),
        (error: Error) => live && setState({ notes: null, error: error.message }),
      )
    }
    load()
    const stop = onJournalChanged(load)
    return () => {
      live = false
      stop()
    }
    // `key` stands for the scope; `text` for the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, text])
  return state
}
