import { AlertTriangle, Check, Loader2, PenLine } from 'lucide-react'
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { SaveRegistry } from './saveRegistry'

/**
 * "Saved" / "Saving…" / a clear error. Always an icon AND words, never colour alone.
 * The error says what happened, that the text is safe, and offers to try again now.
 */
export function SaveIndicator({ registry }: { registry: SaveRegistry }) {
  const { t } = useTranslation()
  const state = useSyncExternalStore(
    (listener) => registry.subscribe(listener),
    () => registry.state,
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
