import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsPatch } from '@shared/domain'
import {
  MAX_OWN_LINES,
  MAX_OWN_LINE_LENGTH,
  MAX_PLATFORM_LIMIT,
  MIN_PLATFORM_LIMIT,
  PLATFORM_IDS,
  THREAD_NUMBERING_STYLES,
  effectiveLimit,
  enabledPlatforms,
  normalizeServerHost,
  profileOf,
  type PlatformId,
  type PlatformSettings,
} from '@shared/platforms'
import { CommittedTextField } from './CommittedTextField'
import { PlatformName } from './PostCard'
import './posts.css'

type LimitPlatform = Exclude<PlatformId, 'mastodon'>

/** The posts part of the settings dialog: platforms, limits, the Mastodon server, X Premium, thread numbers. */
export function PostsSettings({ posts, onChange }: { posts: PlatformSettings; onChange(patch: SettingsPatch): void }) {
  const { t, i18n } = useTranslation()
  const format = new Intl.NumberFormat(i18n.language)
  const set = (patch: NonNullable<SettingsPatch['posts']>) => onChange({ posts: patch })
  const enabled = new Set(posts.enabled)
  const limitPlatforms = enabledPlatforms(posts).filter((id): id is LimitPlatform => id !== 'mastodon')

  return (
    <section className="posts-settings" aria-labelledby="posts-settings-heading">
      <h3 id="posts-settings-heading" className="settings-heading">
        {t('posts.settings.heading')}
      </h3>
      <fieldset className="checkbox-grid">
        <legend>{t('posts.settings.platforms')}</legend>
        {PLATFORM_IDS.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={enabled.has(id)}
              onChange={(e) => set({ enabled: PLATFORM_IDS.filter((p) => (p === id ? e.target.checked : enabled.has(p))) })}
            />
            <PlatformName platform={id} />
          </label>
        ))}
      </fieldset>

      {enabled.has('x') && (
        <label className="checkbox-line">
          <input type="checkbox" checked={posts.xPremium} onChange={(e) => set({ xPremium: e.target.checked })} />
          {t('posts.settings.xPremium')}
        </label>
      )}

      {enabled.has('mastodon') && (
        <fieldset className="settings-fields">
          <legend>{profileOf('mastodon').name}</legend>
          <ServerField server={posts.mastodon.server} onCommit={(server) => set({ mastodon: { server } })} />
          <NumberField
            label={t('posts.settings.mastodonLimit')}
            value={posts.mastodon.maxCharacters}
            placeholder={format.format(profileOf('mastodon').limit)}
            onCommit={(value) => set({ mastodon: { maxCharacters: value ?? profileOf('mastodon').limit } })}
          />
        </fieldset>
      )}

      {limitPlatforms.length > 0 && (
        <fieldset className="settings-fields">
          <legend>{t('posts.settings.limits')}</legend>
          {limitPlatforms.map((id) => {
            const fallback = effectiveLimit(id, { ...posts, limits: {} })
            return (
              <NumberField
                key={id}
                label={t('posts.settings.limitFor', { platform: profileOf(id).name })}
                hint={t('posts.settings.limitDefault', { limit: format.format(fallback) })}
                value={posts.limits[id] ?? null}
                placeholder={format.format(fallback)}
                onCommit={(value) => {
                  const { [id]: _old, ...others } = posts.limits
                  set({ limits: value === null ? others : { ...others, [id]: value } })
                }}
              />
            )
          })}
        </fieldset>
      )}

      <fieldset className="radio-group">
        <legend>{t('posts.settings.threadNumbering')}</legend>
        {THREAD_NUMBERING_STYLES.map((style) => (
          <label key={style}>
            <input type="radio" name="threadNumbering" checked={posts.threadNumbering === style} onChange={() => set({ threadNumbering: style })} />
            {t(`posts.settings.numbering.${style}`)}
          </label>
        ))}
      </fieldset>

      <fieldset className="settings-fields own-lines">
        <legend>{t('posts.settings.ownLines')}</legend>
        <p className="field-hint">{t('posts.settings.ownLinesHint')}</p>
        <LinesField label={t('posts.settings.ownQuestions')} lines={posts.ownQuestions} onCommit={(ownQuestions) => set({ ownQuestions })} />
        <LinesField
          label={t('posts.settings.ownCallsToAction')}
          lines={posts.ownCallsToAction}
          onCommit={(ownCallsToAction) => set({ ownCallsToAction })}
        />
      </fieldset>
    </section>
  )
}

/** One line per entry; blank lines dropped, each line trimmed and kept within a post's length. */
export function linesFromText(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim().slice(0, MAX_OWN_LINE_LENGTH))
    .filter((line) => line !== '')
    .slice(0, MAX_OWN_LINES)
}

/** The author's own lines, saved when the field is left. */
function LinesField({ label, lines, onCommit }: { label: string; lines: readonly string[]; onCommit(lines: string[]): void }) {
  const id = useId()
  const [text, setText] = useState(lines.join('\n'))
  const joined = lines.join('\n')
  useEffect(() => setText(joined), [joined])
  const commit = () => {
    const next = linesFromText(text)
    if (next.join('\n') !== joined) onCommit(next)
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} />
    </div>
  )
}

/** A limit: empty means "the platform's default"; anything else must be a whole number in range. */
function NumberField({
  label,
  hint,
  value,
  placeholder,
  onCommit,
}: {
  label: string
  hint?: string
  value: number | null
  placeholder: string
  onCommit(value: number | null): void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(value === null ? '' : String(value))
  useEffect(() => setText(value === null ? '' : String(value)), [value])
  const trimmed = text.trim()
  const parsed = trimmed === '' ? null : /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
  const valid = parsed === null || (Number.isInteger(parsed) && parsed >= MIN_PLATFORM_LIMIT && parsed <= MAX_PLATFORM_LIMIT)
  const commit = () => {
    if (valid && parsed !== value) onCommit(parsed)
  }
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={placeholder}
        aria-invalid={!valid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span id={`${id}-hint`} className={valid ? 'field-hint' : 'field-error'}>
        {valid ? hint : t('posts.settings.limitInvalid', { min: MIN_PLATFORM_LIMIT, max: MAX_PLATFORM_LIMIT })}
      </span>
    </div>
  )
}

/** The server as the author types it ("https://Chaos.Social/@me" is fine), kept as a bare host. */
function ServerField({ server, onCommit }: { server: string; onCommit(server: string): void }) {
  const { t } = useTranslation()
  return (
    <CommittedTextField
      label={t('posts.settings.mastodonServer')}
      value={server}
      type="text"
      placeholder="mastodon.social"
      inline
      parse={normalizeServerHost}
      onCommit={onCommit}
      error={t('posts.settings.mastodonInvalid')}
      hint={() => t('posts.settings.mastodonServerHint')}
    />
  )
}
