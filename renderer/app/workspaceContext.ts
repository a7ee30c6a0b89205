import type { AnyExtension, Editor } from '@tiptap/core'
import { createContext, useContext, type RefObject } from 'react'
import type { DraftId, DraftSummary } from '@shared/domain'
import type { SaveRegistry } from '../editor/saveRegistry'
import type { LibraryView } from '../library/LibraryPane'
import type { Library } from '../library/useLibrary'
import type { SearchState } from '../library/useSearch'
import { useSelector } from './store'
import type { WorkspaceState, WorkspaceStore } from './workspaceStore'

/** What the panes do; each runs against the workspace's latest render. */
export interface WorkspaceActions {
  open(id: DraftId): void
  newDraft(): void
  rename(draft: DraftSummary): void
  duplicate(draft: DraftSummary): void
  trash(draft: DraftSummary): void
  restore(draft: DraftSummary): void
  /** The trash banner of an open trashed draft. */
  restoreById(id: DraftId): void
  deleteForever(draft: DraftSummary): void
  emptyTrash(): void
  showView(view: LibraryView): void
  openToday(): void
  openSettings(): void
  openHistory(): void
  /** The editor saved a title or meta change: the library shows it. */
  summary(summary: DraftSummary): void
  editorChanged(editor: Editor | null): void
}

/**
 * The workspace store plus the services the panes share; one provider instead of drilled props.
 * Stable while the workspace lives (the features' extensions aside): DO NOT put anything here that
 * changes as the author types or saves. Every view reading this context re-renders when it
 * changes, the draft view with it, and each React commit with the caret in a long draft walks
 * the editor's DOM to the caret (see useDocStats).
 */
export interface Workspace {
  store: WorkspaceStore
  actions: WorkspaceActions
  registry: SaveRegistry
  searchRef: RefObject<HTMLInputElement | null>
  /** Editor extensions of the features (proofing marks, the passage mark). */
  extensions: AnyExtension[]
}

/** What the library pane lists: changes with every save (word counts, order) and every search. */
export interface LibraryData {
  library: Pick<Library, 'active' | 'trash' | 'complete' | 'loadRest'>
  search: SearchState
}

export const WorkspaceContext = createContext<Workspace | null>(null)
export const LibraryDataContext = createContext<LibraryData | null>(null)

export function useLibraryData(): LibraryData {
  const data = useContext(LibraryDataContext)
  if (!data) throw new Error('useLibraryData outside <Workspace>')
  return data
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext)
  if (!workspace) throw new Error('useWorkspace outside <Workspace>')
  return workspace
}

export function useWorkspaceState<T>(select: (state: WorkspaceState) => T): T {
  return useSelector(useWorkspace().store, select)
}
