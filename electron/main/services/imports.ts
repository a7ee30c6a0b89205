import {
  assetUrl,
  MAX_ASSET_BYTES,
  type DraftStatus,
  type DraftSummary,
  type EditorDoc,
  type Language,
} from '@shared/domain'
import { cleanImportedDoc, collectImageSources, normalizeTags, parseDataImageUrl, replaceImageSources, safeCanonicalUrl } from '@shared/export'
import { LonghandError } from '@shared/ipc'
import type { Assets } from './assets'
import type { Clock } from './clock'
import type { Drafts } from './drafts'
import type { Revisions } from './revisions'
import type { Db } from './store/database'

export interface ImportedDraftInput {
  doc: EditorDoc
  title: string
  tags: string[]
  status: DraftStatus
  language: Language
  description: string
  canonicalUrl: string
  /** The date the file gave (front matter `date`), epoch ms. */
  createdAt?: number
  /** Replace this draft's text instead of creating a draft; its text is snapshotted first. */
  replaceDraftId?: number
}

/**
 * Stores what the renderer converted from a file or a paste. The renderer did the work (it has
 * the DOM DOMPurify needs); this is the gate: the document is cleaned again without a DOM
 * (cleanImportedDoc), inline images become stored images (checked by their bytes) or, if they
 * cannot be stored, their alt text. Everything happens in one transaction, so a refused import
 * leaves no trace.
 */
export class Imports {
  constructor(
    private readonly db: Db,
    private readonly drafts: Drafts,
    private readonly revisions: Revisions,
    private readonly assets: Assets,
    private readonly now: Clock,
  ) {}

  create(input: ImportedDraftInput): { draft: DraftSummary; replaced: boolean } {
    return this.db.transaction(() => {
      if (input.replaceDraftId !== undefined) this.drafts.summary(input.replaceDraftId) // not-found before anything is stored
      const doc = this.storeInlineImages(cleanImportedDoc(input.doc))
      if (input.replaceDraftId !== undefined) {
        const id = input.replaceDraftId
        this.revisions.snapshot(id, 'before-import')
        this.db.prepare('UPDATE draft_bodies SET doc = ? WHERE draft_id = ?').run(JSON.stringify(doc), id)
        this.db.prepare('UPDATE drafts SET updated_at = ?, text_stale = 1 WHERE id = ?').run(this.now(), id)
        return { draft: this.drafts.summary(id), replaced: true }
      }
      const created = this.drafts.create({
        title: input.title,
        status: input.status,
        tags: normalizeTags(input.tags),
        language: input.language,
        doc,
        description: input.description,
        canonicalUrl: safeCanonicalUrl(input.canonicalUrl) ?? '',
      })
      // The file's own date is when the text was written; "last edited" is now, so the
      // imported draft shows up at the top of the library.
      if (input.createdAt !== undefined) this.db.prepare('UPDATE drafts SET created_at = ? WHERE id = ?').run(input.createdAt, created.id)
      return { draft: this.drafts.summary(created.id), replaced: false }
    })()
  }

  private storeInlineImages(doc: EditorDoc): EditorDoc {
    const replacements = new Map<string, string>()
    for (const src of collectImageSources(doc)) {
      const image = parseDataImageUrl(src)
      if (!image) continue
      try {
        if (Math.floor((image.dataBase64.length * 3) / 4) > MAX_ASSET_BYTES + 3) throw new LonghandError('too-large', 'image too large')
        replacements.set(src, assetUrl(this.assets.put(image.mime, image.dataBase64).id))
      } catch (error) {
        if (!(error instanceof LonghandError)) throw error
        // Not really that image type, or too large: the image goes, its alt text stays.
        replacements.set(src, '')
      }
    }
    if (replacements.size === 0) return doc
    // An emptied source is refused by the cleaner, which keeps the alt text in its place.
    return cleanImportedDoc(replaceImageSources(doc, replacements))
  }
}
