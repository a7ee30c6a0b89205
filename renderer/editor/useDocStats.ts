import type { Editor } from '@tiptap/core'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { docStats, type DocStats, type OutlineEntry } from './docStats'

export const STATS_DELAY_MS = 400

/**
 * The open draft's word count, reading time and outline, for the panels that show them.
 *
 * DO NOT keep these in the draft view's React state: every React commit while the caret is in
 * the editor makes React measure the selection by walking the editor's DOM up to the caret
 * (getSelectionInformation), and a re-render of the draft view also hands Tiptap new options
 * (a full view update). Here only the component showing a figure re-renders, and only when
 * that figure changed: the outline keeps its array while headings keep their text and level.
 */
export class DocStatsStore {
  private current: DocStats
  private readonly listeners = new Set<() => void>()

  constructor(private readonly editor: Editor) {
    this.current = docStats(editor.state.doc)
  }

  readonly get = (): DocStats => this.current

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Counts again (only changed blocks are counted, see docStats) and tells listeners if anything shown changed. */
  refresh(): void {
    if (this.editor.isDestroyed) return
    const next = docStats(this.editor.state.doc)
    const previous = this.current
    // Positions move with every keystroke above a heading; jumps read them fresh (headingPosition).
    const outline = sameHeadings(next.outline, previous.outline) ? previous.outline : next.outline
    if (next.words === previous.words && outline === previous.outline) return
    this.current = { ...next, outline }
    for (const listener of this.listeners) listener()
  }

  /** Where the outline's `index`-th heading is now (null if it is gone). */
  headingPosition(index: number): number | null {
    if (this.editor.isDestroyed) return null
    return docStats(this.editor.state.doc).outline[index]?.pos ?? null
  }
}

function sameHeadings(a: OutlineEntry[], b: OutlineEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry.level === b[i]!.level && entry.text === b[i]!.text)
}

/**
 * One stats store per editor, refreshed after typing pauses (and at idle time when the browser
 * offers it), never per keystroke.
 */
export function useDocStatsStore(editor: Editor): DocStatsStore {
  const store = useMemo(() => new DocStatsStore(editor), [editor])
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let idle: number | null = null
    const compute = () => {
      idle = null
      store.refresh()
    }
    const schedule = () => {
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(compute, { timeout: 1000 })
        else compute()
      }, STATS_DELAY_MS)
    }
    editor.on('update', schedule)
    return () => {
      editor.off('update', schedule)
      if (timer !== null) clearTimeout(timer)
      if (idle !== null) cancelIdleCallback(idle)
    }
  }, [editor, store])
  return store
}

/** One figure of the stats; the calling component re-renders only when it changes (compared with ===). */
export function useDocStat<T>(store: DocStatsStore, select: (stats: DocStats) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()))
}
