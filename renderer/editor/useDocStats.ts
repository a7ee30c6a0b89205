import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { docStats, type DocStats } from './docStats'

export const STATS_DELAY_MS = 400

/**
 * Word count, reading time and outline, recomputed after typing pauses (and at idle time when
 * the browser offers it), never per keystroke: counting 100k words costs 12–16 ms.
 */
export function useDocStats(editor: Editor | null): DocStats {
  const [stats, setStats] = useState<DocStats>(() =>
    editor ? docStats(editor.state.doc) : { words: 0, minutes: 0, outline: [] },
  )
  useEffect(() => {
    if (!editor) return
    let timer: ReturnType<typeof setTimeout> | null = null
    let idle: number | null = null
    const compute = () => {
      idle = null
      if (!editor.isDestroyed) setStats(docStats(editor.state.doc))
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
  }, [editor])
  return stats
}
