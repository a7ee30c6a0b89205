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

/** The workspace store plus the services the panes share; one provider instead of drilled props. */
export interface Workspace {
  store: WorkspaceStore
  actions: WorkspaceActions
  registry: SaveRegistry
  library: Pick<Library, 'active' | 'trash' | 'complete'>
  search: SearchState
  searchRef: RefObject<HTMLInputElement | null>
  /** Editor extensions of the features (proofing marks, the passage mark). */
  extensions: AnyExtension[]
}

export const WorkspaceContext = createContext<Workspace | null>(null)

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext)
  if (!workspace) throw new Error('useWorkspace outside <Workspace>')
  return workspace
}

export function useWorkspaceState<T>(select: (state: WorkspaceState) => T): T {
  return useSelector(useWorkspace().store, select)
}
