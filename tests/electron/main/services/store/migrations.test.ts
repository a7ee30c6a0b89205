import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, SchemaTooNewError, migrate, schemaVersion } from '../../../../../electron/main/services/store/migrations'
import { createServices } from '../../../../../electron/main/services'
import { tempDir, tempLibrary } from '../../../support/temp-library'

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

  it('keep data written at earlier versions', async () => {
    const dir = tempDir()
    const first = await createServices({ dataDir: dir })
    const draft = first.drafts.create({ title: 'Älteres Schema', tags: ['alt'] })
    first.close()
    const again = await createServices({ dataDir: dir })
    expect(again.drafts.get(draft.id)).toMatchObject({ title: 'Älteres Schema', tags: ['alt'] })
    again.close()
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

  it('refuse a database from a newer Longhand without touching it', async () => {
    const dir = tempDir()
    const db = new Database(join(dir, 'longhand.sqlite'))
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.exec('CREATE TABLE future (x)')
    db.close()
    await expect(createServices({ dataDir: dir })).rejects.toBeInstanceOf(SchemaTooNewError)
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
