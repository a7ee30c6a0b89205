import { ArrowLeft, CalendarCheck, FilePlus2, Search, Settings, Trash2 } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DRAFT_STATUSES, type DraftId, type DraftSummary, type SearchHit } from '@shared/domain'
import { useShortcutLabel } from '../app/keys'
import { useLibraryData, useWorkspace, useWorkspaceState } from '../app/workspaceContext'
import { DraftList, type RowAction } from './DraftList'
import { filterDrafts, statusCounts, tagCounts, type LibraryFilter, type StatusFilter } from './libraryModel'
import { Snippet } from './Snippet'
import type { SearchState } from './useSearch'

export type LibraryView = 'active' | 'trash'

/** The library: reads the workspace store and calls the workspace's actions, no props. */
export function LibraryPane() {
  const { t, i18n } = useTranslation()
  const shortcutLabel = useShortcutLabel()
  const { store, actions, searchRef } = useWorkspace()
  const { library, search } = useLibraryData()
  const { active, trash, complete } = library
  const view = useWorkspaceState((s) => s.view)
  const filter = useWorkspaceState((s) => s.filter)
  const query = useWorkspaceState((s) => s.query)
  const selectedId = useWorkspaceState((s) => s.selectedId)
  const now = useNow()
  const setQuery = (next: string) => store.dispatch({ type: 'query', query: next })
  const setFilter = (next: LibraryFilter) => store.dispatch({ type: 'filter', filter: next })
  const counts = useMemo(() => statusCounts(active ?? []), [active])
  const tags = useMemo(() => tagCounts(active ?? [], i18n.language), [active, i18n.language])
  const visible = useMemo(() => filterDrafts(active ?? [], filter), [active, filter])
  const searching = query.trim() !== ''
  // Until the rest of the list is here, a filter would count only the first screen.
  const filtering = filter.status !== 'all' || filter.tag !== null
  const waitingForRest = !complete && filtering
  useEffect(() => {
    if (waitingForRest) void library.loadRest().catch(() => {}) // the workspace's own request reports failures
  }, [waitingForRest])
  const more = complete ? undefined : { label: t('library.loadingList'), reached: () => void library.loadRest().catch(() => {}) }

  const activeActions: RowAction[] = [
    { id: 'rename', label: t('library.rename'), run: actions.rename },
    { id: 'duplicate', label: t('library.duplicate'), run: actions.duplicate },
    { id: 'trash', label: t('library.moveToTrash'), run: actions.trash },
  ]
  const trashActions: RowAction[] = [
    { id: 'restore', label: t('library.restore'), run: actions.restore },
    { id: 'delete', label: t('library.deleteForever'), danger: true, run: actions.deleteForever },
  ]

  return (
    <nav className="library" aria-label={t('library.label')}>
      <div className="library-top">
        <div className="search-field">
          <Search size={16} aria-hidden />
          <input
            ref={searchRef}
            type="search"
            value={query}
            placeholder={t('library.searchPlaceholder')}
            aria-label={t('library.searchLabel')}
            title={`${t('library.searchLabel')} (${shortcutLabel('search')})`}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.stopPropagation()
                setQuery('')
              }
              if (e.key === 'Enter' && search.kind === 'done' && search.hits[0]) actions.open(search.hits[0].id)
            }}
          />
        </div>
        <button
          type="button"
          className="button button-primary new-draft"
          onClick={actions.newDraft}
          title={`${t('library.newDraft')} (${shortcutLabel('newDraft')})`}
        >
          <FilePlus2 size={16} aria-hidden />
          <span>{t('library.newDraft')}</span>
        </button>
      </div>

      {searching ? (
        <SearchResults state={search} selectedId={selectedId} onOpen={actions.open} />
      ) : view === 'active' ? (
        <>
          <div className="library-filters">
            <div className="status-filter" role="group" aria-label={t('library.filterByStatus')}>
              {(['all', ...DRAFT_STATUSES] as StatusFilter[]).map((status) => (
                <button
                  key={status}
                  type="button"
                  className="chip"
                  aria-pressed={filter.status === status}
                  onClick={() => setFilter({ ...filter, status })}
                >
                  {/* Counted over the whole list, not the first screen shown at start. */}
                  {t(`library.statusFilter.${status}`)} <span className="count">{complete ? counts[status] : ''}</span>
                </button>
              ))}
            </div>
            {complete && tags.length > 0 && (
              <label className="tag-filter">
                <span className="visually-hidden">{t('library.filterByTag')}</span>
                <select
                  value={filter.tag ?? ''}
                  onChange={(e) => setFilter({ ...filter, tag: e.target.value || null })}
                >
                  <option value="">{t('library.allTags')}</option>
                  {tags.map(({ tag, count }) => (
                    <option key={tag} value={tag}>
                      #{tag} ({count})
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {active === null ? (
            <div className="library-empty" aria-busy="true" />
          ) : waitingForRest ? (
            <div className="library-empty" aria-busy="true">
              <p>{t('library.loadingList')}</p>
            </div>
          ) : visible.length === 0 ? (
            <div className="library-empty">
              <p>{active.length === 0 ? t('library.emptyLibrary') : t('library.emptyFilter')}</p>
              {active.length > 0 && (
                <button type="button" className="link-button" onClick={() => setFilter({ status: 'all', tag: null })}>
                  {t('library.clearFilter')}
                </button>
              )}
            </div>
          ) : (
            <OpeningDraftList drafts={visible} rowActions={activeActions} label={t('library.listLabel')} now={now} more={more} />
          )}
          <div className="library-bottom">
            <button type="button" className="button button-quiet" onClick={actions.openToday}>
              <CalendarCheck size={16} aria-hidden />
              <span>{t('library.today')}</span>
            </button>
            <button type="button" className="button button-quiet" onClick={() => actions.showView('trash')}>
              <Trash2 size={16} aria-hidden />
              <span>{t('library.trash')}</span>
            </button>
            <button type="button" className="icon-button library-settings" aria-label={t('library.settings')} title={t('library.settings')} onClick={actions.openSettings}>
              <Settings size={16} aria-hidden />
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="trash-header">
            <button type="button" className="button button-quiet" onClick={() => actions.showView('active')}>
              <ArrowLeft size={16} aria-hidden />
              <span>{t('library.backToLibrary')}</span>
            </button>
            <h2 className="pane-heading">{t('library.trash')}</h2>
          </div>
          {trash === null ? (
            <div className="library-empty" aria-busy="true" />
          ) : trash.length === 0 ? (
            <div className="library-empty">
              <p>{t('library.emptyTrash')}</p>
            </div>
          ) : (
            <>
              <OpeningDraftList drafts={trash} rowActions={trashActions} label={t('library.trashListLabel')} now={now} />
              <div className="library-bottom">
                <button type="button" className="button button-quiet is-danger" onClick={actions.emptyTrash}>
                  <Trash2 size={16} aria-hidden />
                  <span>{t('library.emptyTrashAction')}</span>
                </button>
              </div>
            </>
          )}
        </>
      )}
    </nav>
  )
}

/** A list of drafts whose rows open the draft in the workspace and mark the open one. */
function OpeningDraftList({
  drafts,
  rowActions,
  label,
  now,
  more,
}: {
  drafts: readonly DraftSummary[]
  rowActions: RowAction[]
  label: string
  now: number
  more?: { label: string; reached(): void }
}) {
  const { actions } = useWorkspace()
  const selectedId = useWorkspaceState((s) => s.selectedId)
  return <DraftList drafts={drafts} selectedId={selectedId} onOpen={(d) => actions.open(d.id)} actions={rowActions} label={label} now={now} more={more} />
}

function SearchResults({
  state,
  selectedId,
  onOpen,
}: {
  state: SearchState
  selectedId: DraftId | null
  onOpen(id: DraftId): void
}) {
  const { t } = useTranslation()
  if (state.kind === 'failed') {
    return (
      <div className="library-empty" role="status">
        <p>{t('library.searchFailed')}</p>
      </div>
    )
  }
  const hits: SearchHit[] = state.kind === 'idle' ? [] : state.hits
  return (
    <div className="search-results" aria-busy={state.kind === 'searching'}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {state.kind === 'done' ? t('library.resultCount', { count: hits.length }) : ''}
      </p>
      {state.kind === 'done' && hits.length === 0 ? (
        <div className="library-empty">
          <p>{t('library.noResults')}</p>
        </div>
      ) : (
        <ul aria-label={t('library.resultsLabel')}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                className={`search-hit${hit.id === selectedId ? ' is-selected' : ''}`}
                aria-current={hit.id === selectedId ? 'true' : undefined}
                onClick={() => onOpen(hit.id)}
              >
                <span className="draft-row-title">{hit.title.trim() || t('library.untitled')}</span>
                <Snippet text={hit.snippet} />
                <span className={`status-badge status-${hit.status}`}>{t(`status.${hit.status}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** "5 minutes ago" must not stay "just now" forever. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  return now
}
