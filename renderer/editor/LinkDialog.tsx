import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../app/Dialog'
import { isAllowedLink } from './extensions'

/** Normalises what was typed into an absolute link ("example.com" → "https://example.com"). */
export function normaliseLink(input: string): string | null {
  const value = input.trim()
  if (!value) return null
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value)
    ? value
    : /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)
      ? `mailto:${value}`
      : `https://${value}`
  return isAllowedLink(withScheme) ? withScheme : null
}

export function LinkDialog({
  initial,
  onApply,
  onRemove,
  onClose,
}: {
  initial: string
  onApply(href: string): void
  onRemove: (() => void) | null
  onClose(): void
}) {
  const { t } = useTranslation()
  const [value, setValue] = useState(initial)
  const [invalid, setInvalid] = useState(false)
  const apply = () => {
    const href = normaliseLink(value)
    if (!href) {
      setInvalid(true)
      return
    }
    onApply(href)
  }
  return (
    <Dialog
      title={t('link.title')}
      onClose={onClose}
      className="dialog-small"
      initialFocus="input"
      footer={
        <>
          {onRemove && (
            <button type="button" className="button" onClick={onRemove}>
              {t('link.remove')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={apply}>
            {t('link.apply')}
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          apply()
        }}
      >
        <label className="field">
          <span>{t('link.address')}</span>
          <input
            type="text"
            inputMode="url"
            value={value}
            placeholder="https://"
            aria-invalid={invalid}
            aria-describedby={invalid ? 'link-error' : undefined}
            onChange={(e) => {
              setValue(e.target.value)
              setInvalid(false)
            }}
          />
        </label>
        {invalid && (
          <p id="link-error" className="field-error" role="alert">
            {t('link.invalid')}
          </p>
        )}
      </form>
    </Dialog>
  )
}
