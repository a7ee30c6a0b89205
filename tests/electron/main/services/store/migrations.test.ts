import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, SchemaTooNewError, migrate, schemaVersion } from '../../../../../electron/main/services/store/migrations'
import { createServices, DATABASE_FILE, type Services } from '../../../../../electron/main/services'
import { tempDir, tempLibrary } from '../../../support/temp-library'

interface TableRows {
  columns: string[]
  rows: unknown[]
}

function columnsOf(db: Database.Database, table: string): { name: string; pk: number }[] {
  return db.pragma(`table_info("${table}")`) as { name: string; pk: number }[]
}

function select(db: Database.Database, table: string, columns: string[]): TableRows {
  const keys = columnsOf(db, table).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`)
  // A table that became a view (draft_bodies in version 5) has no rowid: its first column is its key.
  const isView = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?").get(table) !== undefined
  const order = keys.join(', ') || (isView ? `"${columnsOf(db, table)[0]!.name}"` : 'rowid')
  const rows = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY ${order}`).all()
  return { columns, rows }
}

/** Every row of every ordinary table, in primary-key order (the full-text index is checked through search). */
function tablesOf(db: Database.Database): Record<string, TableRows> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'draft_fts%' ORDER BY name").pluck().all() as string[]
  return Object.fromEntries(tables.map((table) => [table, select(db, table, columnsOf(db, table).map((c) => c.name))]))
}

/** The same tables and columns read again: a migration may add tables and columns, never lose or rewrite what was there. */
function sameTablesOf(db: Database.Database, before: Record<string, TableRows>): Record<string, TableRows> {
  return Object.fromEntries(Object.entries(before).map(([table, { columns }]) => [table, select(db, table, columns)]))
}

const T0 = Date.UTC(2025, 2, 1, 8, 0, 0)
const docJson = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

/**
 * What a library holds at each schema version, written with the SQL of that version (its
 * migration file is the reference), and how today's services must read it back. Version N
 * writes what its migration added; a library at N holds what versions 1..N wrote. A new
 * migration adds its entry here, even an empty one, so its data is carried through the next.
 */
const WRITTEN_AT: Record<number, { write(db: Database.Database): void; readBack(services: Services): void }> = {
  1: {
    write(db) {
      const draft = db.prepare(
        'INSERT INTO drafts (id, title, status, language, description, canonical_url, word_count, text_stale, created_at, updated_at, trashed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      // Draft 1 was indexed by its version; draft 2 waits for the indexer.
      draft.run(1, 'Älteres Schema', 'published', 'de', 'Beschreibung', 'https://blog.example.de/alt', 3, 0, T0, T0 + 1000, null)
      draft.run(2, 'Im Papierkorb', 'idea', 'en', '', '', 2, 1, T0, T0 + 2000, T0 + 3000)
      const body = db.prepare('INSERT INTO draft_bodies (draft_id, doc) VALUES (?, ?)')
      body.run(1, docJson('Herz statt Technik'))
      body.run(2, docJson('thrown away'))
      db.prepare('INSERT INTO draft_text (draft_id, title, body) VALUES (?, ?, ?)').run(1, 'Älteres Schema', 'Herz statt Technik')
      const tag = db.prepare('INSERT INTO draft_tags (draft_id, tag, position) VALUES (?, ?, ?)')
      tag.run(1, 'alt', 0)
      tag.run(1, 'Social Media', 1)
      db.prepare('INSERT INTO revisions (id, draft_id, title, doc, word_count, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        1, 1, 'Älteres Schema', docJson('Herz ohne Technik'), 3, 'manual', T0 + 500,
      )
      const setting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
      setting.run('theme', JSON.stringify('dark'))
      setting.run('welcomed', JSON.stringify(true))
      db.prepare('INSERT INTO assets (id, mime, data, created_at) VALUES (?, ?, ?, ?)').run('a'.repeat(64), 'image/png', PNG, T0)
    },
    readBack(services) {
      expect(services.drafts.get(1)).toMatchObject({
        title: 'Älteres Schema',
        status: 'published',
        language: 'de',
        tags: ['alt', 'Social Media'],
        description: 'Beschreibung',
        canonicalUrl: 'https://blog.example.de/alt',
        createdAt: T0,
        updatedAt: T0 + 1000,
        trashedAt: null,
        doc: JSON.parse(docJson('Herz statt Technik')),
      })
      expect(services.drafts.list({ view: 'trash' }).map((d) => [d.id, d.title, d.trashedAt])).toEqual([[2, 'Im Papierkorb', T0 + 3000]])
      expect(services.search.query('Herz').map((hit) => hit.id)).toEqual([1])
      expect(services.revisions.list(1)).toMatchObject([{ id: 1, title: 'Älteres Schema', reason: 'manual', createdAt: T0 + 500 }])
      expect(services.revisions.get(1).doc).toEqual(JSON.parse(docJson('Herz ohne Technik')))
      expect(services.settings.get()).toMatchObject({ theme: 'dark', welcomed: true })
      expect(services.ensureWelcome('de')).toBeNull()
      expect(services.assets.get('a'.repeat(64))).toEqual({ id: 'a'.repeat(64), mime: 'image/png', dataBase64: PNG.toString('base64') })
      // The one-line preview: filled from the text by version 3's migration, or by its trigger.
      expect(services.drafts.list().find((d) => d.id === 1)?.preview).toBe('Herz statt Technik')
    },
  },
  2: {
    write(db) {
      db.prepare('INSERT INTO passages (id, draft_id, text, created_at) VALUES (?, ?, ?, ?)').run(1, 1, 'Herz statt Technik', T0 + 4000)
      const post = db.prepare(
        'INSERT INTO posts (id, draft_id, passage_id, platform, style, parts, state, planned_for, posted_at, posted_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      post.run(1, 1, 1, 'mastodon', 'quote', JSON.stringify(['Herz statt Technik', '2/2']), 'planned', '2025-03-02T09:30', null, null, T0 + 5000, T0 + 5000)
      post.run(2, 1, 1, 'linkedin', 'teaser', JSON.stringify(['Herz statt Technik.']), 'posted', '2025-03-01', T0 + 6000, 'https://www.linkedin.com/p/1', T0 + 5000, T0 + 6000)
    },
    readBack(services) {
      const { passages, posts } = services.posts.listForDraft(1)
      expect(passages).toEqual([{ id: 1, draftId: 1, text: 'Herz statt Technik', createdAt: T0 + 4000 }])
      expect(posts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 1, platform: 'mastodon', style: 'quote', parts: ['Herz statt Technik', '2/2'], state: 'planned', plannedFor: '2025-03-02T09:30' }),
          expect.objectContaining({ id: 2, platform: 'linkedin', state: 'posted', postedAt: T0 + 6000, postedUrl: 'https://www.linkedin.com/p/1' }),
        ]),
      )
      expect(posts).toHaveLength(2)
      expect(services.posts.today('2025-03-02').map((p) => p.id)).toEqual([1])
    },
  },
  3: {
    write(db) {
      const note = db.prepare(
        'INSERT INTO journal_notes (id, post_id, draft_id, platform, source_title, kind, noted_on, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      note.run(1, 2, 1, 'linkedin', 'Herz statt Technik', 'reply', '2025-03-02', 'Anna fragt nach Brücken', T0 + 7000, T0 + 7000)
      // Detached: its post and draft were deleted; the note stays.
      note.run(2, null, null, 'x', 'Gelöscht', 'idea', '2025-03-01', 'Idee über Straßen', T0 + 8000, T0 + 8000)
    },
    readBack(services) {
      expect(services.journal.listForDraft(1)).toEqual([
        expect.objectContaining({ id: 1, postId: 2, kind: 'reply', notedOn: '2025-03-02', text: 'Anna fragt nach Brücken', platform: 'linkedin' }),
      ])
      expect(services.journal.listAll().map((n) => n.id)).toEqual([1, 2])
      expect(services.journal.search('strasse').map((n) => n.id)).toEqual([2])
    },
  },
  4: {
    write(db) {
      db.prepare(
        'INSERT INTO drafts (id, title, status, language, word_count, text_stale, created_at, updated_at, preview) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(3, 'Mit Vorschau', 'draft', 'de', 2, 0, T0, T0 + 7000, 'Vorschau hier')
      db.prepare('INSERT INTO draft_bodies (draft_id, doc) VALUES (?, ?)').run(3, docJson('Vorschau hier'))
    },
    readBack(services) {
      expect(services.drafts.list().find((d) => d.id === 3)).toMatchObject({ title: 'Mit Vorschau', preview: 'Vorschau hier' })
    },
  },
  5: {
    write(db) {
      db.prepare('INSERT INTO drafts (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(4, 'In Blöcken', T0, T0 + 9000)
      // Whole documents still go in through draft_bodies; the view stores them as blocks.
      db.prepare('INSERT INTO draft_bodies (draft_id, doc) VALUES (?, ?)').run(4, BLOCKS_DOC)
    },
    readBack(services) {
      expect(services.db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = 4').pluck().get()).toBe(BLOCKS_DOC)
      expect(services.db.prepare('SELECT count(*) FROM draft_blocks WHERE draft_id = 4').pluck().get()).toBe(3)
      expect(services.drafts.get(4).doc).toEqual(JSON.parse(BLOCKS_DOC))
    },
  },
  6: {
    write(db) {
      // Draft 5 was deleted for good: only its id and times are left.
      db.prepare('INSERT INTO deleted_drafts (draft_id, created_at, deleted_at) VALUES (?, ?, ?)').run(5, T0, T0 + 10_000)
    },
    readBack(services) {
      expect(services.db.prepare('SELECT draft_id, created_at, deleted_at FROM deleted_drafts').all()).toEqual([{ draft_id: 5, created_at: T0, deleted_at: T0 + 10_000 }])
    },
  },
}

const BLOCKS_DOC = JSON.stringify({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Über "Blöcke" \\ \u2028 😀' }] },
    { type: 'paragraph' },
    { type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'bold' }], text: 'Satz\nzwei' }] },
  ],
})

function schemaOf(db: Database.Database): string[] {
  return (db.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS s FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { s: string }[]).map((r) => r.s.replace(/\s+/g, ' '))
}

describe('migrations', () => {
  it('are numbered 1..n and the latest version is their count', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length)
  })

  it('bring an empty database to the latest version and stamp user_version', () => {
    const db = new Database(':memory:')
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version))
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(migrate(db)).toEqual([])
  })

  it('upgrade from every earlier version to the same schema as a fresh database', () => {
    const fresh = new Database(':memory:')
    migrate(fresh)
    for (let from = 1; from < LATEST_SCHEMA_VERSION; from++) {
      const db = new Database(':memory:')
      migrate(db, from)
      expect(schemaVersion(db)).toBe(from)
      migrate(db)
      expect(schemaOf(db)).toEqual(schemaOf(fresh))
    }
  })

  it('every version says what a library written at it holds', () => {
    expect(Object.keys(WRITTEN_AT).map(Number)).toEqual(MIGRATIONS.map((m) => m.version))
  })

  // A library created by an older Longhand: only the migrations up to that version, rows written
  // with that version's own SQL (today's services write today's schema), then today's open path.
  it.each(MIGRATIONS.map((m) => m.version))('keep data written at version %i: every row intact and readable through the services', async (version) => {
    const dir = tempDir()
    const old = new Database(join(dir, DATABASE_FILE))
    migrate(old, version)
    expect(schemaVersion(old)).toBe(version)
    for (let v = 1; v <= version; v++) WRITTEN_AT[v]!.write(old)
    const before = tablesOf(old)
    old.close()

    const services = await tempLibrary({ dataDir: dir })
    expect(schemaVersion(services.db)).toBe(LATEST_SCHEMA_VERSION)
    // Every column the old version had still holds what was written, in every table it had.
    expect(sameTablesOf(services.db, before)).toEqual(before)
    for (let v = 1; v <= version; v++) WRITTEN_AT[v]!.readBack(services)
  })

  it('0003 journal: posts written at version 2 survive, and notes can be added to them', async () => {
    const dir = tempDir()
    const db = new Database(join(dir, 'longhand.sqlite'))
    migrate(db, 2)
    db.exec(`INSERT INTO drafts (id, title, created_at, updated_at) VALUES (1, 'Vor dem Journal', 1, 1);
      INSERT INTO draft_bodies (draft_id, doc) VALUES (1, '{"type":"doc","content":[{"type":"paragraph"}]}');
      INSERT INTO passages (id, draft_id, text, created_at) VALUES (1, 1, 'Satz.', 1);
      INSERT INTO posts (id, draft_id, passage_id, platform, style, parts, state, posted_at, posted_url, created_at, updated_at)
        VALUES (1, 1, 1, 'bluesky', 'quote', '["Satz."]', 'posted', 5, 'https://bsky.app/p/1', 1, 5);`)
    db.close()
    const services = await createServices({ dataDir: dir })
    expect(schemaVersion(services.db)).toBe(LATEST_SCHEMA_VERSION)
    expect(services.posts.get(1)).toMatchObject({ state: 'posted', postedUrl: 'https://bsky.app/p/1', parts: ['Satz.'] })
    const note = services.journal.add({ postId: 1, kind: 'reply', notedOn: '2026-11-23', text: 'Erste Antwort' })
    expect(services.journal.listForDraft(1)).toEqual([note])
    expect(services.journal.search('antwort').map((n) => n.id)).toEqual([note.id])
    services.close()
  })

  it('0005 blocks: bodies written at version 4 read back byte for byte; what does not split into blocks is kept whole', async () => {
    const bodies = [
      BLOCKS_DOC,
      JSON.stringify({ type: 'doc', content: [] }),
      JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }], attrs: { x: 1 } }),
      JSON.stringify({ content: [{ type: 'paragraph' }], type: 'doc' }),
      JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }, 'text', 7, null] }),
      '{"type":"doc","content":[{"type": "paragraph"}]}',
      '{"type":"doc","content":[ not json',
      '',
    ]
    const dir = tempDir()
    const db = new Database(join(dir, DATABASE_FILE))
    migrate(db, 4)
    bodies.forEach((doc, i) => {
      db.prepare('INSERT INTO drafts (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(i + 1, `Entwurf ${i + 1}`, T0, T0)
      db.prepare('INSERT INTO draft_bodies (draft_id, doc) VALUES (?, ?)').run(i + 1, doc)
    })
    db.close()
    const services = await tempLibrary({ dataDir: dir })
    const read = services.db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').pluck()
    bodies.forEach((doc, i) => expect(read.get(i + 1), doc).toBe(doc))
    const blocks = services.db.prepare('SELECT count(*) FROM draft_blocks WHERE draft_id = ?').pluck()
    expect(bodies.map((_, i) => blocks.get(i + 1))).toEqual([3, 0, 1, 0, 0, 0, 0, 0])
    const tails = services.db.prepare('SELECT tail FROM draft_docs ORDER BY draft_id').pluck().all()
    expect(tails).toEqual([']}', ']}', '],"attrs":{"x":1}}', '', '', '', '', ''])
  })

  it('refuse a database from a newer Longhand without touching it', async () => {
    const dir = tempDir()
    const db = new Database(join(dir, 'longhand.sqlite'))
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.exec('CREATE TABLE future (x)')
    db.close()
    await expect(createServices({ dataDir: dir })).rejects.toMatchObject({ kind: 'schema-too-new', reason: expect.any(SchemaTooNewError) })
    await expect(createServices({ dataDir: dir })).rejects.toThrow(/newer version of Longhand/)
    const after = new Database(join(dir, 'longhand.sqlite'))
    expect(schemaVersion(after)).toBe(LATEST_SCHEMA_VERSION + 1)
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'future'").get()).toBeTruthy()
    after.close()
  })

  it('schema snapshot: a change to the schema must be a new migration (update this snapshot deliberately)', async () => {
    const services = await tempLibrary()
    expect(schemaOf(services.db)).toMatchSnapshot()
  })
})
