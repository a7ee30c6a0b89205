import type { DraftId } from '@shared/domain'
import type { LibraryView } from '../library/LibraryPane'
import { ALL_DRAFTS, type LibraryFilter } from '../library/libraryModel'
import type { ConfirmRequest } from './Dialog'
import { createEventChannel, createStore, type EventChannel, type Store } from './store'

export type Modal =
  | { kind: 'palette' }
  | { kind: 'settings' }
  | { kind: 'about' }
  | { kind: 'history'; draftId: DraftId }
  | ({ kind: 'confirm' } & ConfirmRequest)

/** Where the caret goes when a draft opens; 'rename' also selects the title. */
export type OpenFocus = 'title' | 'text' | 'rename' | null

export interface WorkspaceState {
  selectedId: DraftId | null
  /** Read by the editor pane when the selected draft has loaded. */
  openFocus: OpenFocus
  view: LibraryView
  filter: LibraryFilter
  query: string
  focusMode: boolean
  outlineOpen: boolean
  libraryWidth: number
  modal: Modal | null
}

export type WorkspaceAction =
  | { type: 'open'; id: DraftId | null; focus?: OpenFocus }
  | { type: 'view'; view: LibraryView }
  | { type: 'filter'; filter: LibraryFilter }
  | { type: 'query'; query: string }
  /** New draft, import: the whole library is shown so the new draft is in the list. */
  | { type: 'showAllDrafts' }
  | { type: 'focusMode'; on: boolean }
  | { type: 'outline'; open: boolean }
  | { type: 'libraryWidth'; width: number }
  | { type: 'modal'; modal: Modal | null }
  | { type: 'togglePalette' }

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'open':
      return { ...state, selectedId: action.id, openFocus: action.focus ?? null }
    case 'view':
      return state.view === action.view ? state : { ...state, view: action.view }
    case 'filter':
      return { ...state, filter: action.filter }
    case 'query':
      return state.query === action.query ? state : { ...state, query: action.query }
    case 'showAllDrafts': {
      const filter = state.filter.status === 'all' && state.filter.tag === null ? state.filter : ALL_DRAFTS
      return { ...state, focusMode: false, query: '', view: 'active', filter }
    }
    case 'focusMode':
      return state.focusMode === action.on ? state : { ...state, focusMode: action.on }
    case 'outline':
      return state.outlineOpen === action.open ? state : { ...state, outlineOpen: action.open }
    case 'libraryWidth':
      return state.libraryWidth === action.width ? state : { ...state, libraryWidth: action.width }
    case 'modal':
      return state.modal === action.modal ? state : { ...state, modal: action.modal }
    case 'togglePalette':
      return { ...state, modal: state.modal?.kind === 'palette' ? null : { kind: 'palette' } }
  }
}

/** Things that happen once rather than states: the open draft's view reacts, nothing is kept. */
export type WorkspaceEvent =
  /** The draft on disk was replaced (restored revision or trash, backup): load it again. */
  | { type: 'reloadDraft' }
  /** Rename the open draft: its title gets focus and is selected. */
  | { type: 'renameDraft' }

export interface WorkspaceStore extends Store<WorkspaceState, WorkspaceAction> {
  events: EventChannel<WorkspaceEvent>
}

export function createWorkspaceStore(initial: Pick<WorkspaceState, 'selectedId' | 'outlineOpen' | 'libraryWidth'>): WorkspaceStore {
  const store = createStore(workspaceReducer, {
    ...initial,
    openFocus: null,
    view: 'active',
    filter: ALL_DRAFTS,
    query: '',
    focusMode: false,
    modal: null,
  })
  return { ...store, events: createEventChannel<WorkspaceEvent>() }
}
