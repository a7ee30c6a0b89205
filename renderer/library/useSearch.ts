import { useEffect, useState } from 'react'
import type { SearchHit } from '@shared/domain'
import type { Api } from '../api/client'

export const SEARCH_DELAY_MS = 120
export const SEARCH_LIMIT = 50

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching'; hits: SearchHit[] }
  | { kind: 'done'; hits: SearchHit[] }
  | { kind: 'failed'; message: string }

/**
 * Results as you type: a short debounce, and only the answer to the latest query is shown
 * (an older, slower answer arriving late is dropped).
 */
export function useSearch(api: Api, query: string, refreshKey: unknown): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' })
  useEffect(() => {
    const text = query.trim()
    if (!text) {
      setState({ kind: 'idle' })
      return
    }
    let current = true
    setState((s) => ({ kind: 'searching', hits: s.kind === 'done' || s.kind === 'searching' ? s.hits : [] }))
    const timer = setTimeout(() => {
      api.invoke('search.query', { text: text.slice(0, 500), limit: SEARCH_LIMIT }).then(
        (hits) => current && setState({ kind: 'done', hits }),
        (error: Error) => current && setState({ kind: 'failed', message: error.message }),
      )
    }, SEARCH_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, query, refreshKey])
  return state
}
