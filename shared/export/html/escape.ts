/** Text content: `&`, `<` and `>` escaped, so text can never open a tag. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** A double-quoted attribute value: cannot close the quote or start markup. */
export function escapeAttr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ATTR_ESCAPES[c]!)
}

/** ` name="value"` for each attribute that is not null; names are fixed by the caller. */
export function attrs(values: Record<string, string | number | null | undefined>): string {
  let out = ''
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue
    out += ` ${name}="${escapeAttr(String(value))}"`
  }
  return out
}
