import { useRef } from 'react'

/**
 * A vertical splitter between two panes: drag with the pointer or move with the arrow keys
 * (ARIA "window splitter" pattern). Reports the width live, and once more when done so the
 * caller can persist it without writing settings on every pixel.
 */
export function PaneSplitter({
  label,
  value,
  min,
  max,
  onChange,
  onCommit,
  invert = false,
}: {
  label: string
  value: number
  min: number
  max: number
  onChange(width: number): void
  onCommit(width: number): void
  /** The pane is to the right of the splitter (the posts pane): moving left makes it wider. */
  invert?: boolean
}) {
  const direction = invert ? -1 : 1
  const drag = useRef<{ startX: number; startValue: number; last: number } | null>(null)
  const clamp = (n: number) => Math.round(Math.min(max, Math.max(min, n)))
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      tabIndex={0}
      className="pane-splitter"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId)
        drag.current = { startX: e.clientX, startValue: value, last: value }
      }}
      onPointerMove={(e) => {
        if (!drag.current) return
        const next = clamp(drag.current.startValue + direction * (e.clientX - drag.current.startX))
        drag.current.last = next
        onChange(next)
      }}
      onPointerUp={() => {
        if (drag.current) onCommit(drag.current.last)
        drag.current = null
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 40 : 10
        const next = e.key === 'ArrowLeft' ? clamp(value - direction * step) : e.key === 'ArrowRight' ? clamp(value + direction * step) : null
        if (next === null) return
        e.preventDefault()
        onChange(next)
        onCommit(next)
      }}
    />
  )
}
