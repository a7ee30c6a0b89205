import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftId, DraftSummary, Language } from '@shared/domain'
import type { SaveRegistry } from '../editor/saveRegistry'
import type { LibraryView } from '../library/LibraryPane'
import type { Library } from '../library/useLibrary'
import { useNotices } from './notices'
import type { OpenFocus, WorkspaceStore } from './workspaceStore'

export interface DraftActions {
  open(id: DraftId, focus?: OpenFocus): void
  newDraft(): Promise<void>
  rename(draft: DraftSummary): void
  duplicate(draft: DraftSummary): Promise<void>
  trash(draft: DraftSummary): Promise<void>
  restore(draft: DraftSummary): Promise<void>
  deleteForever(draft: DraftSummary): void
  emptyTrash(): void
  showView(view: LibraryView): void
}

const nextAfter = (list: DraftSummary[] | null, id: DraftId): DraftId | null => {
  if (!list) return null
  const index = list.findIndex((d) => d.id === id)
  return (list[index + 1] ?? list[index - 1])?.id ?? null
}

/** What the author does to drafts (library rows, palette, editor): the library call, then which draft the workspace shows. */
export function useDraftActions(store: WorkspaceStore, library: Library, registry: SaveRegistry, language: Language): DraftActions {
  const { t } = useTranslation()
  const { notify } = useNotices()
  const open = useCallback((id: DraftId | null, focus: OpenFocus = null) => store.dispatch({ type: 'open', id, focus }), [store])
  const isOpen = (id: DraftId) => store.get().selectedId === id
  const fail = (error: unknown) => notify('error', t('library.actionFailed', { reason: (error as Error).message }))
  const titleOf = (d: DraftSummary) => d.title.trim() || t('library.untitled')
  const confirm = (title: string, message: string, confirmLabel: string, run: () => Promise<void>) =>
    store.dispatch({ type: 'modal', modal: { kind: 'confirm', title, message, confirmLabel, run: () => void run().catch(fail) } })

  return {
    open,
    async newDraft() {
      try {
        store.dispatch({ type: 'showAllDrafts' })
        const draft = await library.create(language)
        open(draft.id, 'title')
      } catch (e) {
        fail(e)
      }
    },
    rename(d) {
      // The open draft has no new view to focus its title on opening: tell the one on screen.
      if (isOpen(d.id)) store.events.emit({ type: 'renameDraft' })
      else open(d.id, 'rename')
    },
    async duplicate(d) {
      try {
        await registry.flushAll()
        const copy = await library.duplicate(d.id)
        open(copy.id)
        notify('info', t('library.duplicated'))
      } catch (e) {
        fail(e)
      }
    },
    async trash(d) {
      try {
        await registry.flushAll()
        const wasOpen = isOpen(d.id)
        const next = wasOpen ? nextAfter(library.active, d.id) : null
        await library.moveToTrash(d.id)
        if (wasOpen) open(next)
        notify('info', t('library.movedToTrash', { title: titleOf(d) }))
      } catch (e) {
        fail(e)
      }
    },
    async restore(d) {
      try {
        await library.restore(d.id)
        // The open view was read-only because the draft was in the trash: reopen it editable.
        if (isOpen(d.id)) store.events.emit({ type: 'reloadDraft' })
        notify('info', t('library.restored', { title: titleOf(d) }))
      } catch (e) {
        fail(e)
      }
    },
    deleteForever: (d) =>
      confirm(t('library.deleteForeverTitle'), t('library.deleteForeverMessage', { title: titleOf(d) }), t('library.deleteForever'), async () => {
        await library.deleteForever(d.id)
        if (isOpen(d.id)) open(nextAfter(library.trash, d.id) ?? library.active?.[0]?.id ?? null)
      }),
    emptyTrash: () =>
      confirm(t('library.emptyTrashTitle'), t('library.emptyTrashMessage', { count: library.trash?.length ?? 0 }), t('library.emptyTrashAction'), async () => {
        const trashed = new Set(library.trash?.map((d) => d.id))
        await library.emptyTrash()
        const selectedId = store.get().selectedId
        if (selectedId !== null && trashed.has(selectedId)) open(library.active?.[0]?.id ?? null)
      }),
    showView(view) {
      store.dispatch({ type: 'view', view })
      if (view === 'trash') void library.loadTrash().catch(fail)
    },
  }
}
