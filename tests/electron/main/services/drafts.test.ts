import { describe, expect, it } from 'vitest'
import { DRAFT_PREVIEW_CHARS, docFromParagraphs, type EditorDoc } from '@shared/domain'
import { LonghandError } from '@shared/ipc'
import { join } from 'node:path'
import { writeWhileHolding } from '../../support/real-failures'
import { manualClock, tempDir, tempLibrary } from '../../support/temp-library'

describe('Drafts', () => {
  it('creates, reads and lists drafts newest-edited first, without loading bodies', async () => {
    const clock = manualClock()
    const { drafts } = await tempLibrary({ now: clock })
    const a = drafts.create({ title: 'Erster Entwurf', tags: ['Social Media'], language: 'de' })
    clock.advance(1000)
    const b = drafts.create({ title: 'Second', status: 'idea' })
    clock.advance(1000)
    drafts.saveContent(a.id, docFromParagraphs(['Jetzt neu bearbeitet.']))
    const list = drafts.list()
    expect(list.map((d) => d.id)).toEqual([a.id, b.id])
    expect(list[0]).toMatchObject({ title: 'Erster Entwurf', tags: ['Social Media'], language: 'de', status: 'draft', wordCount: 3 })
    expect(list[0]).not.toHaveProperty('doc')
    expect(drafts.get(a.id).doc).toEqual(docFromParagraphs(['Jetzt neu bearbeitet.']))
  })

  it('reads a draft with how its body is stored (version, blocks not stored as read), for a first save by blocks', async () => {
    const { drafts, db } = await tempLibrary()
    const d = drafts.create({ title: 'Version', doc: docFromParagraphs(['Eins', 'Zwei', 'Drei']) })
    const version = () => db.prepare('SELECT version FROM draft_docs WHERE draft_id = ?').pluck().get(d.id)
    const opened = drafts.get(d.id)
    expect(opened.storedBody).toEqual({ version: version(), rewrite: [] })
    const patch = { baseVersion: opened.storedBody!.version, splices: [{ from: 1, deleteCount: 1, blocks: docFromParagraphs(['Zwei!']).content }], blockCount: 3 }
    expect(drafts.saveBlocks(d.id, patch)).toMatchObject({ status: 'saved', bodyVersion: version() })
    expect(drafts.get(d.id).storedBody).toEqual({ version: version(), rewrite: [] })
    // The version of what was read is no base any more once something else wrote.
    expect(drafts.saveBlocks(d.id, patch)).toEqual({ status: 'stale' })
    // A block stored in another key order (an import): read in the editor's order, so it is named for rewriting.
    const body = (first: string) => `{"type":"doc","content":[${first},{"type":"paragraph","content":[{"type":"text","text":"Zwei"}]}]}`
    db.prepare('UPDATE draft_bodies SET doc = ? WHERE draft_id = ?').run(body('{"type":"paragraph","content":[{"type":"text","text":"Eins","marks":[{"type":"bold"}]}]}'), d.id)
    expect(drafts.get(d.id).storedBody).toEqual({ version: version(), rewrite: [0] })
    // The document around the blocks in another order: nothing lines up, the first save is whole.
    db.prepare('UPDATE draft_bodies SET doc = ? WHERE draft_id = ?').run('{"content":[{"type":"paragraph"}],"type":"doc"}', d.id)
    expect(drafts.get(d.id)).toMatchObject({ doc: { type: 'doc', content: [{ type: 'paragraph' }] }, storedBody: null })
  })

  it('lists a one-line preview: the start of the text, kept current by saves', async () => {
    const { drafts } = await tempLibrary()
    const long = 'Wer jeden Morgen schreibt, denkt klarer. '.repeat(20)
    const d = drafts.create({ title: 'Morgens', doc: docFromParagraphs([long, 'Zweiter Absatz.']) })
    const first = drafts.list().find((x) => x.id === d.id)!
    expect(first.preview).toBe(long.slice(0, DRAFT_PREVIEW_CHARS))
    drafts.saveContent(d.id, docFromParagraphs(['Ganz neu.', 'Und kurz.']))
    expect(drafts.list().find((x) => x.id === d.id)!.preview).toBe('Ganz neu.\n\nUnd kurz.')
    expect(drafts.summary(d.id).preview).toBe('Ganz neu.\n\nUnd kurz.')
  })

  it('gives only the first rows with a limit, in list order (the first screen at start), with their tags', async () => {
    const clock = manualClock()
    const { drafts } = await tempLibrary({ now: clock })
    for (const title of ['eins', 'zwei', 'drei', 'vier']) {
      drafts.create({ title, tags: [title] })
      clock.advance(1000)
    }
    const full = drafts.list()
    expect(drafts.list({ limit: 2 })).toEqual(full.slice(0, 2))
    expect(drafts.list({ limit: 2 }).map((d) => [d.title, d.tags])).toEqual([['vier', ['vier']], ['drei', ['drei']]])
    expect(drafts.list({ limit: 10 })).toEqual(full)
  })

  it('filters by status and tag (tags case-insensitive)', async () => {
    const { drafts } = await tempLibrary()
    drafts.create({ title: 'i', status: 'idea', tags: ['Coaching'] })
    drafts.create({ title: 'p', status: 'published', tags: ['coaching', 'Blog'] })
    drafts.create({ title: 'd', status: 'draft' })
    expect(drafts.list({ status: 'idea' }).map((d) => d.title)).toEqual(['i'])
    expect(drafts.list({ tag: 'COACHING' }).map((d) => d.title).sort()).toEqual(['i', 'p'])
    expect(drafts.list({ status: 'published', tag: 'blog' }).map((d) => d.title)).toEqual(['p'])
    expect(drafts.tags()).toEqual([
      { tag: 'Coaching', count: 2 },
      { tag: 'Blog', count: 1 },
    ])
  })

  it('renames and updates metadata, keeping tag order', async () => {
    const { drafts } = await tempLibrary()
    const d = drafts.create({ title: 'Alt' })
    const updated = drafts.updateMeta(d.id, { title: 'Neu', tags: ['zwei', 'eins'], status: 'published', description: 'Kurz', canonicalUrl: 'https://example.org/a' })
    expect(updated).toMatchObject({ title: 'Neu', tags: ['zwei', 'eins'], status: 'published' })
    expect(drafts.get(d.id)).toMatchObject({ description: 'Kurz', canonicalUrl: 'https://example.org/a' })
  })

  it('duplicates a draft with its text, tags and metadata', async () => {
    const { drafts } = await tempLibrary()
    const d = drafts.create({ title: 'Original', tags: ['x'], doc: docFromParagraphs(['Text']) })
    const copy = drafts.duplicate(d.id)
    expect(copy.id).not.toBe(d.id)
    expect(drafts.get(copy.id)).toMatchObject({ title: 'Original (2)', tags: ['x'], doc: docFromParagraphs(['Text']) })
  })

  it('moves to trash, restores, and deletes forever only from the trash', async () => {
    const { drafts } = await tempLibrary()
    const d = drafts.create({ title: 'Weg damit' })
    expect(() => drafts.deleteForever(d.id)).toThrow(LonghandError)
    drafts.trash(d.id)
    expect(drafts.list()).toEqual([])
    expect(drafts.list({ view: 'trash' }).map((x) => x.id)).toEqual([d.id])
    drafts.restore(d.id)
    expect(drafts.list().map((x) => x.id)).toEqual([d.id])
    drafts.trash(d.id)
    drafts.deleteForever(d.id)
    expect(() => drafts.get(d.id)).toThrow(/does not exist/)
  })

  it('empties the trash and nothing else', async () => {
    const { drafts } = await tempLibrary()
    const keep = drafts.create({ title: 'bleibt' })
    drafts.trash(drafts.create({ title: 'a' }).id)
    drafts.trash(drafts.create({ title: 'b' }).id)
    expect(drafts.emptyTrash()).toBe(2)
    expect(drafts.list().map((d) => d.id)).toEqual([keep.id])
  })

  it('records each draft deleted for good by id and times only (for a recovery from an older copy); a draft back in the library is no longer recorded', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    const { drafts, db } = services
    const [a, b, c, kept] = ['a', 'b', 'c', 'bleibt'].map((title) => drafts.create({ title, doc: docFromParagraphs([title]) }))
    const backup = await services.libraryBackup.write(tempDir())
    clock.advance(1000)
    drafts.trash(a!.id)
    drafts.deleteForever(a!.id)
    clock.advance(1000)
    drafts.trash(b!.id)
    drafts.trash(c!.id)
    drafts.emptyTrash()
    const recorded = () => db.prepare('SELECT draft_id AS id, created_at AS createdAt, deleted_at AS deletedAt FROM deleted_drafts ORDER BY draft_id').all()
    expect(recorded()).toEqual([
      { id: a!.id, createdAt: a!.createdAt, deletedAt: a!.createdAt + 1000 },
      { id: b!.id, createdAt: b!.createdAt, deletedAt: b!.createdAt + 2000 },
      { id: c!.id, createdAt: c!.createdAt, deletedAt: c!.createdAt + 2000 },
    ])
    expect(drafts.list().map((d) => d.id)).toEqual([kept!.id])
    // The author brings them back from a library backup: they are not deleted any more.
    await services.libraryBackup.restore(backup.folder)
    expect(drafts.list().map((d) => d.title).sort()).toEqual(['a', 'b', 'bleibt', 'c'])
    expect(recorded()).toEqual([])
  })

  it('reports a missing draft as not-found', async () => {
    const { drafts } = await tempLibrary()
    expect(() => drafts.get(999)).toThrow(expect.objectContaining({ code: 'not-found' }))
    expect(() => drafts.saveContent(999, docFromParagraphs(['x']))).toThrow(expect.objectContaining({ code: 'not-found' }))
  })

  it('creates the welcome draft once, in the given language, and never again after it is deleted', async () => {
    const services = await tempLibrary()
    const id = services.ensureWelcome('de')
    expect(id).not.toBeNull()
    expect(services.drafts.get(id!).title).toBe('Willkommen bei Longhand')
    services.drafts.trash(id!)
    services.drafts.deleteForever(id!)
    expect(services.ensureWelcome('de')).toBeNull()
    expect(services.drafts.list()).toEqual([])
  })

  it('does not add a welcome draft to a library that already has drafts', async () => {
    const services = await tempLibrary()
    services.drafts.create({ title: 'Schon da' })
    expect(services.ensureWelcome('en')).toBeNull()
    expect(services.drafts.list()).toHaveLength(1)
  })

  it('autosave waits for another writer instead of failing (immediate transaction: no read-then-write race)', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    const mine = services.drafts.create({ title: 'Meiner' })
    const other = services.drafts.create({ title: 'Anderer' })
    clock.advance(10 * 60_000)
    // Another connection holds the write lock for a moment and changes a different draft.
    const writer = await writeWhileHolding(join(services.dataDir, 'longhand.sqlite'), `UPDATE drafts SET title = 'Geändert' WHERE id = ${other.id}`, 300)
    expect(() => services.drafts.saveContent(mine.id, docFromParagraphs(['Trotzdem gespeichert']))).not.toThrow()
    await writer.done
    expect(services.drafts.get(mine.id).doc).toEqual(docFromParagraphs(['Trotzdem gespeichert']))
    expect(services.drafts.get(other.id).title).toBe('Geändert')
  })

  describe('the document gate on every write from the renderer', () => {
    const hostile = {
      type: 'doc',
      content: [
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        { type: 'iframe', attrs: { src: 'https://evil.example', srcdoc: '<script>alert(2)</script>' } },
        {
          type: 'paragraph',
          attrs: { onclick: 'alert(3)' },
          content: [
            { type: 'text', text: 'Klick', marks: [{ type: 'link', attrs: { href: 'javascript:alert(4)' } }] },
            { type: 'text', text: ' hier', marks: [{ type: 'passage', attrs: { passageId: 5 } }] },
          ],
        },
        { type: 'image', attrs: { src: 'https://tracker.example/p.gif', alt: 'Tracker' } },
      ],
    } as EditorDoc

    function expectGated(stored: EditorDoc): void {
      const json = JSON.stringify(stored)
      expect(json).not.toMatch(/script|iframe|javascript|onclick|srcdoc/)
      expect(stored.content.some((n) => n.type === 'image')).toBe(false)
      expect(json).toContain('alert(1)') // the text itself is kept, as text
      expect(json).toContain('Klick')
      expect(json).toContain('{"type":"passage","attrs":{"passageId":5}}')
      expect(json).toContain('"href":"https://tracker.example/p.gif"')
    }

    it('saveContent stores no scripts, iframes, handlers, javascript: links or remote images, and keeps the text', async () => {
      const { drafts, db } = await tempLibrary()
      const d = drafts.create({ title: 'Ziel' })
      drafts.saveContent(d.id, hostile)
      expectGated(drafts.get(d.id).doc)
      const raw = db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').pluck().get(d.id) as string
      expectGated(JSON.parse(raw) as EditorDoc)
    })

    it('stores the text of a document exactly, even a lone surrogate (the JSON keeps it as an escape)', async () => {
      const { drafts } = await tempLibrary()
      const d = drafts.create({ title: 'Text' })
      const doc = docFromParagraphs(['a\uD800b \u{1F600} \uDC00'])
      drafts.saveContent(d.id, doc)
      expect(drafts.get(d.id).doc).toEqual(doc)
    })

    it('create with a document holds the same gate', async () => {
      const { drafts } = await tempLibrary()
      expectGated(drafts.create({ title: 'Neu', doc: hostile }).doc)
    })

    it('restoring a version written before the gate existed passes the gate too', async () => {
      const { drafts, revisions, db } = await tempLibrary()
      const d = drafts.create({ title: 'Alt', doc: docFromParagraphs(['jetzt']) })
      db.prepare('UPDATE draft_bodies SET doc = ? WHERE draft_id = ?').run(JSON.stringify(hostile), d.id)
      const { id } = revisions.snapshot(d.id, 'manual')
      drafts.saveContent(d.id, docFromParagraphs(['später']))
      revisions.restore(id)
      expectGated(drafts.get(d.id).doc)
    })
  })
})
