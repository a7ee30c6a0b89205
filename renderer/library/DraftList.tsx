import { MoreHorizontal } from 'lucide-react'
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { DraftId, DraftSummary } from '@shared/domain'
import { formatDateTime, formatLastEdited } from './lastEdited'

/** Every row has the same height, so the visible slice follows from scrollTop alone. */
export const ROW_HEIGHT = 92
const OVERSCAN = 8

export interface RowAction {
  id: string
  label: string
  danger?: boolean
  run(draft: DraftSummary): void
}

/** The window of rows to render for a scroll position (pure, so it is tested directly). */
export function visibleRange(scrollTop: number, viewportHeight: number, count: number, rowHeight = ROW_HEIGHT, overscan = OVERSCAN) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan)
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan)
  return { first, last }
}

/**
 * The draft list, windowed: with 10,000 drafts only the ~30 rows around the viewport exist
 * in the DOM. Arrow keys move between rows (scrolling as needed), Enter opens one.
 */
export function DraftList({
  drafts,
  selectedId,
  onOpen,
  actions,
  label,
  now,
  more,
}: {
  drafts: readonly DraftSummary[]
  selectedId: DraftId | null
  onOpen(draft: DraftSummary): void
  actions: RowAction[]
  label: string
  now: number
  /** Rows still to come after `drafts`: a calm row at the end, and `reached` once it is near. */
  more?: { label: string; reached(): void }
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(800)
  const [focusIndex, setFocusIndex] = useState<number | null>(null)

  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    setViewport(el.clientHeight || 800)
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || 800))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // Keep the open draft in view when it changes (e.g. a new draft at the top).
  useEffect(() => {
    const index = drafts.findIndex((d) => d.id === selectedId)
    if (index >= 0) scrollIntoView(index)
    // Only when the selection changes, not on every list update.
  }, [selectedId])

  useEffect(() => {
    if (focusIndex === null) return
    scroller.current?.querySelector<HTMLElement>(`[data-row-index="${focusIndex}"] .draft-row-main`)?.focus()
  }, [focusIndex, scrollTop])

  function scrollIntoView(index: number) {
    const el = scroller.current
    if (!el) return
    const top = index * ROW_HEIGHT
    if (top < el.scrollTop) el.scrollTop = top
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight
    setScrollTop(el.scrollTop)
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]')
    if (!row || !(event.target as HTMLElement).classList.contains('draft-row-main')) return
    const index = Number(row.dataset.rowIndex)
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key]
    let next: number | null = step === undefined ? null : index + step
    if (event.key === 'Home') next = 0
    if (event.key === 'End') next = drafts.length - 1
    if (next === null) return
    event.preventDefault()
    next = Math.max(0, Math.min(drafts.length - 1, next))
    scrollIntoView(next)
    setFocusIndex(next)
  }

  const count = drafts.length + (more ? 1 : 0)
  const { first, last } = visibleRange(scrollTop, viewport, count)
  const moreInView = more !== undefined && last === count
  useEffect(() => {
    if (moreInView) more.reached()
  }, [moreInView])
  const rows: ReactNode[] = []
  for (let i = first; i < last; i++) {
    const draft = drafts[i]
    if (!draft) continue
    rows.push(
      <li
        key={draft.id}
        data-row-index={i}
        aria-setsize={drafts.length}
        aria-posinset={i + 1}
        style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}
        className="draft-row-slot"
      >
        <DraftRow draft={draft} selected={draft.id === selectedId} onOpen={onOpen} actions={actions} now={now} />
      </li>,
    )
  }
  if (moreInView) {
    rows.push(
      <li key="more" aria-busy="true" style={{ transform: `translateY(${drafts.length * ROW_HEIGHT}px)` }} className="draft-row-slot draft-list-more">
        {more.label}
      </li>,
    )
  }

  return (
    <div className="draft-list" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul aria-label={label} style={{ height: count * ROW_HEIGHT }} onKeyDown={onKeyDown}>
        {rows}
      </ul>
    </div>
  )
}

function DraftRow({
  draft,
  selected,
  onOpen,
  actions,
  now,
}: {
  draft: DraftSummary
  selected: boolean
  onOpen(draft: DraftSummary): void
  actions: RowAction[]
  now: number
}) {
  const { t, i18n } = useTranslation()
  const [menuOpen, setMenuOpen] = useState(false)
  const moreButton = useRef<HTMLButtonElement>(null)
  const title = draft.title.trim() || t('library.untitled')
  const edited = draft.trashedAt ?? draft.updatedAt
  return (
    <div className={`draft-row${selected ? ' is-selected' : ''}`}>
      <button
        type="button"
        className="draft-row-main"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onOpen(draft)}
        title={draft.title}
      >
        <span className={`draft-row-title${draft.title.trim() ? '' : ' is-untitled'}`} lang={draft.language}>
          {title}
        </span>
        {draft.preview.trim() && (
          <span className="draft-row-preview" lang={draft.language}>
            {draft.preview}
          </span>
        )}
        <span className="draft-row-meta">
          <span className={`status-badge status-${draft.status}`}>{t(`status.${draft.status}`)}</span>
          <time dateTime={new Date(edited).toISOString()} title={formatDateTime(edited, i18n.language)}>
            {draft.trashedAt === null
              ? formatLastEdited(edited, now, i18n.language)
              : t('library.trashedAt', { when: formatLastEdited(edited, now, i18n.language) })}
          </time>
          {draft.tags.length > 0 && (
            <span className="draft-row-tags">{draft.tags.map((tag) => `#${tag}`).join(' ')}</span>
          )}
        </span>
      </button>
      <button
        ref={moreButton}
        type="button"
        className="icon-button draft-row-more"
        aria-label={t('library.moreActions', { title })}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((open) => !open)}
      >
        <MoreHorizontal size={16} aria-hidden />
      </button>
      {menuOpen && <RowMenu draft={draft} actions={actions} anchor={moreButton} onClose={() => setMenuOpen(false)} />}
    </div>
  )
}

/**
 * The row's action menu, rendered into <body>: the rows are transformed (windowing), which
 * would make them the containing block of a fixed-position menu and clip it.
 */
function RowMenu({
  draft,
  actions,
  anchor,
  onClose,
}: {
  draft: DraftSummary
  actions: RowAction[]
  anchor: RefObject<HTMLButtonElement | null>
  onClose(): void
}) {
  const ref = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null)
  useLayoutEffect(() => {
    const box = anchor.current?.getBoundingClientRect()
    const menu = ref.current?.getBoundingClientRect()
    if (!box || !menu) return
    const below = box.bottom + 4
    const top = below + menu.height > window.innerHeight ? Math.max(4, box.top - menu.height - 4) : below
    setPosition({ top, left: Math.max(4, box.right - menu.width) })
  }, [anchor])
  const close = useRef(onClose)
  close.current = onClose
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node
      if (!ref.current?.contains(target) && !anchor.current?.contains(target)) close.current()
    }
    // A fixed menu would float away from its row when the list scrolls: close it instead.
    const onScroll = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) close.current()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('scroll', onScroll, true)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('scroll', onScroll, true)
    }
  }, [anchor])
  function onKeyDown(event: React.KeyboardEvent) {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = items.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
      anchor.current?.focus()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      event.stopPropagation()
      const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length
      items[next]?.focus()
    } else if (event.key === 'Tab') {
      onClose()
    }
  }
  return createPortal(
    <div
      className="menu"
      role="menu"
      ref={ref}
      onKeyDown={onKeyDown}
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
    >
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          role="menuitem"
          className={`menu-item${action.danger ? ' is-danger' : ''}`}
          onClick={() => {
            onClose()
            action.run(draft)
          }}
        >
          {action.label}
        </button>
      ))}
    </div>,
    document.body,
  )
}
