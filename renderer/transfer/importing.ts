import type { DraftId, DraftSummary, Language } from '@shared/domain'
import { importFile, MAX_IMPORT_BYTES, type ImportErrorCode } from '@shared/export'
import { LonghandError } from '@shared/ipc'
import type { OpenedFile } from '@shared/ipc/channels/transfer'
import type { Api } from '../api/client'
import { base64ToBytes } from '../editor/assets'

/** A file to import: from <input type=file>, a drop, or one the OS opened with Longhand. */
export interface ImportSource {
  name: string
  bytes: Uint8Array
}

/** Why a file created nothing; each maps to a translated message. */
export type ImportFailure = ImportErrorCode | 'not-found' | 'unreadable' | 'storage'

export type ImportResult =
  | { name: string; ok: true; draft: DraftSummary; replaced: boolean }
  | { name: string; ok: false; reason: ImportFailure; detail: string }

export interface ImportOptions {
  /** Language for drafts whose file does not say (the UI language). */
  language: Language
  /** Replace this draft's text with the (single) file instead of creating a draft. */
  replaceDraftId?: DraftId
}

/**
 * Imports files one by one: each is decoded, converted and sanitized here (DOMPurify needs
 * this window's DOM), then stored through `import.create`, which cleans it once more. A file
 * that fails — not text, too large, broken front matter, a storage error — is reported and
 * creates nothing; the others go on.
 */
export async function importSources(api: Api, win: typeof window, sources: readonly ImportSource[], options: ImportOptions): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  for (const source of sources) {
    const outcome = importFile({ name: source.name, bytes: source.bytes }, win)
    if (!outcome.ok) {
      results.push({ name: source.name, ok: false, reason: outcome.error.code, detail: outcome.error.message })
      continue
    }
    const { doc, meta } = outcome.draft
    try {
      const stored = await api.invoke('import.create', {
        doc,
        title: meta.title,
        tags: meta.tags,
        status: meta.status ?? 'draft',
        language: meta.language ?? options.language,
        description: meta.description ?? '',
        canonicalUrl: meta.canonicalUrl ?? '',
        ...(meta.createdAt !== undefined && meta.createdAt >= 0 ? { createdAt: Math.round(meta.createdAt) } : {}),
        ...(options.replaceDraftId !== undefined ? { replaceDraftId: options.replaceDraftId } : {}),
      })
      results.push({ name: source.name, ok: true, draft: stored.draft, replaced: stored.replaced })
    } catch (error) {
      results.push({ name: source.name, ok: false, reason: 'storage', detail: error instanceof LonghandError || error instanceof Error ? error.message : String(error) })
    }
  }
  return results
}

/** Files handed over by main (opened with Longhand, or chosen in the native dialog). */
export function sourcesFromOpened(files: readonly OpenedFile[]): { sources: ImportSource[]; failures: ImportResult[] } {
  const sources: ImportSource[] = []
  const failures: ImportResult[] = []
  for (const file of files) {
    if (file.ok) sources.push({ name: file.name, bytes: base64ToBytes(file.bytesBase64) })
    else failures.push({ name: file.name, ok: false, reason: file.code, detail: file.message })
  }
  return { sources, failures }
}

/** Files from <input type=file> or a drop. Files over the limit are refused before they are read. */
export async function sourcesFromFiles(files: readonly File[]): Promise<{ sources: ImportSource[]; failures: ImportResult[] }> {
  const sources: ImportSource[] = []
  const failures: ImportResult[] = []
  for (const file of files) {
    if (file.size > MAX_IMPORT_BYTES) failures.push({ name: file.name, ok: false, reason: 'too-large', detail: `${file.size} bytes` })
    else sources.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
  }
  return { sources, failures }
}

export { IMPORT_ACCEPT } from './importAccept'
