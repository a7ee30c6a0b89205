import { AlertTriangle, Check, Loader2, PenLine } from 'lucide-react'
import { useCallback, useRef, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { SaveState } from './autosave'
import type { SaveRegistry } from './saveRegistry'

/**
 * "Saved" / "Saving…" / a clear error. Always an icon AND words, never colour alone.
 * The error says what happened, that the text is safe, and offers to try again now.
 */
export function SaveIndicator({ registry }: { registry: SaveRegistry }) {
  const { t } = useTranslation()
  // Every keystroke makes a new 'pending' state object: keep the one shown while it looks the
  // same, so typing does not re-render.
  const shown = useRef<SaveState>(registry.state)
  // Told after the next paint, not at once: the first keystroke after a save turns "Saved" into
  // "Editing…", and that commit would otherwise delay the keystroke's own frame.
  const subscribe = useCallback(
    (listener: () => void) => {
      let frame: number | null = null
      let timer: ReturnType<typeof setTimeout> | null = null
      const unsubscribe = registry.subscribe(() => {
        if (frame !== null || timer !== null) return
        frame = requestAnimationFrame(() => {
          frame = null
          timer = setTimeout(() => {
            timer = null
            listener()
          }, 0)
        })
      })
      return () => {
        unsubscribe()
        if (frame !== null) cancelAnimationFrame(frame)
        if (timer !== null) clearTimeout(timer)
      }
    },
    [registry],
  )
  const state = useSyncExternalStore(
    subscribe,
    () => {
      const next = registry.state
      if (!looksTheSame(next, shown.current)) shown.current = next
      return shown.current
    },
  )
  if (state.kind === 'error') {
    return (
      <div className="save-indicator save-error" role="alert">
        <AlertTriangle size={14} aria-hidden />
        <span title={state.message}>
          {t('save.error', { seconds: Math.max(1, Math.round(state.retryInMs / 1000)) })}
        </span>
        <button type="button" className="link-button" onClick={() => void registry.flushAll()}>
          {t('save.retryNow')}
        </button>
      </div>
    )
  }
  const Icon = state.kind === 'saved' ? Check : state.kind === 'saving' ? Loader2 : PenLine
  return (
    <div className={`save-indicator save-${state.kind}`} role="status" aria-live="polite">
      <Icon size={14} aria-hidden />
      <span>{t(`save.${state.kind}`)}</span>
    </div>
  )
}

function looksTheSame(a: SaveState, b: SaveState): boolean {
  if (a.kind === 'error' || b.kind === 'error') return a === b
  return a.kind === b.kind
}
