import { ArrowLeft, CalendarCheck, FilePlus2, Search, Settings, Trash2 } from 'lucide-react'
import { useMemo, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { DRAFT_STATUSES, type DraftId, type DraftSummary, type SearchHit } from '@shared/domain'
import { useShortcutLabel } from '../app/keys'
import { DraftList, type RowAction } from './DraftList'
import { filterDrafts, statusCounts, tagCounts, type LibraryFilter, type StatusFilter } from './libraryModel'
import { Snippet } from './Snippet'
import type { SearchState } from './useSearch'

export type LibraryView = 'active' | 'trash'

export interface LibraryPaneProps {
  view: LibraryView
  onView(view: LibraryView): void
  active: DraftSummary[] | null
  trash: DraftSummary[] | null
  filter: LibraryFilter
  onFilter(filter: LibraryFilter): void
  query: string
  onQuery(query: string): void
  search: SearchState
  searchRef: RefObject<HTMLInputElement | null>
  selectedId: DraftId | null
  onOpen(id: DraftId): void
  onNew(): void
  onRename(draft: DraftSummary): void
  onDuplicate(draft: DraftSummary): void
  onTrash(draft: DraftSummary): void
  onRestore(draft: DraftSummary): void
  onDeleteForever(draft: DraftSummary): void
  onEmptyTrash(): void
  /** The daily routine: the posts planned for today. */
  onToday(): void
  onSettings(): void
  now: number
}

export function LibraryPane(props: LibraryPaneProps) {
  const { t, i18n } = useTranslation()
  const shortcutLabel = useShortcutLabel()
  const { filter, active } = props
  const counts = useMemo(() => statusCounts(active ?? []), [active])
  const tags = useMemo(() => tagCounts(active ?? [], i18n.language), [active, i18n.language])
  const visible = useMemo(() => filterDrafts(active ?? [], filter), [active, filter])
  const searching = props.query.trim() !== ''

  const activeActions: RowAction[] = [
    { id: 'rename', label: t('library.rename'), run: props.onRename },
    { id: 'duplicate', label: t('library.duplicate'), run: props.onDuplicate },
    { id: 'trash', label: t('library.moveToTrash'), run: props.onTrash },
  ]
  const trashActions: RowAction[] = [
    { id: 'restore', label: t('library.restore'), run: props.onRestore },
    { id: 'delete', label: t('library.deleteForever'), danger: true, run: props.onDeleteForever },
  ]

  return (
    <nav className="library" aria-label={t('library.label')}>
      <div className="library-top">
        <div className="search-field">
          <Search size={16} aria-hidden />
          <input
            ref={props.searchRef}
            type="search"
            value={props.query}
            placeholder={t('library.searchPlaceholder')}
            aria-label={t('library.searchLabel')}
            title={`${t('library.searchLabel')} (${shortcutLabel('search')})`}
            onChange={(e) => props.onQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && props.query) {
                e.stopPropagation()
                props.onQuery('')
              }
              if (e.key === 'Enter' && props.search.kind === 'done' && props.search.hits[0]) props.onOpen(props.search.hits[0].id)
            }}
          />
        </div>
        <button
          type="button"
          className="button button-primary new-draft"
          onClick={props.onNew}
          title={`${t('library.newDraft')} (${shortcutLabel('newDraft')})`}
        >
          <FilePlus2 size={16} aria-hidden />
          <span>{t('library.newDraft')}</span>
        </button>
      </div>

      {searching ? (
        <SearchResults state={props.search} selectedId={props.selectedId} onOpen={props.onOpen} />
      ) : props.view === 'active' ? (
        <>
          <div className="library-filters">
            <div className="status-filter" role="group" aria-label={t('library.filterByStatus')}>
              {(['all', ...DRAFT_STATUSES] as StatusFilter[]).map((status) => (
                <button
                  key={status}
                  type="button"
                  className="chip"
                  aria-pressed={filter.status === status}
                  onClick={() => props.onFilter({ ...filter, status })}
                >
                  {t(`library.statusFilter.${status}`)} <span className="count">{counts[status]}</span>
                </button>
              ))}
            </div>
            {tags.length > 0 && (
              <label className="tag-filter">
                <span className="visually-hidden">{t('library.filterByTag')}</span>
                <select
                  value={filter.tag ?? ''}
                  onChange={(e) => props.onFilter({ ...filter, tag: e.target.value || null })}
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
          ) : visible.length === 0 ? (
            <div className="library-empty">
              <p>{active.length === 0 ? t('library.emptyLibrary') : t('library.emptyFilter')}</p>
              {active.length > 0 && (
                <button type="button" className="link-button" onClick={() => props.onFilter({ status: 'all', tag: null })}>
                  {t('library.clearFilter')}
                </button>
              )}
            </div>
          ) : (
            <DraftList
              drafts={visible}
              selectedId={props.selectedId}
              onOpen={(d) => props.onOpen(d.id)}
              actions={activeActions}
              label={t('library.listLabel')}
              now={props.now}
            />
          )}
          <div className="library-bottom">
            <button type="button" className="button button-quiet" onClick={props.onToday}>
              <CalendarCheck size={16} aria-hidden />
              <span>{t('library.today')}</span>
            </button>
            <button type="button" className="button button-quiet" onClick={() => props.onView('trash')}>
              <Trash2 size={16} aria-hidden />
              <span>{t('library.trash')}</span>
            </button>
            <button type="button" className="icon-button library-settings" aria-label={t('library.settings')} title={t('library.settings')} onClick={props.onSettings}>
              <Settings size={16} aria-hidden />
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="trash-header">
            <button type="button" className="button button-quiet" onClick={() => props.onView('active')}>
              <ArrowLeft size={16} aria-hidden />
              <span>{t('library.backToLibrary')}</span>
            </button>
            <h2 className="pane-heading">{t('library.trash')}</h2>
          </div>
          {props.trash === null ? (
            <div className="library-empty" aria-busy="true" />
          ) : props.trash.length === 0 ? (
            <div className="library-empty">
              <p>{t('library.emptyTrash')}</p>
            </div>
          ) : (
            <>
              <DraftList
                drafts={props.trash}
                selectedId={props.selectedId}
                onOpen={(d) => props.onOpen(d.id)}
                actions={trashActions}
                label={t('library.trashListLabel')}
                now={props.now}
              />
              <div className="library-bottom">
                <button type="button" className="button button-quiet is-danger" onClick={props.onEmptyTrash}>
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
