import { createHash } from 'node:crypto'
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assetUrl, docFromParagraphs, type EditorDoc } from '@shared/domain'
import { LonghandError } from '@shared/ipc'
import { draftFileName, slugify } from '../../../../electron/main/services/library-backup'
import type { Services } from '../../../../electron/main/services'
import { manualClock, tempDir, tempLibrary } from '../../support/temp-library'

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const PNG_OTHER = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

/** Every file under `dir` (relative path → sha256), for comparing two backups. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  walk(dir)
  return out
}

function fingerprint(services: Services): string {
  return createHash('sha256').update(services.db.serialize()).digest('hex')
}

/** A library with something of everything: umlauts, tags, images (stored and inline), versions, trash, settings, posts. */
async function seededLibrary() {
  const clock = manualClock()
  const services = await tempLibrary({ now: clock })
  const { id: imageId } = services.assets.put('image/png', PNG_1PX)
  const doc: EditorDoc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Über Brücken' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Fett', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' und ein ' },
          { type: 'text', text: 'Link', marks: [{ type: 'link', attrs: { href: 'https://example.com', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } }] },
        ],
      },
      { type: 'image', attrs: { src: assetUrl(imageId), alt: 'Pixel', title: null, width: null, height: null } },
      { type: 'paragraph' },
      { type: 'image', attrs: { src: `data:image/png;base64,${PNG_OTHER}`, alt: 'inline', title: null } },
    ],
  }
  const first = services.drafts.create({ title: 'Grüße aus München', tags: ['Reise', 'Blog'], status: 'published', language: 'de', doc })
  services.drafts.updateMeta(first.id, { description: 'Eine Beschreibung', canonicalUrl: 'https://example.com/gruesse' })
  clock.advance(10 * 60_000)
  services.drafts.saveContent(first.id, { ...doc, content: [...doc.content, { type: 'paragraph', content: [{ type: 'text', text: 'Nachtrag' }] }] })
  const second = services.drafts.create({ title: '', doc: docFromParagraphs(['Ohne Titel, aber mit Text']) })
  const trashed = services.drafts.create({ title: 'Weg damit', doc: docFromParagraphs(['alt']) })
  services.drafts.trash(trashed.id)
  services.revisions.snapshot(second.id, 'manual')
  services.settings.update({ theme: 'dark', welcomed: true })
  // The proofreader's "my dictionary" lives in settings: it must travel with the backup.
  services.settings.update({ proofing: { ...services.settings.get().proofing, words: ['Longhandismus'] } })
  services.db.prepare('INSERT INTO passages (id, draft_id, text, created_at) VALUES (7, ?, ?, ?)').run(first.id, 'Fett und ein Link', clock())
  services.db
    .prepare(
      `INSERT INTO posts (id, draft_id, passage_id, platform, style, parts, state, planned_for, posted_at, posted_url, created_at, updated_at)
       VALUES (3, ?, 7, 'bluesky', 'teaser', ?, 'posted', NULL, ?, 'https://bsky.app/x', ?, ?)`,
    )
    .run(first.id, JSON.stringify(['Teil eins', 'Teil zwei']), clock(), clock(), clock())
  // One note on the post, one whose post and draft are gone (detached, kept).
  services.journal.add({ postId: 3, kind: 'reply', notedOn: '2026-11-23', text: 'Anna fragt: Gilt das auch für Brücken?' })
  services.db
    .prepare(
      `INSERT INTO journal_notes (post_id, draft_id, platform, source_title, kind, noted_on, text, created_at, updated_at)
       VALUES (NULL, NULL, 'x', 'Gelöscht', 'idea', '2026-11-20', 'Idee über Straßen', ?, ?)`,
    )
    .run(clock(), clock())
  services.drafts.list()
  return { services, clock, first, second, trashed, imageId }
}

describe('library backup', () => {
  it('names files deterministically and safely', () => {
    expect(slugify('Grüße aus München!')).toBe('gruesse-aus-muenchen')
    expect(slugify('  Ça va? Ærø — ok ')).toBe('ca-va-r-ok')
    expect(slugify('')).toBe('untitled')
    expect(slugify('../../etc/passwd')).toBe('etc-passwd')
    expect(draftFileName(7, 'CON')).toBe('0007-con.md')
    expect(draftFileName(12345, 'x'.repeat(200))).toBe(`12345-${'x'.repeat(60)}.md`)
  })

  it('writes one Markdown file per draft, the images, the exact documents and a manifest', async () => {
    const { services, first, imageId } = await seededLibrary()
    const { folder, drafts } = await services.libraryBackup.write(tempDir())
    expect(drafts).toBe(3)
    expect(folder).toMatch(/Longhand backup 2026-11-23 09-10-00$/)
    const files = Object.keys(tree(folder)).sort()
    expect(files).toContain('manifest.json')
    expect(files).toContain('documents.jsonl')
    expect(files).toContain(`images/${imageId.slice(0, 16)}.png`)
    expect(files.filter((f) => f.endsWith('.md'))).toEqual(['0001-gruesse-aus-muenchen.md', '0002-untitled.md', '0003-weg-damit.md'])
    // No temporary folder is left beside it.
    expect(readdirSync(join(folder, '..'))).toEqual([folder.split('/').pop()])

    const md = readFileSync(join(folder, '0001-gruesse-aus-muenchen.md'), 'utf8')
    expect(md).toMatch(/^---\ntitle: Grüße aus München\n/)
    expect(md).toContain('tags:\n  - Reise\n  - Blog')
    expect(md).toContain('## Über Brücken')
    expect(md).toContain(`![Pixel](images/${imageId.slice(0, 16)}.png)`)
    // The inline image is a file too (named by its content), not a data URI in the text.
    expect(md).not.toContain('data:image')
    const inline = /!\[inline\]\((images\/[0-9a-f]{16}\.png)\)/.exec(md)![1]!
    expect(files).toContain(inline)

    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ format: 'longhand-library-backup', version: 1 })
    expect(manifest.drafts[0]).toMatchObject({ id: first.id, title: 'Grüße aus München', tags: ['Reise', 'Blog'], status: 'published', description: 'Eine Beschreibung' })
    expect(manifest.drafts[2].trashedAt).toEqual(expect.any(Number))
    expect(manifest.revisions.map((r: { reason: string }) => r.reason)).toEqual(['auto', 'manual'])
    expect(manifest.settings).toMatchObject({ theme: 'dark', welcomed: true, proofing: { words: ['Longhandismus'] } })
    expect(manifest.tables.posts[0]).toMatchObject({ id: 3, platform: 'bluesky', passage_id: 7 })
  })

  it('backup → restore into an empty install → backup gives byte-identical files', async () => {
    const { services } = await seededLibrary()
    const a = await services.libraryBackup.write(tempDir())

    const clock = manualClock()
    const empty = await tempLibrary({ now: clock })
    const summary = await empty.libraryBackup.restore(a.folder)
    expect(summary).toEqual({ drafts: 3, revisions: 2, images: 1, fromEditedMarkdown: 0 })
    // Same wall-clock name for the second backup, so only the contents are compared.
    clock.set(Date.UTC(2026, 10, 23, 9, 10, 0))
    const b = await empty.libraryBackup.write(tempDir())
    expect(tree(b.folder)).toEqual(tree(a.folder))

    // And the restored library is the library: drafts, trash, versions, settings, search.
    // (A body's version is the tag of the write that stored it: the restore wrote it anew.)
    const read = (from: typeof services, id: number) => {
      const { storedBody: _written, ...draft } = from.drafts.get(id)
      return draft
    }
    for (const draft of services.drafts.list().concat(services.drafts.list({ view: 'trash' }))) {
      expect(read(empty, draft.id)).toEqual(read(services, draft.id))
    }
    expect(empty.revisions.list(2)).toEqual(services.revisions.list(2))
    expect(empty.settings.get()).toEqual(services.settings.get())
    expect(empty.search.query('Brücken').map((h) => h.id)).toEqual([1])
    expect(empty.db.pragma('foreign_key_check')).toEqual([])
    // The dialog journal comes back whole, attached and detached notes, and is searchable.
    expect(empty.journal.listAll()).toEqual(services.journal.listAll())
    expect(empty.journal.listAll()).toHaveLength(2)
    expect(empty.journal.search('strassen').map((n) => n.text)).toEqual(['Idee über Straßen'])
    expect(empty.journal.listForDraft(1).map((n) => n.postId)).toEqual([3])
  })

  it('restores into a library that has drafts: replaced, after a safety copy of what was there', async () => {
    const { services } = await seededLibrary()
    const { folder } = await services.libraryBackup.write(tempDir())
    const other = await tempLibrary()
    const lost = other.drafts.create({ title: 'Vorher da', doc: docFromParagraphs(['x']) })
    const passage = other.posts.createPassage(lost.id, 'x')
    const post = other.posts.create({ draftId: lost.id, passageId: passage.id, platform: 'x', style: 'quote', parts: ['x'] })
    other.posts.setState({ id: post.id, state: 'posted' })
    other.journal.add({ postId: post.id, kind: 'person', notedOn: '2026-11-01', text: 'Vorher notiert' })
    await other.libraryBackup.restore(folder)
    // Replaced means replaced: the old library's notes are in its safety copy, not detached here.
    expect(other.journal.listAll().map((n) => n.text).sort()).toEqual(['Anna fragt: Gilt das auch für Brücken?', 'Idee über Straßen'])
    expect(other.drafts.list().map((d) => d.title).sort()).toEqual(['', 'Grüße aus München'])
    expect(other.drafts.list().some((d) => d.title === lost.title)).toBe(false)
    const safety = other.safetyBackups.list()
    expect(safety.map((b) => b.reason)).toContain('before-restore')
  })

  it('takes an edited Markdown file over the exact document (text and front matter)', async () => {
    const { services } = await seededLibrary()
    const { folder } = await services.libraryBackup.write(tempDir())
    const file = join(folder, '0002-untitled.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Jetzt mit Titel').replace('Ohne Titel, aber mit Text', 'Von Hand *geändert*'))
    const target = await tempLibrary()
    const summary = await target.libraryBackup.restore(folder)
    expect(summary.fromEditedMarkdown).toBe(1)
    const draft = target.drafts.get(2)
    expect(draft.title).toBe('Jetzt mit Titel')
    expect(draft.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Von Hand ' }, { type: 'text', text: 'geändert', marks: [{ type: 'italic' }] }] }] })
  })

  it('refuses a damaged or foreign backup with a clear message and changes nothing', async () => {
    const { services, imageId } = await seededLibrary()
    const { folder } = await services.libraryBackup.write(tempDir())
    const target = await tempLibrary()
    target.drafts.create({ title: 'Bleibt' })
    target.drafts.list()
    const before = fingerprint(target)

    const broken = (mutate: (dir: string) => void) => {
      const copy = join(tempDir(), 'copy')
      cpSync(folder, copy, { recursive: true })
      mutate(copy)
      return copy
    }
    const cases: [string, RegExp][] = [
      [tempDir(), /no manifest\.json/],
      [broken((d) => writeFileSync(join(d, 'manifest.json'), '{ nope')), /not valid JSON/],
      [broken((d) => writeFileSync(join(d, 'manifest.json'), JSON.stringify({ format: 'longhand-library-backup', version: 9, drafts: [] }))), /newer version/],
      [broken((d) => rmSync(join(d, 'images'), { recursive: true })), /image images\/.* is missing/],
      [broken((d) => writeFileSync(join(d, 'images', `${imageId.slice(0, 16)}.png`), Buffer.from(PNG_OTHER, 'base64'))), /is damaged/],
      [broken((d) => writeFileSync(join(d, 'documents.jsonl'), '{"draft":1,"doc":{"type":"doc","content":"x"}}\n')), /malformed/],
      [
        broken((d) => {
          const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'))
          m.drafts[0].file = '../../outside.md'
          writeFileSync(join(d, 'manifest.json'), JSON.stringify(m))
        }),
        /not as Longhand writes it/,
      ],
      [
        broken((d) => {
          rmSync(join(d, 'documents.jsonl'))
          rmSync(join(d, '0002-untitled.md'))
        }),
        /draft 0002-untitled\.md is missing/,
      ],
    ]
    for (const [dir, message] of cases) {
      const error = await target.libraryBackup.restore(dir).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error, String(message)).toBeInstanceOf(LonghandError)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).toMatch(/Your library is unchanged/)
      expect(fingerprint(target)).toBe(before)
    }
  })

  it('a failed backup leaves no half folder behind', async () => {
    const { services } = await seededLibrary()
    const parent = tempDir()
    const blocker = join(parent, 'a-file')
    writeFileSync(blocker, 'x')
    const error = await services.libraryBackup.write(blocker).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'storage' })
    expect(readdirSync(parent)).toEqual(['a-file'])
  })

  it('lists backup folders, newest first, ignoring anything else', async () => {
    const { services, clock } = await seededLibrary()
    const parent = tempDir()
    const first = await services.libraryBackup.write(parent)
    clock.advance(60_000)
    const second = await services.libraryBackup.write(parent)
    writeFileSync(join(parent, 'notes.txt'), 'x')
    const listed = services.libraryBackup.list(parent)
    expect(listed.map((b) => b.path).sort()).toEqual([first.folder, second.folder].sort())
    expect(listed.every((b) => b.drafts === 3)).toBe(true)
    expect(existsSync(join(parent, 'notes.txt'))).toBe(true)
  })
})
