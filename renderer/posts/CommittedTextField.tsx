import { useEffect, useId, useState } from 'react'

/**
 * A settings text field that stores its value only when the writer leaves it or presses Enter,
 * and only when `parse` accepts it; otherwise it says what is wrong under the field.
 */
export function CommittedTextField({
  label,
  value,
  type,
  placeholder,
  inline = false,
  parse,
  onCommit,
  error,
  hint,
}: {
  label: string
  value: string
  type: 'text' | 'url'
  placeholder: string
  inline?: boolean
  /** The value to store for this text, or null when it is not valid. */
  parse(text: string): string | null
  onCommit(value: string): void
  /** Shown under the field while the text is not valid. */
  error: string
  /** Shown under the field otherwise; gets the text as typed so far. */
  hint(text: string): string
}) {
  const id = useId()
  const [text, setText] = useState(value)
  const [invalid, setInvalid] = useState(false)
  useEffect(() => setText(value), [value])
  const commit = () => {
    const next = parse(text)
    setInvalid(next === null)
    if (next === null) return
    setText(next)
    if (next !== value) onCommit(next)
  }
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span id={`${id}-hint`} className={invalid ? 'field-error' : 'field-hint'}>
        {invalid ? error : hint(text)}
      </span>
    </div>
  )
}
