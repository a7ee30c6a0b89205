import type { Draft, DraftId, JournalNote, Post } from '@shared/domain'
import {
  collectAssetIds,
  exportMetaFromDraft,
  toHtml,
  toHtmlBody,
  toMarkdownBody,
  toMarkdownWithImages,
  postsToCsv,
  postsToMarkdown,
  type AssetMap,
  type MarkdownImageMode,
  type PostForExport,
} from '@shared/export'
import type { ExportFile, ExportKind } from '@shared/ipc/channels/transfer'
import { isPlatformId, PLATFORMS } from '@shared/platforms'
import type { Api } from '../api/client'

export type ExportFormat = 'html' | 'markdown'

export interface ExportSource {
  draft: Draft
  assets: AssetMap
}

/** What an export produces, ready for `export.save` (desktop) or a download (browser harness). */
export interface RenderedExport {
  kind: ExportKind
  suggestedName: string
  files: ExportFile[]
}

/** The draft as stored, with the bytes of every image it shows (the exporters are synchronous). */
export async function loadExportSource(api: Api, draftId: DraftId): Promise<ExportSource> {
  const draft = await api.invoke('drafts.get', { id: draftId })
  const assets: Record<string, AssetMap[string]> = {}
  await Promise.all(
    collectAssetIds(draft.doc).map(async (id) => {
      const asset = await api.invoke('assets.get', { id })
      assets[id] = { mime: asset.mime, dataBase64: asset.dataBase64 }
    }),
  )
  return { draft, assets }
}

export function exportName(draft: Pick<Draft, 'title'>, fallback: string): string {
  return draft.title.trim() || fallback
}

/**
 * One draft as a file. HTML is one self-contained page (images inlined), its body passed
 * through DOMPurify in this window as a second lock. Markdown carries YAML front matter and its
 * images either inside (data URIs) or as files in `images/` beside it.
 */
export function renderExport(source: ExportSource, format: ExportFormat, images: MarkdownImageMode, win: typeof window, fallbackName: string): RenderedExport {
  const meta = exportMetaFromDraft(source.draft, source.assets)
  const suggestedName = exportName(source.draft, fallbackName)
  if (format === 'html') {
    const text = toHtml(source.draft.doc, meta, { win, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })
    return { kind: 'html', suggestedName, files: [{ role: 'document', text }] }
  }
  const { markdown, files } = toMarkdownWithImages(source.draft.doc, meta, { images })
  return {
    kind: 'markdown',
    suggestedName,
    files: [{ role: 'document', text: markdown }, ...files.map((f): ExportFile => ({ role: 'image', path: f.path, dataBase64: f.dataBase64 }))],
  }
}

/** "Copy as HTML" (the body only, for a blog editor) and "Copy as Markdown" (no front matter). */
export function renderForClipboard(source: ExportSource, format: ExportFormat, win: typeof window): string {
  const meta = exportMetaFromDraft(source.draft, source.assets)
  return format === 'html' ? toHtmlBody(source.draft.doc, meta, { win }) : toMarkdownBody(source.draft.doc, meta)
}

const MIME: Record<ExportKind, string> = {
  html: 'text/html;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
}
const EXTENSION: Record<ExportKind, string> = { html: '.html', markdown: '.md', csv: '.csv' }

/** A file name for a download: the browser asks nothing, so it must already be a name. */
export function downloadName(suggested: string, kind: ExportKind): string {
  const stem = suggested.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').replace(/^[.\s]+/, '').slice(0, 120).replace(/[.\s]+$/, '')
  return `${stem || 'Longhand'}${EXTENSION[kind]}`
}

/** The browser harness has no save dialog: the document becomes a download. */
export function download(win: typeof window, rendered: RenderedExport): string {
  const document = rendered.files.find((f) => f.role === 'document')
  if (!document || document.role !== 'document') throw new Error('nothing to download')
  const name = downloadName(rendered.suggestedName, rendered.kind)
  const url = win.URL.createObjectURL(new Blob([document.text], { type: MIME[rendered.kind] }))
  const link = win.document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  win.document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the URL; it may go after the click's task.
  win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000)
  return name
}

export type Delivery = { status: 'saved'; where: string } | { status: 'downloaded'; where: string } | { status: 'cancelled' }

/** Desktop: the native save dialog and an atomic write in main. Browser: a download. */
export async function deliver(api: Api, win: typeof window, rendered: RenderedExport): Promise<Delivery> {
  if (api.shell === 'electron') {
    const result = await api.invoke('export.save', rendered)
    if (result.status === 'saved') return { status: 'saved', where: result.path }
    if (result.status === 'cancelled') return { status: 'cancelled' }
  }
  return { status: 'downloaded', where: download(win, rendered) }
}

/** HTML goes to the clipboard as rich text and as its source; Markdown as plain text. */
export async function copyToClipboard(win: typeof window, text: string, format: ExportFormat): Promise<void> {
  const clipboard = win.navigator.clipboard
  if (!clipboard) throw new Error('no clipboard access in this window')
  if (format === 'html' && typeof win.ClipboardItem === 'function' && clipboard.write) {
    await clipboard.write([
      new win.ClipboardItem({ 'text/html': new Blob([text], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
    ])
    return
  }
  await clipboard.writeText(text)
}

export type PostsFormat = 'markdown' | 'csv'

/** A draft's saved posts as it stands: to show whether there is anything to export. */
export async function loadPosts(api: Api, draftId: DraftId): Promise<Post[]> {
  return (await api.invoke('posts.listForDraft', { draftId })).posts
}

/**
 * The draft's saved posts as one file: Markdown with a section per platform, or CSV for a
 * spreadsheet. A thread's parts stay together, a blank line between them.
 */
export function renderPostsExport(
  posts: readonly Post[],
  format: PostsFormat,
  title: string,
  fileName: string,
  notes: readonly JournalNote[] = [],
): RenderedExport {
  const forExport: PostForExport[] = posts.map((post) => ({
    // The journal lists newest first; under a post they read in the order things came back.
    notes: notes
      .filter((note) => note.postId === post.id)
      .reverse()
      .map((note) => ({ notedOn: note.notedOn, kind: note.kind, text: note.text })),
    platform: post.platform,
    style: post.style,
    text: post.parts.join('\n\n'),
    state: post.state,
    plannedFor: post.plannedFor,
    postedAt: post.postedAt,
    postedUrl: post.postedUrl,
  }))
  const text =
    format === 'csv'
      ? postsToCsv(forExport)
      : postsToMarkdown(forExport, { title, platformLabel: (id) => (isPlatformId(id) ? PLATFORMS[id].name : id) })
  return { kind: format, suggestedName: fileName, files: [{ role: 'document', text }] }
}
