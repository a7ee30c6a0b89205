import { X } from 'lucide-react'
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface Notice {
  id: number
  kind: 'info' | 'error'
  message: string
}

interface NoticeApi {
  notify(kind: Notice['kind'], message: string): void
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
    (kind: Notice['kind'], message: string) => {
      const id = Date.now() + Math.random()
      setNotices((list) => [...list.filter((n) => n.message !== message), { id, kind, message }].slice(-4))
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
          .filter((n) => n.kind === 'error')
          .map((n) => (
            <div key={n.id} className="notice notice-error">
              <span>{n.message}</span>
              <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => onDismiss(n.id)}>
                <X size={16} aria-hidden />
              </button>
            </div>
          ))}
      </div>
    </div>
  )
}
