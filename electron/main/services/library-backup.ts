import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import {
  assetIdSchema,
  assetUrl,
  draftStatusSchema,
  editorDocSchema,
  imageMimeSchema,
  languageSchema,
  MAX_TITLE_LENGTH,
  revisionReasonSchema,
  tagsSchema,
  type EditorDoc,
} from '@shared/domain'
import {
  collectImageSources,
  classifyImageSrc,
  gateEditorDoc,
  exportMetaFromDraft,
  mimeForPath,
  parseDataImageUrl,
  replaceImageSources,
  type AssetMap,
  type ImageData,
} from '@shared/export'
import { LonghandError } from '@shared/ipc'
import type { Clock } from './clock'
import { sniffImageType } from './assets'
import { pathInside, writeFolderAtomically } from './files'
import type { SearchIndex } from './search-index'
import type { Db } from './store/database'
import type { SafetyBackups } from './store/safety-backups'

/**
 * The whole library as a folder a person can read and other tools can use:
 *
 *   manifest.json      what is not text: each draft's metadata, version history (metadata),
 *                      images, settings, passages, posts and journal notes
 *   documents.jsonl    the exact editor documents of drafts and versions, one per line
 *   0001-title.md      one Markdown file per draft (front matter + text), images in images/
 *   images/<id>.<ext>  every stored image, named by its content hash
 *
 * Everything is written in a fixed order with fixed names, so backing up, restoring into an
 * empty install and backing up again gives byte-identical files. The Markdown files are for
 * people; restoring uses the exact documents, unless a Markdown file was edited after the
 * backup (its hash no longer matches), in which case the edited Markdown wins.
 */
export const BACKUP_FORMAT = 'longhand-library-backup'
export const BACKUP_VERSION = 1
const MANIFEST = 'manifest.json'
const DOCUMENTS = 'documents.jsonl'
/**
 * Tables of the posts feature and the dialog journal, backed up row by row with whatever
 * columns they have, parents before children (restore deletes them in reverse order).
 */
const ROW_TABLES = ['passages', 'posts', 'journal_notes'] as const

const fileName = z.string().max(255).regex(/^[A-Za-z0-9][A-Za-z0-9._ -]*$/)
const time = z.number().int().min(0).max(8.64e15)

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  drafts: z.array(
    z.object({
      id: z.number().int().positive(),
      file: fileName.regex(/\.md$/),
      title: z.string().max(MAX_TITLE_LENGTH),
      status: draftStatusSchema,
      tags: tagsSchema,
      language: languageSchema,
      description: z.string().max(2000),
      canonicalUrl: z.string().max(2000),
      createdAt: time,
      updatedAt: time,
      trashedAt: time.nullable(),
      markdownSha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  revisions: z.array(
    z.object({
      id: z.number().int().positive(),
      draftId: z.number().int().positive(),
      title: z.string().max(MAX_TITLE_LENGTH),
      wordCount: z.number().int().min(0),
      reason: revisionReasonSchema,
      createdAt: time,
    }),
  ),
  assets: z.array(z.object({ id: assetIdSchema, mime: imageMimeSchema, file: z.string().regex(/^images\/[0-9a-f]{16,64}\.[a-z]+$/), createdAt: time })),
  settings: z.record(z.string().max(100), z.unknown()),
  tables: z.partialRecord(z.enum(ROW_TABLES), z.array(z.record(z.string().max(64), z.union([z.string(), z.number(), z.null()])))).optional(),
})
type Manifest = z.infer<typeof manifestSchema>

const documentLineSchema = z.union([
  z.object({ draft: z.number().int().positive(), doc: z.unknown() }).strict(),
  z.object({ revision: z.number().int().positive(), doc: z.unknown() }).strict(),
])

export interface LibraryBackupInfo {
  name: string
  path: string
  drafts: number
  modifiedAt: number
}

export interface RestoreSummary {
  drafts: number
  revisions: number
  images: number
  /** Drafts whose Markdown file was edited after the backup: restored from the Markdown. */
  fromEditedMarkdown: number
}

interface DraftRow {
  id: number
  title: string
  status: 'idea' | 'draft' | 'published'
  language: 'de' | 'en'
  description: string
  canonical_url: string
  created_at: number
  updated_at: number
  trashed_at: number | null
  doc: string
  tags: string
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')

/** "Über Brücken gehen!" → "ueber-bruecken-gehen": ASCII only, safe on every file system. */
export function slugify(title: string): string {
  const slug = title
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'untitled'
}

export function draftFileName(id: number, title: string): string {
  return `${String(id).padStart(4, '0')}-${slugify(title)}.md`
}

function extensionOf(mime: string): string {
  return { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif' }[mime] ?? 'bin'
}

/** Where an image lives in the backup; the same name the Markdown exporter gives it. */
function imageFile(id: string, mime: string): string {
  return `images/${id.slice(0, 16)}.${extensionOf(mime)}`
}

function backupFolderName(at: number): string {
  return `Longhand backup ${new Date(at).toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-')}`
}

export class LibraryBackup {
  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
    private readonly safetyBackups: SafetyBackups,
    private readonly now: Clock,
  ) {}

  /** Writes a new backup folder inside `parent` and returns its path. */
  async write(parent: string): Promise<{ folder: string; drafts: number }> {
    const { toMarkdownWithImages } = await markdownConverters()
    // One read transaction: a consistent picture of the library, taken quickly.
    const snapshot = this.db.transaction(() => this.readLibrary())()
    const { manifest, inlineImages, knownAssets } = snapshot
    const folder = await writeFolderAtomically(parent, backupFolderName(this.now()), async (put) => {
      // Markdown is the slow part (a few ms per draft): one draft at a time, letting other
      // requests (autosave) through in between, and never the whole library in memory.
      for (const [i, { entry, row, doc }] of snapshot.drafts.entries()) {
        const md = this.markdownOf(toMarkdownWithImages, doc, row, entry.tags, knownAssets, inlineImages)
        entry.markdownSha256 = sha256(md)
        manifest.drafts.push(entry)
        await put(entry.file, md)
        if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve))
      }
      const written = new Set<string>()
      for (const asset of snapshot.manifest.assets) {
        const row = this.db.prepare('SELECT data FROM assets WHERE id = ?').get(asset.id) as { data: Buffer } | undefined
        if (row) await put(asset.file, row.data)
        written.add(asset.file)
      }
      for (const [file, image] of inlineImages) if (!written.has(file)) await put(file, Buffer.from(image.dataBase64, 'base64'))
      await put(DOCUMENTS, snapshot.documents)
      await put(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`)
    })
    return { folder, drafts: manifest.drafts.length }
  }

  private readLibrary() {
    const drafts = this.db
      .prepare(
        `SELECT d.id, d.title, d.status, d.language, d.description, d.canonical_url, d.created_at, d.updated_at, d.trashed_at, b.doc,
           (SELECT json_group_array(tag) FROM (SELECT tag FROM draft_tags t WHERE t.draft_id = d.id ORDER BY position)) AS tags
         FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id ORDER BY d.id`,
      )
      .all() as DraftRow[]
    const assetRows = this.db.prepare('SELECT id, mime, created_at FROM assets ORDER BY id').all() as { id: string; mime: string; created_at: number }[]
    const knownAssets = new Set(assetRows.map((a) => a.id))
    /** Images held inline (data: URLs) in documents: files for the Markdown, not stored assets. */
    const inlineImages = new Map<string, ImageData>()
    const documents: string[] = []
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      drafts: [],
      revisions: [],
      assets: assetRows.map((a) => ({ id: a.id, mime: a.mime as Manifest['assets'][number]['mime'], file: imageFile(a.id, a.mime), createdAt: a.created_at })),
      settings: {},
    }
    const draftEntries = drafts.map((row) => {
      const tags = JSON.parse(row.tags) as string[]
      const entry: Manifest['drafts'][number] = {
        id: row.id,
        file: draftFileName(row.id, row.title),
        title: row.title,
        status: row.status,
        tags,
        language: row.language,
        description: row.description,
        canonicalUrl: row.canonical_url,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        trashedAt: row.trashed_at,
        markdownSha256: '', // set once the Markdown is written
      }
      // The stored JSON as it is, byte for byte.
      documents.push(`{"draft":${row.id},"doc":${row.doc}}`)
      return { entry, row, doc: JSON.parse(row.doc) as EditorDoc }
    })
    const revisions = this.db.prepare('SELECT id, draft_id, title, word_count, reason, created_at, doc FROM revisions ORDER BY id').all() as {
      id: number
      draft_id: number
      title: string
      word_count: number
      reason: Manifest['revisions'][number]['reason']
      created_at: number
      doc: string
    }[]
    for (const r of revisions) {
      manifest.revisions.push({ id: r.id, draftId: r.draft_id, title: r.title, wordCount: r.word_count, reason: r.reason, createdAt: r.created_at })
      documents.push(`{"revision":${r.id},"doc":${r.doc}}`)
    }
    for (const { key, value } of this.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[]) {
      try {
        manifest.settings[key] = JSON.parse(value)
      } catch {
        // An unreadable setting reads as its default anyway; nothing worth keeping.
      }
    }
    const tables: NonNullable<Manifest['tables']> = {}
    for (const table of this.rowTables()) tables[table] = this.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as never
    if (Object.keys(tables).length > 0) manifest.tables = tables
    return { manifest, drafts: draftEntries, knownAssets, inlineImages, documents: documents.length > 0 ? `${documents.join('\n')}\n` : '' }
  }

  private rowTables(): (typeof ROW_TABLES)[number][] {
    const existing = new Set(this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[])
    return ROW_TABLES.filter((t) => existing.has(t))
  }

  /** The draft as Markdown with its images in images/ (named by content hash, shared by all drafts). */
  private markdownOf(toMarkdownWithImages: MarkdownConverters['toMarkdownWithImages'], doc: EditorDoc, row: DraftRow, tags: string[], knownAssets: Set<string>, inlineImages: Map<string, ImageData>): string {
    const assets: Record<string, ImageData> = {}
    const replacements = new Map<string, string>()
    for (const src of collectImageSources(doc)) {
      const source = classifyImageSrc(src)
      if (source.kind === 'asset') {
        if (!knownAssets.has(source.id)) {
          replacements.set(src, '') // an image that is not in the library: only its alt text
          continue
        }
        const asset = this.db.prepare('SELECT mime, data FROM assets WHERE id = ?').get(source.id) as { mime: ImageData['mime']; data: Buffer }
        assets[source.id] = { mime: asset.mime, dataBase64: asset.data.toString('base64') }
      } else if (source.kind === 'data') {
        // Named by content like stored images, so two drafts never claim the same file name.
        const id = sha256(Buffer.from(source.image.dataBase64, 'base64'))
        assets[id] = source.image
        replacements.set(src, assetUrl(id))
        inlineImages.set(imageFile(id, source.image.mime), source.image)
      }
    }
    const meta = exportMetaFromDraft(
      { title: row.title, tags, status: row.status, language: row.language, createdAt: row.created_at, updatedAt: row.updated_at, description: row.description, canonicalUrl: row.canonical_url },
      assets,
    )
    return toMarkdownWithImages(replacements.size > 0 ? replaceImageSources(doc, replacements) : doc, meta, { images: 'folder' }).markdown
  }

  /** Backup folders found directly inside `parent`, newest first. */
  list(parent: string): LibraryBackupInfo[] {
    let names: string[]
    try {
      names = readdirSync(parent)
    } catch {
      return []
    }
    const found: LibraryBackupInfo[] = []
    for (const name of names) {
      if (name.startsWith('.')) continue
      const path = join(parent, name)
      try {
        const manifest = JSON.parse(readFileSync(join(path, MANIFEST), 'utf8')) as { format?: unknown; drafts?: unknown }
        if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.drafts)) continue
        found.push({ name, path, drafts: manifest.drafts.length, modifiedAt: statSync(join(path, MANIFEST)).mtimeMs })
      } catch {
        // not a backup folder
      }
    }
    return found.sort((a, b) => b.modifiedAt - a.modifiedAt || b.name.localeCompare(a.name))
  }

  /**
   * Replaces the whole library with the backup in `folder`. Everything is read and checked
   * first; the library changes only in one transaction at the end, after a safety copy of the
   * current database ('before-restore', listed in Settings) was taken. A damaged backup is
   * refused with a clear message and changes nothing.
   */
  async restore(folder: string): Promise<RestoreSummary> {
    const plan = this.readBackup(folder, (await markdownConverters()).fromMarkdown)
    await this.safetyBackups.create(this.db, 'before-restore')
    try {
      this.db.transaction(() => this.apply(plan))()
    } catch (error) {
      if (!String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT')) throw error
      // A constraint the rows break (a post without its passage…): the transaction rolled back.
      throw new LonghandError('invalid-args', `This backup cannot be restored: its contents do not fit together (${(error as Error).message}). Your library is unchanged.`)
    }
    this.index.refreshStale()
    return plan.summary
  }

  private readBackup(folder: string, fromMarkdown: MarkdownConverters['fromMarkdown']) {
    const damaged = (why: string) => new LonghandError('invalid-args', `This backup cannot be restored: ${why} Your library is unchanged.`)
    const read = (relative: string): Buffer | null => {
      try {
        return readFileSync(pathInside(folder, relative))
      } catch (error) {
        if (error instanceof LonghandError) throw damaged(`it refers to a file outside its folder (${relative}).`)
        return null
      }
    }
    const manifestBytes = read(MANIFEST)
    if (!manifestBytes) throw damaged('the folder has no manifest.json (pick the folder Longhand created, named “Longhand backup …”).')
    let raw: unknown
    try {
      raw = JSON.parse(manifestBytes.toString('utf8'))
    } catch {
      throw damaged('its manifest.json is not valid JSON.')
    }
    const version = (raw as { version?: unknown })?.version
    if ((raw as { format?: unknown })?.format === BACKUP_FORMAT && typeof version === 'number' && version > BACKUP_VERSION) {
      throw damaged('it was made by a newer version of Longhand. Update Longhand, then restore it.')
    }
    const parsed = manifestSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw damaged(`its manifest.json is not as Longhand writes it (${issue?.path.join('.') || 'top level'}: ${issue?.message}).`)
    }
    const manifest = parsed.data
    const draftIds = new Set(manifest.drafts.map((d) => d.id))
    if (draftIds.size !== manifest.drafts.length) throw damaged('it lists a draft twice.')

    const documents = new Map<string, string>()
    const lines = read(DOCUMENTS)?.toString('utf8').split('\n') ?? []
    for (const line of lines) {
      if (!line.trim()) continue
      let entry: z.infer<typeof documentLineSchema>
      try {
        entry = documentLineSchema.parse(JSON.parse(line))
      } catch {
        throw damaged(`a line of ${DOCUMENTS} is broken.`)
      }
      if (!editorDocSchema.safeParse(entry.doc).success) throw damaged(`a document in ${DOCUMENTS} is malformed.`)
      const key = 'draft' in entry ? `d${entry.draft}` : `r${entry.revision}`
      // The document as written (zod's output would reorder its keys), through the same gate as
      // every document the renderer writes: the editor's own JSON comes back as it was.
      documents.set(key, JSON.stringify(gateEditorDoc(entry.doc as EditorDoc)))
    }

    const images: { id: string; mime: string; data: Buffer; createdAt: number }[] = []
    for (const asset of manifest.assets) {
      const data = read(asset.file)
      if (!data) throw damaged(`the image ${asset.file} is missing.`)
      if (sha256(data) !== asset.id || sniffImageType(data) !== asset.mime) throw damaged(`the image ${asset.file} is damaged.`)
      images.push({ id: asset.id, mime: asset.mime, data, createdAt: asset.createdAt })
    }
    const known = new Map(images.map((i) => [i.id, i]))

    let fromEditedMarkdown = 0
    const drafts = manifest.drafts.map((entry) => {
      const md = read(entry.file)
      const exact = documents.get(`d${entry.id}`)
      if (exact !== undefined && (md === null || sha256(md) === entry.markdownSha256)) return { entry, doc: exact }
      if (md === null) throw damaged(`the draft ${entry.file} is missing.`)
      fromEditedMarkdown++
      const { doc, meta } = fromMarkdown(md.toString('utf8'), {
        resolveImage: (path) => {
          const bytes = read(path)
          const mime = bytes ? (sniffImageType(bytes) ?? mimeForPath(path)) : null
          return bytes && mime ? { mime, dataBase64: bytes.toString('base64') } : null
        },
      })
      // Inline images from the Markdown's folder become stored images, like any import.
      const replacements = new Map<string, string>()
      for (const src of collectImageSources(doc)) {
        const image = parseDataImageUrl(src)
        if (!image) continue
        const data = Buffer.from(image.dataBase64, 'base64')
        const id = sha256(data)
        if (!known.has(id)) {
          const record = { id, mime: image.mime, data, createdAt: this.now() }
          known.set(id, record)
          images.push(record)
        }
        replacements.set(src, assetUrl(id))
      }
      const edited = {
        ...entry,
        title: meta.title ?? entry.title,
        tags: meta.tags.length > 0 ? meta.tags : entry.tags,
        status: meta.status ?? entry.status,
        language: meta.language ?? entry.language,
        description: meta.description ?? entry.description,
        canonicalUrl: meta.canonicalUrl ?? entry.canonicalUrl,
      }
      return { entry: edited, doc: JSON.stringify(replaceImageSources(doc, replacements)) }
    })

    const revisions = manifest.revisions
      .filter((r) => draftIds.has(r.draftId) && documents.has(`r${r.id}`))
      .map((r) => ({ ...r, doc: documents.get(`r${r.id}`)! }))

    const tables: [string, Record<string, string | number | null>[]][] = []
    const present = new Set(this.rowTables())
    for (const table of ROW_TABLES) {
      const rows = manifest.tables?.[table] ?? []
      if (rows.length > 0 && !present.has(table)) throw damaged(`it holds ${table}, which this version of Longhand does not know.`)
      if (present.has(table)) tables.push([table, rows])
    }

    return {
      drafts,
      revisions,
      images,
      settings: Object.entries(manifest.settings).sort(([a], [b]) => a.localeCompare(b)),
      tables,
      summary: { drafts: drafts.length, revisions: revisions.length, images: images.length, fromEditedMarkdown },
    }
  }

  private apply(plan: ReturnType<LibraryBackup['readBackup']>): void {
    const db = this.db
    // Children first, though the foreign keys would cascade: the order is explicit and cheap.
    for (const table of [...plan.tables.map(([t]) => t).reverse(), 'revisions', 'draft_tags', 'draft_text', 'draft_bodies', 'drafts', 'assets', 'settings']) {
      db.prepare(`DELETE FROM ${table}`).run()
    }
    const insertDraft = db.prepare(
      `INSERT INTO drafts (id, title, status, language, description, canonical_url, word_count, text_stale, created_at, updated_at, trashed_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?)`,
    )
    const insertBody = db.prepare('INSERT INTO draft_bodies (draft_id, doc) VALUES (?, ?)')
    const insertTag = db.prepare('INSERT OR IGNORE INTO draft_tags (draft_id, tag, position) VALUES (?, ?, ?)')
    for (const { entry, doc } of plan.drafts) {
      insertDraft.run(entry.id, entry.title, entry.status, entry.language, entry.description, entry.canonicalUrl, entry.createdAt, entry.updatedAt, entry.trashedAt)
      insertBody.run(entry.id, doc)
      entry.tags.forEach((tag, position) => insertTag.run(entry.id, tag, position))
    }
    const insertRevision = db.prepare('INSERT INTO revisions (id, draft_id, title, doc, word_count, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    for (const r of plan.revisions) insertRevision.run(r.id, r.draftId, r.title, r.doc, r.wordCount, r.reason, r.createdAt)
    const insertAsset = db.prepare('INSERT OR IGNORE INTO assets (id, mime, data, created_at) VALUES (?, ?, ?, ?)')
    for (const image of plan.images) insertAsset.run(image.id, image.mime, image.data, image.createdAt)
    const insertSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
    for (const [key, value] of plan.settings) insertSetting.run(key, JSON.stringify(value))
    for (const [table, rows] of plan.tables) {
      const columns = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name))
      for (const row of rows) {
        const names = Object.keys(row).filter((name) => columns.has(name))
        if (names.length === 0) continue
        db.prepare(`INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]))
      }
    }
  }
}

/**
 * The Markdown converters (mdast, micromark, yaml: ~100 ms of module loading) load with the
 * first backup or restore, not on every start of the app.
 */
async function markdownConverters() {
  const [to, from] = await Promise.all([import('@shared/export/markdown/to-markdown'), import('@shared/export/markdown/from-markdown')])
  return { toMarkdownWithImages: to.toMarkdownWithImages, fromMarkdown: from.fromMarkdown }
}
type MarkdownConverters = Awaited<ReturnType<typeof markdownConverters>>
