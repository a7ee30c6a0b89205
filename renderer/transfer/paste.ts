import { Extension } from '@tiptap/core'
import { Fragment, Slice, type Schema } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { assetUrl, type EditorDoc } from '@shared/domain'
import { cleanImportedDoc, enforceUrlPolicy } from '@shared/export/clean-doc'
import { collectImageSources, parseDataImageUrl, type ImageData } from '@shared/export/images'
import type { Api } from '../api/client'

/**
 * Markdown pasted as plain text: headings, fences, quotes, lists of two or more items, or
 * inline **strong**, `code` and [links](…). Deliberately conservative: prose with a date at
 * the start of a line ("3. Juli …") or a lone dash stays plain text.
 */
const MARKDOWN_BLOCK = /^(?:#{1,6}[ \t]+\S|>[ \t]?\S|```|~~~)/m
const MARKDOWN_LIST = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S.*\n[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/m
const MARKDOWN_INLINE = /\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`|!?\[[^\]\n]+\]\([^)\s]+(?:\s+"[^"\n]*")?\)/

export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_BLOCK.test(text) || MARKDOWN_LIST.test(text) || MARKDOWN_INLINE.test(text)
}

/** HTML a code editor puts beside the plain text (VS Code & co.): the source is what counts. */
const CODE_EDITOR_HTML = /white-space:\s*pre/i
/** ProseMirror's own clipboard (a copy inside Longhand): its default paste keeps everything. */
const PROSEMIRROR_HTML = /data-pm-slice/

type PasteSource = 'html' | 'markdown'
type PasteConverters = typeof import('./pasteConverters')

export interface PasteConversionOptions {
  /** Stores an image pasted inline (a data URI) and resolves to its `asset:` URL. */
  storeImage(image: ImageData): Promise<string>
  /** Reports an image that could not be stored (it stays as a "not stored" placeholder). */
  onImageError?(error: unknown): void
}

/** Which importer a paste goes through, or null to leave it to the editor's own handling. */
export function pasteSource(html: string, text: string): PasteSource | null {
  if (html && !PROSEMIRROR_HTML.test(html) && !(CODE_EDITOR_HTML.test(html) && looksLikeMarkdown(text))) return 'html'
  if (text && looksLikeMarkdown(text)) return 'markdown'
  return null
}

/**
 * The importers (DOMPurify, micromark, mdast, yaml) are not part of the first paint: they load
 * once the start is over (the workspace calls this when idle), or with the first paste.
 */
let converters: PasteConverters | null = null
let loading: Promise<PasteConverters> | null = null
export function loadPasteConverters(): Promise<PasteConverters> {
  return (loading ??= import('./pasteConverters').then((module) => (converters = module)))
}

/**
 * HTML that ProseMirror parses itself (editorProps.transformPastedHTML): a copy inside Longhand
 * and HTML dropped in from elsewhere. DOMPurify comes with the importers; a paste waits for
 * them (PasteConversion), and HTML dropped in before they arrived (the first moments after
 * the start) keeps its text only: never unsanitized markup.
 */
export function sanitizePastedHtml(html: string): string {
  if (converters) return converters.sanitizeHtml(html)
  void loadPasteConverters().catch(() => {})
  return textOnly(html)
}

/** The text of some HTML as paragraphs, read from an inert document (nothing runs, nothing loads). */
function textOnly(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  parsed.querySelectorAll('script, style, template, noscript').forEach((element) => element.remove())
  // Blocks and line breaks end a line, as they would on screen.
  parsed.querySelectorAll('br, p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, tr').forEach((element) => element.after('\n'))
  const lines = (parsed.body.textContent ?? '').split(/\n+/).filter((line) => line.trim() !== '')
  const out = parsed.createElement('div')
  for (const line of lines) out.appendChild(parsed.createElement('p')).textContent = line
  return out.innerHTML
}

/**
 * The URL policy on whatever ProseMirror parsed from a paste or drop, whichever path it took:
 * a copy inside Longhand (data-pm-slice) skips our converter to keep its structure, so this
 * is where its remote or relative images become links and refused links lose their mark,
 * exactly as for every other paste. A slice that breaks no rule comes back unchanged.
 */
export function enforceSlicePolicy(slice: Slice, schema: Schema): Slice {
  const content = (slice.content.toJSON() ?? []) as EditorDoc['content']
  const doc: EditorDoc = { type: 'doc', content }
  const policed = enforceUrlPolicy(doc)
  if (policed === doc) return slice
  try {
    const fragment = Fragment.fromJSON(schema, policed.content)
    fragment.forEach((node) => node.check())
    return new Slice(fragment, slice.openStart, slice.openEnd)
  } catch {
    // Dropping an image left a container the schema refuses: fall back to the import gate's
    // rebuild, closed at both ends (structure kept, text kept, nothing remote).
    return new Slice(Fragment.fromJSON(schema, cleanImportedDoc(policed).content), 0, 0)
  }
}

function inCode(state: EditorState): boolean {
  return state.selection.$from.parent.type.spec.code === true
}

/** Swaps an inline image's data URI for its stored asset wherever it sits in the document now. */
function replaceImageSource(view: EditorView, from: string, to: string): void {
  const { tr } = view.state
  view.state.doc.descendants((node, pos) => {
    if (node.type.name === 'image' && node.attrs.src === from) tr.setNodeMarkup(pos, undefined, { ...node.attrs, src: to })
  })
  if (tr.docChanged) view.dispatch(tr.setMeta('addToHistory', false))
}

/**
 * Pasting HTML (from a web page, Word, Google Docs) or Markdown converts it with the same
 * importers files go through: sanitized by DOMPurify, remote images turned into links, styles
 * into marks, Markdown into structure. Inline images are stored in the library afterwards.
 * Inside a code block, from Longhand itself, or for plain prose the editor's own paste runs,
 * and what it parsed still passes the same URL policy (transformPasted).
 */
export const PasteConversion = Extension.create<PasteConversionOptions>({
  name: 'pasteConversion',

  addOptions() {
    return { storeImage: () => Promise.reject(new Error('PasteConversion: storeImage not configured')) }
  },

  addProseMirrorPlugins() {
    const options = this.options
    return [
      new Plugin({
        key: new PluginKey('pasteConversion'),
        props: {
          transformPasted: (slice, view) => enforceSlicePolicy(slice, view.state.schema),
          handlePaste(view, event) {
            const data = event.clipboardData
            if (!data || data.files.length > 0 || inCode(view.state)) return false
            const win = view.dom.ownerDocument.defaultView
            if (!win) return false
            const html = data.getData('text/html')
            const text = data.getData('text/plain')
            const source = pasteSource(html, text)
            if (!source) {
              if (converters || !html) return false
              // A copy inside Longhand before the sanitizer arrived: ProseMirror's own paste, once it is here.
              void loadPasteConverters().then(
                // No clipboard on this second paste: only the editor's own handling runs.
                () => !view.isDestroyed && view.pasteHTML(html, new Event('paste') as ClipboardEvent),
                () => !view.isDestroyed && view.pasteText(text, new Event('paste') as ClipboardEvent),
              )
              return true
            }
            const paste = (loaded: PasteConverters) => insertConverted(view, loaded.convertPaste(source, html, text, win), options)
            if (converters) return paste(converters)
            // Pasted before the importers arrived (the first moments after start): the paste is
            // taken now and inserted as soon as they are here; the clipboard data is copied above.
            void loadPasteConverters().then((loaded) => {
              if (!view.isDestroyed && !paste(loaded)) view.dispatch(view.state.tr.insertText(text).scrollIntoView())
            })
            return true
          },
        },
      }),
    ]
  },
})

/** Puts a converted paste where the selection is; false when the schema cannot hold it. */
function insertConverted(view: EditorView, converted: EditorDoc, options: PasteConversionOptions): boolean {
  let slice: Slice
  try {
    const content = view.state.schema.nodeFromJSON(converted).content
    // Paragraphs at the edges flow into the text around the caret, like a paste of
    // plain text; a heading, list or quote at an edge stays a block of its own.
    const open = (node: typeof content.firstChild) => (node?.type.name === 'paragraph' ? 1 : 0)
    slice = new Slice(content, open(content.firstChild), open(content.lastChild))
  } catch {
    return false // something the schema cannot hold: the editor's own paste does its best
  }
  view.dispatch(view.state.tr.replaceSelection(slice).scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'))
  for (const src of collectImageSources(converted)) {
    const image = parseDataImageUrl(src)
    if (!image) continue
    options.storeImage(image).then(
      (assetSrc) => !view.isDestroyed && replaceImageSource(view, src, assetSrc),
      (error) => options.onImageError?.(error),
    )
  }
  return true
}

/** The extension as the writing editor uses it: inline images go to the library's asset store. */
export function pasteConversion(api: Api, onImageError: (error: unknown) => void) {
  return PasteConversion.configure({
    storeImage: async (image) => assetUrl((await api.invoke('assets.put', { mime: image.mime, dataBase64: image.dataBase64 })).id),
    onImageError,
  })
}
