import { describe, expect, it } from 'vitest'
import { docFromParagraphs, type EditorDoc } from '@shared/domain'
import { manualClock, tempLibrary } from '../../support/temp-library'

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const META = { title: 'Importiert', tags: ['Blog', 'blog', ' Reise '], status: 'published' as const, language: 'de' as const, description: 'Kurz', canonicalUrl: 'https://example.com/a' }

describe('Imports', () => {
  it('creates a draft with the file’s metadata; its date becomes createdAt, last edited is now', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    const { draft, replaced } = services.imports.create({ ...META, doc: docFromParagraphs(['Hallo']), createdAt: Date.UTC(2020, 0, 2) })
    expect(replaced).toBe(false)
    const stored = services.drafts.get(draft.id)
    expect(stored).toMatchObject({ title: 'Importiert', tags: ['Blog', 'Reise'], status: 'published', language: 'de', description: 'Kurz', canonicalUrl: 'https://example.com/a' })
    expect(stored.createdAt).toBe(Date.UTC(2020, 0, 2))
    expect(stored.updatedAt).toBe(clock())
    expect(services.drafts.list()[0]!.id).toBe(draft.id)
  })

  it('stores inline images as assets (checked by their bytes) and drops ones that lie about their type', async () => {
    const services = await tempLibrary()
    const doc: EditorDoc = {
      type: 'doc',
      content: [
        { type: 'image', attrs: { src: `data:image/png;base64,${PNG_1PX}`, alt: 'echt' } },
        { type: 'image', attrs: { src: `data:image/png;base64,${Buffer.from('<svg onload=alert(1)>').toString('base64')}`, alt: 'gelogen' } },
      ],
    }
    const { draft } = services.imports.create({ ...META, doc })
    const stored = services.drafts.get(draft.id).doc
    expect(stored.content[0]).toEqual({ type: 'image', attrs: { src: expect.stringMatching(/^asset:[0-9a-f]{64}$/), alt: 'echt', title: null } })
    expect(stored.content[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'gelogen' }] })
    expect(services.db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 1 })
  })

  it('replacing a draft’s text snapshots it first (before-import), keeping its title and tags', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    const existing = services.drafts.create({ title: 'Alt', tags: ['x'], doc: docFromParagraphs(['alter Text']) })
    clock.advance(1000)
    const { draft, replaced } = services.imports.create({ ...META, doc: docFromParagraphs(['neuer Text']), replaceDraftId: existing.id })
    expect(replaced).toBe(true)
    expect(draft).toMatchObject({ id: existing.id, title: 'Alt', tags: ['x'] })
    expect(services.drafts.get(existing.id).doc).toEqual(docFromParagraphs(['neuer Text']))
    const [snapshot] = services.revisions.list(existing.id)
    expect(snapshot).toMatchObject({ reason: 'before-import' })
    expect(services.revisions.get(snapshot!.id).doc).toEqual(docFromParagraphs(['alter Text']))
  })

  it('replacing a draft that does not exist changes nothing at all', async () => {
    const services = await tempLibrary()
    const before = services.db.serialize()
    const doc: EditorDoc = { type: 'doc', content: [{ type: 'image', attrs: { src: `data:image/png;base64,${PNG_1PX}` } }] }
    expect(() => services.imports.create({ ...META, doc, replaceDraftId: 99 })).toThrow(expect.objectContaining({ code: 'not-found' }))
    expect(services.db.serialize().equals(before)).toBe(true)
  })
})
