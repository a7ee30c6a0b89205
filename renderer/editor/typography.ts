import Typography, { type TypographyOptions } from '@tiptap/extension-typography'
import type { Language } from '@shared/domain'

/**
 * Smart quotes follow the draft's language: German „so“ (and ‚so‘), English “so” (and ‘so’).
 *
 * German closing single quote: the rule that produces it also fires for every apostrophe
 * inside a word ("geht's", "Hans'"), which is far more common in German prose than a
 * nested quotation. So German keeps ’ (the typographic apostrophe) there instead of ‘.
 */
export function typographyOptions(language: Language): Partial<TypographyOptions> {
  if (language === 'de') {
    return {
      openDoubleQuote: '\u201E', // „
      closeDoubleQuote: '\u201C', // “
      openSingleQuote: '\u201A', // ‚
      closeSingleQuote: '\u2019', // ’
    }
  }
  return {}
}

export function typographyFor(language: Language) {
  return Typography.configure(typographyOptions(language))
}
