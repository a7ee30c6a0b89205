import { describe, expect, it } from 'vitest'
import { docFromParagraphs } from '@shared/domain'
import { AUTO_SNAPSHOT_INTERVAL_MS, KEEP_ALL_FOR_MS } from '../../../../electron/main/services/revisions'
import { manualClock, tempLibrary } from '../../support/temp-library'

describe('Revisions', () => {
  it('snapshots the text being replaced at most once per interval while writing', async () => {
    const clock = manualClock()
    const { drafts, revisions } = await tempLibrary({ now: clock })
    const d = drafts.create({ doc: docFromParagraphs(['Version eins']) })
    drafts.saveContent(d.id, docFromParagraphs(['Version zwei']))
    clock.advance(60_000)
    drafts.saveContent(d.id, docFromParagraphs(['Version drei']))
    expect(revisions.list(d.id)).toHaveLength(1)
    expect(revisions.get(revisions.list(d.id)[0]!.id).doc).toEqual(docFromParagraphs(['Version eins']))

    clock.advance(AUTO_SNAPSHOT_INTERVAL_MS)
    drafts.saveContent(d.id, docFromParagraphs(['Version vier']))
    const list = revisions.list(d.id)
    expect(list.map((r) => r.wordCount)).toEqual([2, 2])
    expect(revisions.get(list[0]!.id).doc).toEqual(docFromParagraphs(['Version drei']))
  })

  it('does not snapshot an empty draft or an unchanged text', async () => {
    const clock = manualClock()
    const { drafts, revisions } = await tempLibrary({ now: clock })
    const d = drafts.create()
    drafts.saveContent(d.id, docFromParagraphs(['Erster Text']))
    expect(revisions.list(d.id)).toEqual([])
    clock.advance(AUTO_SNAPSHOT_INTERVAL_MS)
    drafts.saveContent(d.id, docFromParagraphs(['Erster Text']))
    clock.advance(AUTO_SNAPSHOT_INTERVAL_MS)
    drafts.saveContent(d.id, docFromParagraphs(['Erster Text']))
    expect(revisions.list(d.id)).toHaveLength(1)
  })

  it('restores a snapshot and snapshots the current text first, so the restore is undoable', async () => {
    const clock = manualClock()
    const { drafts, revisions, search } = await tempLibrary({ now: clock })
    const d = drafts.create({ doc: docFromParagraphs(['Alte Fassung mit Leuchtturm']) })
    drafts.saveContent(d.id, docFromParagraphs(['Neue Fassung']))
    const [old] = revisions.list(d.id)
    clock.advance(1000)
    revisions.restore(old!.id)
    expect(drafts.get(d.id).doc).toEqual(docFromParagraphs(['Alte Fassung mit Leuchtturm']))
    expect(search.query('leuchtturm').map((h) => h.id)).toEqual([d.id])
    const [undo] = revisions.list(d.id)
    expect(undo).toMatchObject({ reason: 'before-restore' })
    revisions.restore(undo!.id)
    expect(drafts.get(d.id).doc).toEqual(docFromParagraphs(['Neue Fassung']))
  })

  it('keeps every recent snapshot and thins older automatic ones to one per day', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 1, 8))
    const { drafts, revisions } = await tempLibrary({ now: clock })
    const d = drafts.create({ doc: docFromParagraphs(['start']) })
    for (let i = 0; i < 12; i++) {
      clock.advance(AUTO_SNAPSHOT_INTERVAL_MS)
      drafts.saveContent(d.id, docFromParagraphs([`Fassung ${i}`]))
    }
    revisions.snapshot(d.id, 'manual')
    expect(revisions.list(d.id)).toHaveLength(13)
    clock.advance(KEEP_ALL_FOR_MS + 24 * 3600_000)
    drafts.saveContent(d.id, docFromParagraphs(['viel später']))
    const list = revisions.list(d.id)
    expect(list.filter((r) => r.reason === 'manual')).toHaveLength(1)
    // The day's twelve automatic snapshots became one. No new one: the text being replaced
    // is exactly what the manual snapshot already holds.
    expect(list.filter((r) => r.reason === 'auto')).toHaveLength(1)
    expect(list).toHaveLength(2)
  })

  it('deletes a draft’s revisions with the draft', async () => {
    const clock = manualClock()
    const { drafts, revisions, db } = await tempLibrary({ now: clock })
    const d = drafts.create({ doc: docFromParagraphs(['eins']) })
    drafts.saveContent(d.id, docFromParagraphs(['zwei']))
    drafts.trash(d.id)
    drafts.deleteForever(d.id)
    expect(revisions.list(d.id)).toEqual([])
    expect(db.prepare('SELECT count(*) AS n FROM revisions').get()).toEqual({ n: 0 })
  })
})
