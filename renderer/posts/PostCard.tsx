import { ImageIcon, Plus, X } from 'lucide-react'
import { useId, useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { measure, profileOf, type PlatformId, type PlatformSettings } from '@shared/platforms'
import { counterLevel, overBy, warningTexts } from './measureView'
import { PostStyleHints } from '../editor/proofing/PostStyleHints'

/** The platform's name with its colour as a small mark: colour is never the only sign. */
export function PlatformName({ platform }: { platform: PlatformId }) {
  return (
    <span className="platform-name">
      <span className="platform-mark" style={{ '--mark-platform': `var(--platform-${platform})` } as CSSProperties} aria-hidden />
      {profileOf(platform).name}
    </span>
  )
}

/** How the author appears on the platform, as far as the card can say without their account. */
function handleFor(platform: PlatformId, you: string, settings: PlatformSettings): string | null {
  const name = you.toLocaleLowerCase()
  switch (platform) {
    case 'x':
    case 'threads':
    case 'tiktok':
      return `@${name}`
    case 'bluesky':
      return `@${name}.bsky.social`
    case 'mastodon':
      return `@${name}@${settings.mastodon.server}`
    default:
      return null
  }
}

const MEDIA_FIRST: ReadonlySet<PlatformId> = new Set(['instagram', 'tiktok'])

export interface PostCardProps {
  platform: PlatformId
  parts: string[]
  settings: PlatformSettings
  /** Omit for a card that cannot be edited. */
  onChange?(parts: string[]): void
  onBlur?(): void
  /** Buttons under the text (copy, open, save...). */
  actions?: ReactNode
  /** A line above the card: where it came from, its state. */
  note?: ReactNode
  /** Per-part extra buttons (copy part n). */
  partActions?(index: number): ReactNode
  /** Language of the text, for spell checking (the draft's language). */
  lang?: string
  /** False where a header above the card names the platform already. */
  showPlatform?: boolean
}

/**
 * A post the way the platform would roughly show it: avatar, name, text, and a live counter
 * per part measured exactly as the platform counts. Thread parts stack with a connecting line.
 */
export function PostCard({ platform, parts, settings, onChange, onBlur, actions, note, partActions, lang, showPlatform = true }: PostCardProps) {
  const { t, i18n } = useTranslation()
  const profile = profileOf(platform)
  const you = t('posts.card.you')
  const handle = handleFor(platform, you, settings)
  const thread = parts.length > 1
  const label = thread ? t('posts.card.threadLabel', { platform: profile.name, count: parts.length }) : t('posts.card.label', { platform: profile.name })
  const format = new Intl.NumberFormat(i18n.language)

  const setPart = (index: number, text: string) => onChange?.(parts.map((part, i) => (i === index ? text : part)))
  const removePart = (index: number) => onChange?.(parts.filter((_, i) => i !== index))

  return (
    <article className={`post-card post-card--${platform}`} aria-label={label}>
      {note}
      {MEDIA_FIRST.has(platform) && (
        <div className="post-media" aria-hidden>
          <ImageIcon size={18} />
          <span>{t('posts.card.media')}</span>
        </div>
      )}
      <ol className={`post-parts${thread ? ' is-thread' : ''}`}>
        {parts.map((part, index) => {
          const measurement = measure(platform, part, settings)
          const level = counterLevel(measurement)
          const warnings = warningTexts(measurement.warnings, profile.name, t)
          const by = overBy(measurement)
          return (
            <li key={index} className="post-part">
              <span className="post-avatar" aria-hidden>
                {you.slice(0, 1).toLocaleUpperCase()}
              </span>
              <div className="post-main">
                <div className="post-byline">
                  <span className="post-author">{you}</span>
                  {handle && <span className="post-handle">{handle}</span>}
                  <span className="post-time" aria-hidden>
                    · {t('posts.card.now')}
                  </span>
                  <span className="spacer" />
                  {index === 0 && showPlatform && <PlatformName platform={platform} />}
                </div>
                <PartText
                  value={part}
                  label={thread ? t('posts.card.partLabel', { index: index + 1, count: parts.length, platform: profile.name }) : t('posts.card.textLabel', { platform: profile.name })}
                  lang={lang}
                  readOnly={!onChange}
                  onChange={(text) => setPart(index, text)}
                  onBlur={onBlur}
                  describedBy={(id) => `${id}-counter${warnings.length > 0 || by > 0 ? ` ${id}-warnings` : ''}`}
                >
                  {(id) => (
                    <>
                      <div className="post-meta">
                        <span className={`post-counter is-${level}`}>
                          <span aria-hidden>
                            {format.format(measurement.used)} / {format.format(measurement.limit)}
                          </span>
                          {/* What a screen reader says when the text field is focused (aria-describedby). */}
                          <span id={`${id}-counter`} className="visually-hidden">
                            {t('posts.counter.label', { used: format.format(measurement.used), limit: format.format(measurement.limit) })}
                          </span>
                        </span>
                        <span className="spacer" />
                        {partActions?.(index)}
                        {onChange && thread && (
                          <button
                            type="button"
                            className="icon-button icon-button-small"
                            aria-label={t('posts.card.removePart', { index: index + 1 })}
                            title={t('posts.card.removePart', { index: index + 1 })}
                            onClick={() => removePart(index)}
                          >
                            <X size={14} aria-hidden />
                          </button>
                        )}
                      </div>
                      {(by > 0 || warnings.length > 0) && (
                        <ul id={`${id}-warnings`} className="post-warnings">
                          {by > 0 && <li className="is-blocking">{t('posts.counter.over', { count: by, platform: profile.name })}</li>}
                          {warnings.map((w) => (
                            <li key={w.text} className={w.blocking ? 'is-blocking' : undefined}>
                              {w.text}
                            </li>
                          ))}
                        </ul>
                      )}
                    </>
                  )}
                </PartText>
              </div>
            </li>
          )
        })}
      </ol>
      {onChange && profile.threads && (thread || measure(platform, parts[parts.length - 1] ?? '', settings).over) && (
        <button type="button" className="button button-quiet post-add-part" onClick={() => onChange([...parts, ''])}>
          <Plus size={14} aria-hidden /> {t('posts.card.addPart')}
        </button>
      )}
      {actions && <div className="post-actions">{actions}</div>}
    </article>
  )
}

const FIELD_SIZING = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content')

/** The editable text of one part; grows with its content (CSS field-sizing, or by measuring). */
function PartText({
  value,
  label,
  lang,
  readOnly,
  onChange,
  onBlur,
  describedBy,
  children,
}: {
  value: string
  label: string
  lang: string | undefined
  readOnly: boolean
  onChange(text: string): void
  onBlur?(): void
  describedBy(id: string): string
  children(id: string): ReactNode
}) {
  const id = useId()
  const ref = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || FIELD_SIZING) return
    el.style.height = 'auto'
    el.style.height = `${el.scrollHeight + 2}px`
  }, [value])
  return (
    <>
      <textarea
        ref={ref}
        id={`${id}-text`}
        className="post-text"
        value={value}
        aria-label={label}
        aria-describedby={describedBy(id)}
        lang={lang}
        readOnly={readOnly}
        spellCheck
        rows={2}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {!readOnly && <PostStyleHints text={value} lang={lang} />}
      {children(id)}
    </>
  )
}
