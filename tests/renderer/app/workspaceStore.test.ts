import { describe, expect, it } from 'vitest'
import type { DraftId } from '@shared/domain'
import { createWorkspaceStore } from '../../../renderer/app/workspaceStore'

const fresh = () => createWorkspaceStore({ selectedId: null, outlineOpen: true, libraryWidth: 260 })

describe('workspace store', () => {
  it('is current the moment dispatch returns and tells subscribers only about real changes', () => {
    const store = fresh()
    let calls = 0
    store.subscribe(() => calls++)
    store.dispatch({ type: 'open', id: 7 as DraftId, focus: 'title' })
    expect(store.get()).toMatchObject({ selectedId: 7, openFocus: 'title' })
    store.dispatch({ type: 'focusMode', on: false })
    store.dispatch({ type: 'query', query: '' })
    expect(calls).toBe(1)
  })

  it('shows all drafts (for a new or imported draft): leaves focus mode, search, trash view and filter', () => {
    const store = fresh()
    store.dispatch({ type: 'focusMode', on: true })
    store.dispatch({ type: 'query', query: 'selbst' })
    store.dispatch({ type: 'view', view: 'trash' })
    store.dispatch({ type: 'filter', filter: { status: 'draft', tag: 'x' } })
    store.dispatch({ type: 'showAllDrafts' })
    expect(store.get()).toMatchObject({ focusMode: false, query: '', view: 'active', filter: { status: 'all', tag: null } })
  })

  it('toggles the palette and carries events without keeping them', () => {
    const store = fresh()
    store.dispatch({ type: 'togglePalette' })
    expect(store.get().modal).toEqual({ kind: 'palette' })
    store.dispatch({ type: 'togglePalette' })
    expect(store.get().modal).toBeNull()
    const seen: string[] = []
    const off = store.events.on((event) => seen.push(event.type))
    store.events.emit({ type: 'renameDraft' })
    off()
    store.events.emit({ type: 'reloadDraft' })
    expect(seen).toEqual(['renameDraft'])
  })
})
