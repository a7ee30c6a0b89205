import DOMPurify from 'dompurify'
import type { EditorDoc } from '@shared/domain'
import { fromHtml } from '@shared/export/html/from-html'
import { fromMarkdown } from '@shared/export/markdown/from-markdown'

/** The importers a paste goes through (paste.ts decides which); a chunk of its own, loaded after the start. */
export function convertPaste(source: 'html' | 'markdown', html: string, text: string, win: typeof window): EditorDoc {
  return source === 'html' ? fromHtml(html, win).doc : fromMarkdown(text, { win }).doc
}

/** HTML that ProseMirror parses itself (a copy inside Longhand, HTML dropped in): sanitized before it even parses it. */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html)
}
