import { X } from 'lucide-react'
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface Notice {
  id: number
  /** info fades by itself; error and warning stay until dismissed. */
  kind: 'info' | 'warning' | 'error'
  message: string
  /** Labelled values under the message; the value is selectable text (a file path to copy). */
  details?: readonly { label: string; value: string }[]
  /** One button beside the message, e.g. "Show the file". */
  action?: { label: string; run(): void }
}

export type NoticeExtras = Pick<Notice, 'details' | 'action'>

interface NoticeApi {
  notify(kind: Notice['kind'], message: string, extras?: NoticeExtras): void
}

const NoticeContext = createContext<NoticeApi>({ notify: () => undefined })

export function useNotices(): NoticeApi {
  return useContext(NoticeContext)
}

const INFO_VISIBLE_MS = 5000

/**
 * Short messages at the bottom of the window. Errors stay until dismissed (they say what to
 * do next); information fades by itself. Both live in ARIA live regions for screen readers.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), [])
  const notify = useCallback(
    (kind: Notice['kind'], message: string, extras: NoticeExtras = {}) => {
      const id = Date.now() + Math.random()
      setNotices((list) => [...list.filter((n) => n.message !== message), { id, kind, message, ...extras }].slice(-4))
      if (kind === 'info') setTimeout(() => dismiss(id), INFO_VISIBLE_MS)
    },
    [dismiss],
  )
  const api = useMemo(() => ({ notify }), [notify])
  return (
    <NoticeContext.Provider value={api}>
      {children}
      <NoticeList notices={notices} onDismiss={dismiss} />
    </NoticeContext.Provider>
  )
}

function NoticeList({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  const { t } = useTranslation()
  return (
    <div className="notices">
      <div role="status" aria-live="polite">
        {notices
          .filter((n) => n.kind === 'info')
          .map((n) => (
            <div key={n.id} className="notice notice-info">
              <span>{n.message}</span>
            </div>
          ))}
      </div>
      <div role="alert" aria-live="assertive">
        {notices
          .filter((n) => n.kind !== 'info')
          .map((n) => (
            <div key={n.id} className={`notice notice-${n.kind}`}>
              <div className="notice-body">
                <span>{n.message}</span>
                {n.details?.map((detail) => (
                  <p key={detail.label} className="notice-detail">
                    {detail.label} <code>{detail.value}</code>
                  </p>
                ))}
                {n.action && (
                  <button type="button" className="button button-quiet notice-action" onClick={n.action.run}>
                    {n.action.label}
                  </button>
                )}
              </div>
              <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => onDismiss(n.id)}>
                <X size={16} aria-hidden />
              </button>
            </div>
          ))}
      </div>
    </div>
  )
}
