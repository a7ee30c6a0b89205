import type { DocNode, EditorDoc, JournalNote, Language } from '../domain'
import { isWebUrl } from '../domain/post'
import { journalDe } from '../i18n/journal.de'
import { journalEn } from '../i18n/journal.en'
import { isPlatformId } from '../platforms/ids'
import { profileOf } from '../platforms/profiles'

const STRINGS = { de: journalDe, en: journalEn } as const

/** The note's paragraphs; blank lines in the note separate them. */
function paragraphs(text: string): DocNode[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }))
}

/**
 * "Reply on Mastodon, 2026-11-23, about “Title”": where the note came from. Linked to the live
 * post when the author gave its address (only http/https, the same rule as postedUrl).
 */
export function noteAttribution(note: JournalNote, language: Language): DocNode {
  const strings = STRINGS[language]
  const platform = isPlatformId(note.platform) ? profileOf(note.platform).name : note.platform
  const text = strings.quote.attribution
    .replace('{{kind}}', strings.kinds[note.kind])
    .replace('{{platform}}', platform)
    .replace('{{date}}', note.notedOn)
    .replace('{{title}}', note.draftTitle || strings.untitled)
  const link = note.postedUrl && isWebUrl(note.postedUrl) ? [{ type: 'link', attrs: { href: note.postedUrl } }] : undefined
  return { type: 'paragraph', content: [{ type: 'text', text: `— ${text}`, ...(link ? { marks: link } : {}) }] }
}

/** The note as a blockquote with its reference line: what "insert as quote" puts into a draft. */
export function noteQuote(note: JournalNote, language: Language): DocNode {
  return { type: 'blockquote', content: [...paragraphs(note.text), noteAttribution(note, language)] }
}

/** A new draft's document from a note: the quote, then an empty paragraph to write on. */
export function noteDraftDoc(note: JournalNote, language: Language): EditorDoc {
  return { type: 'doc', content: [noteQuote(note, language), { type: 'paragraph' }] }
}

/** A title for that draft: the note's first line, shortened at a word. */
export function noteDraftTitle(note: JournalNote, max = 80): string {
  const first = note.text.trim().split('\n', 1)[0]!.trim()
  if ([...first].length <= max) return first
  const cut = [...first].slice(0, max).join('')
  const atWord = cut.replace(/\s+\S*$/u, '')
  return `${atWord || cut}…`
}
