import { Check, Copy, ExternalLink } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { profileOf, type PlatformId, type PlatformSettings } from '@shared/platforms'
import { useApi } from '../api/context'
import { useNotices } from '../app/notices'
import { useShortcutLabel } from '../app/keys'
import { copyText, joinParts } from './clipboard'
import { canOpen, openInPlatform } from './openCompose'

const COPIED_VISIBLE_MS = 2000

/** "Copy" and "Open in <platform>" for a post; the caller adds its own buttons after them. */
export function CopyOpenButtons({ platform, parts, settings }: { platform: PlatformId; parts: string[]; settings: PlatformSettings }) {
  const { t } = useTranslation()
  const shortcutLabel = useShortcutLabel()
  const api = useApi()
  const { notify } = useNotices()
  const name = profileOf(platform).name
  const [copied, setCopied] = useState(false)
  const [link, setLink] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const thread = parts.length > 1
  const text = joinParts(parts)
  const openable = canOpen(platform, settings)

  const copy = async () => {
    try {
      await copyText(text)
      setCopied(true)
      clearTimeout(timer.current)
      timer.current = setTimeout(() => setCopied(false), COPIED_VISIBLE_MS)
    } catch (error) {
      notify('error', t('posts.actions.copyFailed', { reason: (error as Error).message, shortcut: shortcutLabel('copy') }))
    }
  }

  const open = async () => {
    try {
      const outcome = await openInPlatform(api, platform, parts[0] ?? '', settings)
      if (outcome.copied) notify('info', t('posts.actions.openedCopied', { platform: name }))
      setLink(outcome.kind === 'link' ? outcome.url : null)
    } catch (error) {
      notify('error', t('posts.actions.openFailed', { platform: name, reason: (error as Error).message }))
    }
  }

  return (
    <>
      <button type="button" className="button button-small" onClick={() => void copy()} aria-live="polite">
        {copied ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />}
        {copied ? t('posts.actions.copied') : thread ? t('posts.actions.copyAll') : t('posts.actions.copy')}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={!openable}
        title={!openable ? t('posts.actions.openUnavailable', { platform: name }) : thread ? t('posts.actions.openThreadHint') : undefined}
        onClick={() => void open()}
      >
        <ExternalLink size={14} aria-hidden />
        {t('posts.actions.open', { platform: name })}
      </button>
      {link && (
        <p className="post-open-link">
          {t('posts.actions.openLinkNote')}{' '}
          <a href={link} target="_blank" rel="noopener noreferrer">
            {t('posts.actions.openLink', { platform: name })}
          </a>
        </p>
      )}
    </>
  )
}

/** Copies one part of a thread (posting a thread is one part at a time). */
export function CopyPartButton({ text, index }: { text: string; index: number }) {
  const { t } = useTranslation()
  const shortcutLabel = useShortcutLabel()
  const { notify } = useNotices()
  const [copied, setCopied] = useState(false)
  const label = t('posts.actions.copyPart', { index: index + 1 })
  return (
    <button
      type="button"
      className="icon-button icon-button-small"
      aria-label={copied ? t('posts.actions.copied') : label}
      title={label}
      onClick={() =>
        void copyText(text).then(
          () => {
            setCopied(true)
            setTimeout(() => setCopied(false), COPIED_VISIBLE_MS)
          },
          (error: Error) => notify('error', t('posts.actions.copyFailed', { reason: error.message, shortcut: shortcutLabel('copy') })),
        )
      }
    >
      {copied ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />}
    </button>
  )
}
