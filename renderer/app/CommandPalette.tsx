import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Command, matchCommands } from './commands'
import { Dialog } from './Dialog'

/** Ctrl/Cmd+Shift+P: type to filter, arrows to choose, Enter to run (ARIA combobox + listbox). */
export function CommandPalette({ commands, onClose }: { commands: Command[]; onClose(): void }) {
  const { t } = useTranslation()
  const listId = useId()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const matches = useMemo(() => matchCommands(commands, query), [commands, query])
  const current = Math.min(active, Math.max(0, matches.length - 1))
  const run = (command: Command | undefined) => {
    if (!command) return
    onClose()
    command.run()
  }
  return (
    <Dialog title={t('palette.title')} onClose={onClose} className="palette" initialFocus="input">
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={matches[current] ? `${listId}-${matches[current].id}` : undefined}
        aria-label={t('palette.inputLabel')}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            const step = e.key === 'ArrowDown' ? 1 : -1
            setActive((current + step + matches.length) % Math.max(1, matches.length))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            run(matches[current])
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={t('palette.listLabel')} className="palette-list">
        {matches.map((command, i) => (
          <li
            key={command.id}
            id={`${listId}-${command.id}`}
            role="option"
            aria-selected={i === current}
            className="palette-item"
            onMouseMove={() => setActive(i)}
            onClick={() => run(command)}
          >
            <span>{command.label}</span>
            {command.shortcut && <kbd>{command.shortcut}</kbd>}
          </li>
        ))}
        {matches.length === 0 && <li className="palette-empty">{t('palette.noMatch')}</li>}
      </ul>
    </Dialog>
  )
}
