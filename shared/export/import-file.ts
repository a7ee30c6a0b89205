import { editorDocSchema, MAX_TITLE_LENGTH, type EditorDoc } from '../domain'
import { blocksFromInline, editorDoc, linesToInline, type ResolveImage } from './doc-build'
import { ImportError, type ImportErrorCode } from './errors'
import type { HtmlWindow } from './html/dom'
import { fromHtml } from './html/from-html'
import { fromMarkdown } from './markdown/from-markdown'
import { cleanLine, type ImportedMeta } from './meta'
import { NODE } from './schema'
import { MAX_IMPORT_BYTES, importKindOf, type ImportKind } from './import-kind'

export { MAX_IMPORT_BYTES, IMPORT_EXTENSIONS, importKindOf, type ImportKind } from './import-kind'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface ImportFileInput {
  /** File name with extension; only the extension is used to decide the kind (and the title fallback). */
  name: string
  bytes: Uint8Array
}

export interface ImportFileOptions {
  maxBytes?: number
  resolveImage?: ResolveImage
}

export interface ImportedDraft {
  kind: ImportKind
  encoding: TextEncodingName
  doc: EditorDoc
  /** `title` is always set: front matter / <title>, else the first level-1 heading, else the file name. */
  meta: ImportedMeta & { title: string }
}

export type ImportOutcome =
  | { ok: true; draft: ImportedDraft }
  | { ok: false; error: { code: ImportErrorCode; message: string } }

function hasBytes(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

/** UTF-16 without a byte order mark: ASCII-heavy text has a zero in every other byte. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (n < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Control characters that never occur in text files (tab, newlines and form feed do). */
const BINARY_CHARS = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536)
  if (sample.includes('\u0000')) return true
  return (sample.match(BINARY_CHARS)?.length ?? 0) > sample.length * 0.01
}

/**
 * Bytes to text. A byte order mark decides (UTF-8, UTF-16 LE/BE); without one, UTF-16 is
 * recognised by its zero bytes, then strict UTF-8 is tried, then Windows-1252 (what older
 * Windows editors save German text in). Binary data is refused.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  let encoding: TextEncodingName
  let body = bytes
  if (hasBytes(bytes, 0xef, 0xbb, 0xbf)) [encoding, body] = ['utf-8', bytes.subarray(3)]
  else if (hasBytes(bytes, 0xff, 0xfe)) [encoding, body] = ['utf-16le', bytes.subarray(2)]
  else if (hasBytes(bytes, 0xfe, 0xff)) [encoding, body] = ['utf-16be', bytes.subarray(2)]
  else encoding = guessUtf16(bytes) ?? 'utf-8'
  let text = decodeWith(encoding, body)
  if (text === null && encoding === 'utf-8' && body === bytes && !bytes.includes(0)) {
    encoding = 'windows-1252'
    text = decodeWith(encoding, body)
  }
  if (text === null) throw new ImportError('not-text', `The file is not valid ${encoding} text.`)
  if (looksBinary(text)) throw new ImportError('not-text', 'The file contains binary data, not text.')
  return { text, encoding }
}

/** Plain text: blank lines separate paragraphs, single line breaks stay line breaks. */
export function textToDoc(text: string): EditorDoc {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
    .split(/\n[ \t\f]*\n/)
    .flatMap((block) => blocksFromInline(linesToInline(block)))
  return editorDoc(blocks)
}

function firstHeadingText(doc: EditorDoc): string {
  const heading = doc.content.find((n) => n.type === NODE.heading && n.attrs?.level === 1)
  return (heading?.content ?? []).map((n) => n.text ?? '').join('')
}

function fileStem(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? name
  return base.replace(/\.[^.]+$/, '')
}

/**
 * A dropped or opened file as a new draft, or a typed reason why nothing is created.
 * Everything passes through the sanitizing importers; the result is checked against the
 * editor document schema before it is returned.
 */
export function importFile(file: ImportFileInput, win: HtmlWindow, options: ImportFileOptions = {}): ImportOutcome {
  try {
    const kind = importKindOf(file.name)
    if (!kind) throw new ImportError('unsupported-type', 'Only .md, .markdown, .html, .htm and .txt files can be imported.')
    const limit = options.maxBytes ?? MAX_IMPORT_BYTES
    if (file.bytes.byteLength > limit) {
      throw new ImportError('too-large', `The file is ${(file.bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${Math.round(limit / 1048576)} MB.`)
    }
    const { text, encoding } = decodeText(file.bytes)
    const imported =
      kind === 'markdown'
        ? fromMarkdown(text, { win, resolveImage: options.resolveImage })
        : kind === 'html'
          ? fromHtml(text, win, { resolveImage: options.resolveImage })
          : { doc: textToDoc(text), meta: { tags: [] } satisfies ImportedMeta }
    const checked = editorDocSchema.safeParse(imported.doc)
    if (!checked.success) throw new ImportError('malformed', `The file's structure cannot be represented: ${checked.error.issues[0]?.message ?? 'invalid document'}`)
    const title = imported.meta.title || cleanLine(firstHeadingText(imported.doc), MAX_TITLE_LENGTH) || cleanLine(fileStem(file.name), MAX_TITLE_LENGTH)
    return { ok: true, draft: { kind, encoding, doc: imported.doc, meta: { ...imported.meta, title } } }
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: { code: error.code, message: error.message } }
    throw error
  }
}
