import { X } from 'lucide-react'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog on the native <dialog>, opened with showModal(): the browser makes everything
 * else inert (no clicks, no focus, hidden from assistive technology) and puts the dialog in the
 * top layer. Labelled by its title; Esc (the dialog's "cancel") and a click on the backdrop
 * close it; focus returns to where it was when it closes.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  className,
  initialFocus,
}: {
  title: string
  onClose(): void
  children: ReactNode
  footer?: ReactNode
  className?: string
  /** CSS selector inside the dialog for the element focused on open; else the first focusable one. */
  initialFocus?: string
}) {
  const { t } = useTranslation()
  const titleId = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    const first = (initialFocus && dialog.querySelector<HTMLElement>(initialFocus)) || dialog.querySelector<HTMLElement>(FOCUSABLE)
    first?.focus()
    return () => {
      if (dialog.open) dialog.close()
      previous?.focus?.()
    }
    // Opened and focused once per mount, not on every re-render.
  }, [])

  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className={['dialog', className].filter(Boolean).join(' ')}
      onCancel={(e) => {
        // Any other close request of the platform: React decides when the dialog goes (it unmounts it).
        e.preventDefault()
        onCloseRef.current()
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        // Closed here rather than by the browser, and not seen by the window's own Esc (focus mode).
        e.preventDefault()
        e.stopPropagation()
        onCloseRef.current()
      }}
      // A press on the backdrop lands on the <dialog> itself, outside its content box.
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
          <X size={18} aria-hidden />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  )
}

/** A question before something that cannot be undone, and what runs on yes. */
export interface ConfirmRequest {
  title: string
  message: string
  confirmLabel: string
  run(): void
}

/** Yes/no question before something that cannot be undone: closes, then runs the request on yes. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose(): void }) {
  const { title, message, confirmLabel } = request
  const onCancel = onClose
  const onConfirm = () => {
    onClose()
    request.run()
  }
  const { t } = useTranslation()
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      className="dialog-confirm"
      initialFocus="[data-autofocus]"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </Dialog>
  )
}
