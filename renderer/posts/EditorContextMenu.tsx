import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'

export interface MenuItem {
  id: string
  label: string
  shortcut?: string
  run(): void
}

/**
 * The editor's context menu where there is something to make posts from (a selection, a marked
 * passage). Opened by right-click, Shift+F10 or the menu key; arrow keys move, Esc closes and
 * gives the focus back to the text.
 */
export function EditorContextMenu({
  at,
  items,
  onClose,
}: {
  at: { x: number; y: number }
  items: MenuItem[]
  onClose(restoreFocus: boolean): void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null)
  const close = useRef(onClose)
  close.current = onClose

  useLayoutEffect(() => {
    const menu = ref.current?.getBoundingClientRect()
    if (!menu) return
    const top = at.y + menu.height > window.innerHeight - 4 ? Math.max(4, at.y - menu.height) : at.y
    const left = Math.max(4, Math.min(at.x, window.innerWidth - menu.width - 4))
    setPosition({ top, left })
  }, [at])

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) close.current(false)
    }
    const onScroll = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) close.current(false)
    }
    const onBlur = () => close.current(false)
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('scroll', onScroll, true)
    window.addEventListener('blur', onBlur)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('scroll', onScroll, true)
      window.removeEventListener('blur', onBlur)
    }
  }, [])

  function onKeyDown(event: React.KeyboardEvent) {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = buttons.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose(true)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length
      buttons[next]?.focus()
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      buttons[event.key === 'Home' ? 0 : buttons.length - 1]?.focus()
    } else if (event.key === 'Tab') {
      event.preventDefault()
      onClose(true)
    }
  }

  return createPortal(
    <div
      ref={ref}
      className="menu editor-context-menu"
      role="menu"
      aria-label={t('posts.contextMenu.label')}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      style={position ? { top: position.top, left: position.left } : { top: at.y, left: at.x, visibility: 'hidden' }}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          className="menu-item"
          onClick={() => {
            onClose(false)
            item.run()
          }}
        >
          <span>{item.label}</span>
          {item.shortcut && <kbd className="menu-shortcut">{item.shortcut}</kbd>}
        </button>
      ))}
    </div>,
    document.body,
  )
}
