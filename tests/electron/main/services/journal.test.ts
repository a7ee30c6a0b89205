import { describe, expect, it } from 'vitest'
import { docFromParagraphs } from '@shared/domain'
import { code } from '../../support/error-code'
import { manualClock, tempDir, tempLibrary } from '../../support/temp-library'
import { createServices } from '../../../../electron/main/services'

async function library(dataDir?: string) {
  const clock = manualClock(Date.UTC(2026, 2, 14, 7, 0))
  const services = await tempLibrary({ now: clock, ...(dataDir ? { dataDir } : {}) })
  const draft = services.drafts.create({ title: 'Über das Schreiben', language: 'de', doc: docFromParagraphs(['Schreiben ist Denken auf Papier.']) })
  const passage = services.posts.createPassage(draft.id, 'Schreiben ist Denken auf Papier.')
  const post = services.posts.create({ draftId: draft.id, passageId: passage.id, platform: 'mastodon', style: 'quote', parts: ['Schreiben ist Denken.'] })
  services.posts.setState({ id: post.id, state: 'posted', postedUrl: 'https://chaos.social/@anna/1' })
  return { services, clock, draft, post, journal: services.journal }
}

describe('journal notes', () => {
  it('are added to a posted post and listed per draft and across the library, newest first', async () => {
    const { services, journal, draft, post, clock } = await library()
    const older = journal.add({ postId: post.id, kind: 'reply', notedOn: '2026-03-14', text: 'Jana fragt nach Beispielen.' })
    clock.advance(1000)
    const newer = journal.add({ postId: post.id, kind: 'person', notedOn: '2026-03-15', text: 'Tom, Coach in Köln' })
    clock.advance(1000)
    const sameDayLater = journal.add({ postId: post.id, kind: 'idea', notedOn: '2026-03-14', text: 'Ein Beitrag über Pausen' })
    expect(older).toMatchObject({ postId: post.id, draftId: draft.id, platform: 'mastodon', draftTitle: 'Über das Schreiben', postedUrl: 'https://chaos.social/@anna/1' })
    expect(journal.listForDraft(draft.id).map((n) => n.id)).toEqual([newer.id, sameDayLater.id, older.id])
    const other = services.drafts.create({ title: 'Anderes' })
    expect(journal.listForDraft(other.id)).toEqual([])
    expect(journal.listAll().map((n) => n.id)).toEqual([newer.id, sameDayLater.id, older.id])
  })

  it('are only for posts that went out, and for posts that exist', async () => {
    const { services, journal, draft, post } = await library()
    const unposted = services.posts.create({ draftId: draft.id, passageId: post.passageId, platform: 'x', style: 'quote', parts: ['Noch nicht draußen'] })
    expect(code(() => journal.add({ postId: unposted.id, kind: 'reply', notedOn: '2026-03-14', text: 'zu früh' }))).toBe('conflict')
    expect(code(() => journal.add({ postId: 999, kind: 'reply', notedOn: '2026-03-14', text: 'nirgends' }))).toBe('not-found')
    expect(code(() => journal.listForDraft(999))).toBe('not-found')
    expect(journal.listAll()).toEqual([])
  })

  it('are edited and deleted; a missing note is not-found', async () => {
    const { journal, post, clock } = await library()
    const note = journal.add({ postId: post.id, kind: 'reply', notedOn: '2026-03-14', text: 'Erste Fassung' })
    clock.advance(5000)
    const edited = journal.update({ id: note.id, text: '  Zweite Fassung ', kind: 'question' })
    expect(edited).toMatchObject({ text: 'Zweite Fassung', kind: 'question', notedOn: '2026-03-14', createdAt: note.createdAt })
    expect(edited.updatedAt).toBeGreaterThan(note.updatedAt)
    expect(journal.search('Erste')).toEqual([])
    expect(journal.search('Zweite').map((h) => h.id)).toEqual([note.id])
    journal.delete(note.id)
    expect(code(() => journal.get(note.id))).toBe('not-found')
    expect(code(() => journal.delete(note.id))).toBe('not-found')
    expect(code(() => journal.update({ id: note.id, text: 'x' }))).toBe('not-found')
    expect(journal.search('Zweite')).toEqual([])
  })

  it('are found with the draft search rules: accents, ß/ss, prefixes, FTS syntax, malformed queries', async () => {
    const { journal, post } = await library()
    const a = journal.add({ postId: post.id, kind: 'reply', notedOn: '2026-03-14', text: 'Die Straße der Gespräche war überfüllt.' })
    const b = journal.add({ postId: post.id, kind: 'idea', notedOn: '2026-03-15', text: 'Strasse als Bild für Umwege' })
    expect(journal.search('uberfullt').map((h) => h.id)).toEqual([a.id])
    expect(journal.search('strasse').map((h) => h.id)).toEqual([b.id, a.id])
    expect(journal.search('Straße').map((h) => h.id)).toEqual([b.id, a.id])
    expect(journal.search('Gespr').map((h) => h.id)).toEqual([a.id])
    expect(journal.search('Umwege OR Gespräche').map((h) => h.id)).toEqual([b.id, a.id])
    expect(journal.search('"Bild für"').map((h) => h.id)).toEqual([b.id])
    expect(journal.search('"unbalanced').map((h) => h.id)).toEqual([])
    expect(journal.search('   ')).toEqual([])
    expect(journal.search('Umwege')[0]!.snippet).toContain('\u0002Umwege\u0003')
  })

  it('leave notes of trashed drafts out of the library journal and its search', async () => {
    const { services, journal, draft, post } = await library()
    journal.add({ postId: post.id, kind: 'reply', notedOn: '2026-03-14', text: 'Im Papierkorb' })
    services.drafts.trash(draft.id)
    expect(journal.listAll()).toEqual([])
    expect(journal.search('Papierkorb')).toEqual([])
    services.drafts.restore(draft.id)
    expect(journal.listAll()).toHaveLength(1)
  })

  it('survive deleting their post and their draft: detached, never lost', async () => {
    const { services, journal, draft, post } = await library()
    const note = journal.add({ postId: post.id, kind: 'question', notedOn: '2026-03-14', text: 'Wie fängst du an?' })
    services.posts.delete(post.id)
    expect(journal.get(note.id)).toMatchObject({ postId: null, draftId: draft.id, platform: 'mastodon', postedUrl: null, text: 'Wie fängst du an?' })
    expect(journal.listForDraft(draft.id).map((n) => n.id)).toEqual([note.id])
    services.drafts.trash(draft.id)
    services.drafts.deleteForever(draft.id)
    expect(journal.get(note.id)).toMatchObject({ postId: null, draftId: null, draftTitle: 'Über das Schreiben' })
    expect(journal.listAll().map((n) => n.id)).toEqual([note.id])
    expect(journal.search('fängst').map((n) => n.id)).toEqual([note.id])
  })

  it('turn into a new draft that quotes the note and links back to the post', async () => {
    const { services, journal, post } = await library()
    const note = journal.add({ postId: post.id, kind: 'reply', notedOn: '2026-03-14', text: 'Jana: Schreibst du auch morgens?\nUnd wie lange?' })
    const { draftId } = journal.toDraft(note.id)
    const draft = services.drafts.get(draftId)
    expect(draft).toMatchObject({ title: 'Jana: Schreibst du auch morgens?', language: 'de', status: 'idea' })
    const quote = draft.doc.content[0]!
    expect(quote.type).toBe('blockquote')
    expect(quote.content!.map((p) => p.content?.[0]?.text)).toEqual([
      'Jana: Schreibst du auch morgens?',
      'Und wie lange?',
      '— Antwort auf Mastodon, 2026-03-14, zu „Über das Schreiben“',
    ])
    expect(quote.content![2]!.content![0]!.marks).toEqual([{ type: 'link', attrs: { href: 'https://chaos.social/@anna/1' } }])
    expect(services.search.query('morgens').map((h) => h.id)).toContain(draftId)
  })

  it('are kept in the file across a restart', async () => {
    const dir = tempDir()
    const { services, journal, post } = await library(dir)
    const note = journal.add({ postId: post.id, kind: 'idea', notedOn: '2026-03-14', text: 'Bleibt' })
    services.close()
    const again = await createServices({ dataDir: dir })
    expect(again.journal.get(note.id).text).toBe('Bleibt')
    expect(again.journal.search('bleibt').map((n) => n.id)).toEqual([note.id])
    again.close()
  })
})
