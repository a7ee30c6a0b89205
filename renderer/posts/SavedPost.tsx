import { CalendarClock, CheckCircle2, LocateFixed, RotateCcw, Trash2, type LucideIcon } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isWebUrl, type Post, type PostStateChange } from '@shared/domain'
import type { PlatformSettings } from '@shared/platforms'
import { PostJournal } from '../journal/PostJournal'
import { focusWhenShown } from './keepFocus'
import { formatPlanned, formatTimestamp, localDate } from './localDate'
import { CopyOpenButtons, CopyPartButton } from './PostActions'
import { PostCard } from './PostCard'
import { partsToSave } from './suggestionGroups'

export interface SavedPostProps {
  post: Post
  settings: PlatformSettings
  lang?: string
  /** A line above the card (the Today list says which draft the post is from). */
  context?: React.ReactNode
  /**
   * The text changed (only ever with some text to save). Saved through the app's save registry,
   * like the draft itself: after a pause, on leaving the field, and at every flush point
   * (switching drafts, window blur, quit) — never in a timer of this card's own.
   */
  onTextChange(post: Post, parts: string[]): void
  onTextFlush(post: Post): void
  onState(change: PostStateChange): Promise<boolean>
  onDelete?(post: Post): Promise<boolean>
  /** Scrolls the editor to the post's passage (absent where that makes no sense). */
  onShowPassage?(post: Post): void
  showPassageLabel?: string
}

type Form = 'plan' | 'posted' | 'delete' | null

/** A saved post: editable text (saved as you type), its state, and the way from draft to planned to posted. */
export function SavedPost({ post, settings, lang, context, onTextChange, onTextFlush, onState, onDelete, onShowPassage, showPassageLabel }: SavedPostProps) {
  const { t, i18n } = useTranslation()
  const [parts, setParts] = useState(post.parts)
  const [form, setForm] = useState<Form>(null)
  const card = useRef<HTMLDivElement>(null)
  // A form closed: focus goes back to the button that opened it, or the first one left.
  const closeForm = () => {
    setForm(null)
    focusWhenShown(() => card.current?.querySelector<HTMLElement>('[data-plan-button]') ?? card.current?.querySelector<HTMLElement>('.post-actions-row button'))
  }
  const latest = useRef({ post, onTextFlush })
  latest.current = { post, onTextFlush }
  const flush = () => latest.current.onTextFlush(latest.current.post)
  // Whatever is still pending when the card goes away (another draft, the Today tab) is saved now.
  useEffect(() => () => flush(), [])

  const change = (next: string[]) => {
    setParts(next)
    const toSave = partsToSave(next)
    // An emptied post is not saved (a post needs text); the last text stays on disk.
    if (toSave.length > 0) onTextChange(post, toSave)
  }

  const stateLine =
    post.state === 'planned' && post.plannedFor ? (
      t('posts.state.plannedFor', { date: formatPlanned(post.plannedFor, i18n.language) })
    ) : post.state === 'posted' && post.postedAt !== null ? (
      t('posts.state.postedOn', { date: formatTimestamp(post.postedAt, i18n.language) })
    ) : (
      t('posts.state.draft')
    )

  return (
    <div ref={card} className={`saved-post is-${post.state}`} data-post-id={post.id}>
      <PostCard
        platform={post.platform}
        parts={parts}
        settings={settings}
        lang={lang}
        onChange={change}
        onBlur={flush}
        note={
          <div className="saved-post-note">
            {context}
            <p className="saved-post-state">
              <span className={`state-chip is-${post.state}`}>{t(`posts.state.${post.state}`)}</span>
              {post.state !== 'draft' && <span>{stateLine}</span>}
              {post.state === 'posted' && post.postedUrl && (
                <a href={post.postedUrl} target="_blank" rel="noopener noreferrer" className="saved-post-live">
                  {t('posts.state.liveLink')}
                </a>
              )}
            </p>
          </div>
        }
        partActions={parts.length > 1 ? (index) => <CopyPartButton text={parts[index] ?? ''} index={index} /> : undefined}
        actions={
          <>
            <div className="post-actions-row">
              <CopyOpenButtons platform={post.platform} parts={parts} settings={settings} />
            </div>
            <div className="post-actions-row">
              {post.state !== 'posted' && (
                <button type="button" className="button button-small" data-plan-button aria-expanded={form === 'plan'} onClick={() => setForm(form === 'plan' ? null : 'plan')}>
                  <CalendarClock size={14} aria-hidden />
                  {t('posts.state.plan')}
                </button>
              )}
              {post.state !== 'posted' && (
                <button type="button" className="button button-small" aria-expanded={form === 'posted'} onClick={() => setForm(form === 'posted' ? null : 'posted')}>
                  <CheckCircle2 size={14} aria-hidden />
                  {t('posts.state.markPosted')}
                </button>
              )}
              <span className="spacer" />
              {post.state !== 'draft' && (
                <IconAction icon={RotateCcw} label={t('posts.state.backToDraft')} onClick={() => void onState({ id: post.id, state: 'draft' })} />
              )}
              {onShowPassage && <IconAction icon={LocateFixed} label={showPassageLabel ?? t('posts.actions.showPassage')} onClick={() => onShowPassage(post)} />}
              {onDelete && (
                <IconAction icon={Trash2} label={t('posts.actions.delete')} danger expanded={form === 'delete'} onClick={() => setForm(form === 'delete' ? null : 'delete')} />
              )}
            </div>
            {form === 'plan' && <PlanForm post={post} onDone={closeForm} onState={onState} />}
            {form === 'posted' && <PostedForm post={post} onDone={closeForm} onState={onState} />}
            {form === 'delete' && onDelete && (
              <div className="post-form" role="group" aria-label={t('posts.actions.deleteConfirm')}>
                <p>{t('posts.actions.deleteConfirm')}</p>
                <div className="post-form-buttons">
                  <button type="button" className="button button-small" onClick={() => setForm(null)}>
                    {t('common.cancel')}
                  </button>
                  <button type="button" className="button button-small button-danger" onClick={() => void onDelete(post)}>
                    {t('posts.actions.deleteYes')}
                  </button>
                </div>
              </div>
            )}
            {post.state === 'posted' && <PostJournal post={post} />}
          </>
        }
      />
    </div>
  )
}

function IconAction({
  icon: Icon,
  label,
  onClick,
  danger = false,
  expanded,
}: {
  icon: LucideIcon
  label: string
  onClick(): void
  danger?: boolean
  expanded?: boolean
}) {
  return (
    <button type="button" className={`icon-button${danger ? ' is-danger' : ''}`} aria-label={label} title={label} aria-expanded={expanded} onClick={onClick}>
      <Icon size={16} aria-hidden />
    </button>
  )
}

function PlanForm({ post, onDone, onState }: { post: Post; onDone(): void; onState(change: PostStateChange): Promise<boolean> }) {
  const { t, i18n } = useTranslation()
  const today = localDate()
  const [day, setDay] = useState(post.plannedFor?.slice(0, 10) ?? today)
  const [time, setTime] = useState(post.plannedFor?.slice(11, 16) ?? '')
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day)
  const submit = async (plannedFor: string) => {
    if (await onState({ id: post.id, state: 'planned', plannedFor })) onDone()
  }
  return (
    <form
      className="post-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (valid) void submit(time ? `${day}T${time}` : day)
      }}
    >
      <div className="post-form-fields">
        <label className="field">
          <span>{t('posts.state.planDay')}</span>
          <input type="date" lang={i18n.language} value={day} required onChange={(e) => setDay(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('posts.state.planTime')}</span>
          <input type="time" lang={i18n.language} value={time} onChange={(e) => setTime(e.target.value)} />
        </label>
      </div>
      <div className="post-form-buttons">
        <button type="button" className="button button-small" onClick={() => void submit(time ? `${today}T${time}` : today)}>
          {t('posts.state.planToday')}
        </button>
        <span className="spacer" />
        <button type="button" className="button button-small button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-small button-primary" disabled={!valid}>
          {t('posts.state.planConfirm')}
        </button>
      </div>
    </form>
  )
}

function PostedForm({ post, onDone, onState }: { post: Post; onDone(): void; onState(change: PostStateChange): Promise<boolean> }) {
  const { t } = useTranslation()
  const [url, setUrl] = useState(post.postedUrl ?? '')
  const [touched, setTouched] = useState(false)
  const trimmed = url.trim()
  const valid = trimmed === '' || isWebUrl(trimmed)
  return (
    <form
      className="post-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        setTouched(true)
        if (!valid) return
        void onState({ id: post.id, state: 'posted', ...(trimmed ? { postedUrl: trimmed } : {}) }).then((ok) => ok && onDone())
      }}
    >
      <label className="field">
        <span>{t('posts.state.postedUrl')}</span>
        <input
          type="url"
          inputMode="url"
          value={url}
          placeholder="https://"
          aria-invalid={touched && !valid}
          onChange={(e) => setUrl(e.target.value)}
          onBlur={() => setTouched(true)}
        />
      </label>
      {touched && !valid && <p className="field-error">{t('posts.state.postedUrlInvalid')}</p>}
      <div className="post-form-buttons">
        <span className="spacer" />
        <button type="button" className="button button-small button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-small button-primary">
          {t('posts.state.markPostedConfirm')}
        </button>
      </div>
    </form>
  )
}
