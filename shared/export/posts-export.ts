import type * as Md from 'mdast'
import { toMarkdown as serializeMdast } from 'mdast-util-to-markdown'
import { formatDate } from './meta'
import { safeLinkHref } from './urls'

/** A saved post as the exporters need it (a subset of whatever the posts feature stores). */
export interface PostForExport {
  /** Platform id, e.g. "x", "bluesky", "linkedin". */
  platform: string
  /** The composer style the post was written in (e.g. "thread", "teaser"); free text here. */
  style?: string | null
  text: string
  /** e.g. "draft", "planned", "posted". */
  state: string
  /**
   * Epoch milliseconds, or a day as the author's calendar shows it ("2026-03-14",
   * "2026-03-14T08:30": local, no zone, as the posts feature stores it), written as it is.
   */
  plannedFor?: number | string | null
  postedAt?: number | null
  postedUrl?: string | null
  /** The dialog journal's notes on this post (what came back), in the order to show them. */
  notes?: readonly NoteForExport[]
}

/** A journal note as the exporters need it. */
export interface NoteForExport {
  /** The author's local day, "2026-11-23". */
  notedOn: string
  /** e.g. "reply", "question", "person", "idea". */
  kind: string
  text: string
}

/** "2026-11-23 · reply: text" — one line per note; the note's own line breaks become spaces. */
function noteLine(note: NoteForExport): string {
  return `${note.notedOn} · ${note.kind}: ${note.text.replace(/\s*\r?\n\s*/g, ' ').trim()}`
}

export interface PostsMarkdownOptions {
  /** Heading above everything, usually the draft's title. */
  title?: string
  /** Display name of a platform id; defaults to the id. */
  platformLabel?: (platform: string) => string
}

function plannedText(value: number | string): string {
  return typeof value === 'string' ? value : formatDate(value)
}

function details(post: PostForExport): string {
  const parts = [post.state]
  if (post.style) parts.push(post.style)
  if (post.plannedFor != null) parts.push(`planned ${plannedText(post.plannedFor)}`)
  if (post.postedAt != null) parts.push(`posted ${formatDate(post.postedAt)}`)
  return parts.join(' · ')
}

/** One paragraph per block of the post; single newlines stay line breaks. */
function postBlocks(text: string): Md.Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((block) => block.trim())
    .map((block) => ({
      type: 'paragraph',
      children: block.split('\n').flatMap((line, i): Md.PhrasingContent[] => (i > 0 ? [{ type: 'break' }, { type: 'text', value: line }] : [{ type: 'text', value: line }])),
    }))
}

/**
 * The posts as Markdown: a section per platform (in first-seen order), a list item per post
 * with its text verbatim (hashtags, asterisks and all are escaped, not interpreted) and a
 * line with its state, dates and link.
 */
export function postsToMarkdown(posts: readonly PostForExport[], options: PostsMarkdownOptions = {}): string {
  const label = options.platformLabel ?? ((id: string) => id)
  const byPlatform = new Map<string, PostForExport[]>()
  for (const post of posts) byPlatform.set(post.platform, [...(byPlatform.get(post.platform) ?? []), post])
  const children: Md.RootContent[] = []
  if (options.title) children.push({ type: 'heading', depth: 1, children: [{ type: 'text', value: options.title }] })
  for (const [platform, list] of byPlatform) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: label(platform) }] })
    children.push({
      type: 'list',
      ordered: false,
      spread: true,
      children: list.map((post): Md.ListItem => {
        const info: Md.PhrasingContent[] = [{ type: 'emphasis', children: [{ type: 'text', value: details(post) }] }]
        const url = post.postedUrl ? safeLinkHref(post.postedUrl) : null
        if (url) info.push({ type: 'text', value: ' · ' }, { type: 'link', url, children: [{ type: 'text', value: url }] })
        const children: Md.BlockContent[] = [...postBlocks(post.text), { type: 'paragraph', children: info }]
        // The notes sit under their post, one list item each, text verbatim (escaped).
        if (post.notes?.length) {
          children.push({
            type: 'list',
            ordered: false,
            spread: false,
            children: post.notes.map((note): Md.ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: noteLine(note) }] }] })),
          })
        }
        return { type: 'listItem', spread: true, children }
      }),
    })
  }
  if (children.length === 0) return ''
  return serializeMdast({ type: 'root', children }, { bullet: '-', emphasis: '_', listItemIndent: 'one', resourceLink: false })
}

/** `notes`: the post's journal notes in one cell, a line each (last, so older readers still line up). */
export const POSTS_CSV_COLUMNS = ['platform', 'style', 'state', 'planned_for', 'posted_at', 'posted_url', 'text', 'notes'] as const

/**
 * Spreadsheet programs run cells that start with these as formulas ("CSV injection").
 * Such cells get a leading apostrophe, which they display as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export interface PostsCsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads umlauts correctly. Default true. */
  byteOrderMark?: boolean
}

/** The posts as RFC 4180 CSV (CRLF line ends, quoted where needed), one row per post. */
export function postsToCsv(posts: readonly PostForExport[], options: PostsCsvOptions = {}): string {
  const rows = [POSTS_CSV_COLUMNS.join(',')]
  for (const post of posts) {
    rows.push(
      [
        post.platform,
        post.style ?? '',
        post.state,
        post.plannedFor != null ? plannedText(post.plannedFor) : '',
        post.postedAt != null ? formatDate(post.postedAt) : '',
        post.postedUrl ?? '',
        post.text,
        (post.notes ?? []).map(noteLine).join('\n'),
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return `${options.byteOrderMark === false ? '' : '\ufeff'}${rows.join('\r\n')}\r\n`
}
