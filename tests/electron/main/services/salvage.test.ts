import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Draft, EditorDoc } from '@shared/domain'
import { NOTHING_SALVAGED } from '@shared/ipc/channels/app'
import { type Services, createServices } from '../../../../electron/main/services'
import { salvageReportOf } from '../../../../electron/main/services/store/database'
import { LATEST_SCHEMA_VERSION, migrate } from '../../../../electron/main/services/store/migrations'
import { manualClock, tempDir } from '../../support/temp-library'
import { damagePageHolding } from '../../../support/damage-page'

/**
 * Damage found mid-session: the app keeps writing into the damaged file until the next start,
 * which moves it aside and brings back the newest good safety copy. What the author wrote after
 * that copy — including everything typed after the notice — must come back with it, not stay
 * only in the file put aside (services/salvage.ts). Real files, really damaged pages.
 */

const LIBRARY = 'longhand.sqlite'
const HOUR = 3_600_000
// ~2.9 KB per paragraph: every top-level block fills a page of its own, so damaging the page that
// holds one marker damages that draft only.
const PARAGRAPH = 'Worte über Worte, die niemand verlieren will. '.repeat(60)

function doc(marker: string): EditorDoc {
  return {
    type: 'doc',
    content: [`${marker} ${PARAGRAPH}`, PARAGRAPH, PARAGRAPH].map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  }
}

const textOf = (services: Services, id: number) => JSON.stringify(services.drafts.get(id).doc)

/**
 * 30 drafts and a safety copy of them; an hour of work after the copy (edits, a renamed draft,
 * new drafts, trashed ones); then the page named by `damage` is damaged, the check after the
 * start finds it, and the author goes on writing until they quit. Returns the state just before
 * the next start.
 */
async function damagedMidSession(damage: string[]) {
  const dir = tempDir()
  const file = join(dir, LIBRARY)
  const clock = manualClock()
  const first = await createServices({ dataDir: dir, now: clock })
  for (let i = 1; i <= 30; i++) first.drafts.create({ title: `Entwurf ${i}`, doc: doc(`[Kennung-${i}]`) })
  const copy = await first.safetyBackups.create(first.db, 'scheduled')
  clock.advance(HOUR)
  first.drafts.saveContent(5, doc('[Neufassung-5]'))
  first.drafts.saveContent(7, doc('[Neufassung-7]'))
  first.drafts.updateMeta(8, { title: 'Entwurf 8, umbenannt', tags: ['neu'] })
  const a = first.drafts.create({ title: 'Nach der Kopie A', doc: doc('[Neu-A]') })
  const b = first.drafts.create({ title: 'Nach der Kopie B', doc: doc('[Neu-B]') })
  first.drafts.trash(9)
  const discarded = first.drafts.create({ title: 'Verworfen', doc: doc('[Verworfen]') })
  first.drafts.trash(discarded.id)
  // A post that went out and what came back.
  const passage = first.posts.createPassage(10, 'Worte über Worte.')
  const post = first.posts.create({ draftId: 10, passageId: passage.id, platform: 'mastodon', style: 'quote', parts: ['Worte über Worte.'] })
  first.posts.setState({ id: post.id, state: 'posted', postedUrl: 'https://chaos.social/@anna/1' })
  first.journal.add({ postId: post.id, kind: 'reply', notedOn: '2026-11-23', text: 'Jana fragt nach Beispielen.' })
  first.close()
  for (const marker of damage) damagePageHolding(file, marker)

  clock.advance(HOUR)
  const running = await createServices({ dataDir: dir, now: clock })
  expect(await running.checkIntegrity()).toMatchObject({ ok: damage.length === 0 })
  // Written after the notice, into the damaged file.
  clock.advance(10 * 60_000)
  running.drafts.saveContent(5, doc('[Nach-dem-Hinweis-5]'))
  const late = running.drafts.create({ title: 'Nach dem Hinweis', doc: doc('[Nach-dem-Hinweis]') })
  // As the author last saw them (a draft on a damaged page cannot be read even now).
  const expected = new Map<number, Draft>()
  for (const id of [5, 7, 8, 9, a.id, b.id, discarded.id, late.id]) {
    try {
      expected.set(id, running.drafts.get(id))
    } catch {
      // Its page is the damaged one.
    }
  }
  running.close()
  clock.advance(HOUR)
  return { dir, file, clock, copy, ids: { a: a.id, b: b.id, discarded: discarded.id, late: late.id }, expected, damagedBytes: readFileSync(file) }
}

async function nextStart(dir: string, clock: ReturnType<typeof manualClock>) {
  return createServices({ dataDir: dir, now: clock })
}

/** Damages the page holding draft 20, lets the check after a start find it, and starts again: the recovery. */
async function damagedAndStartedAgain(dir: string, file: string, clock: ReturnType<typeof manualClock>) {
  damagePageHolding(file, '[Kennung-20]')
  clock.advance(HOUR)
  const running = await createServices({ dataDir: dir, now: clock })
  expect(await running.checkIntegrity()).toMatchObject({ ok: false })
  running.close()
  clock.advance(HOUR)
  return nextStart(dir, clock)
}

/** What a draft is, as the author would compare it (the copy's id aside for drafts created anew). */
function looks(services: Services, id: number) {
  const d = services.drafts.get(id)
  return { title: d.title, tags: d.tags, doc: d.doc, createdAt: d.createdAt, updatedAt: d.updatedAt, trashedAt: d.trashedAt }
}

function byTitle(services: Services, title: string) {
  const all = [...services.drafts.list({ view: 'active' }), ...services.drafts.list({ view: 'trash' })]
  const found = all.filter((d) => d.title === title)
  return found.length === 1 ? found[0]! : null
}

describe('salvage at recovery: what was written after the safety copy comes back', () => {
  it('a damaged page of an old draft: every newer draft comes back, the copy’s text is kept as a revision, trashed stays trashed, the damaged file stays as it was', async () => {
    const { dir, file, clock, copy, expected, damagedBytes } = await damagedMidSession(['[Kennung-20]'])
    const next = await nextStart(dir, clock)
    try {
      expect(next.recovery).toMatchObject({ reason: 'damaged', restoredFrom: copy.file })

      // The text typed after the notice is the draft's text; what the copy had is a revision.
      expect(next.drafts.get(5)).toMatchObject({ doc: doc('[Nach-dem-Hinweis-5]'), updatedAt: expected.get(5)!.updatedAt })
      const history = next.revisions.list(5).map((r) => ({ reason: r.reason, doc: JSON.stringify(next.revisions.get(r.id).doc) }))
      expect(history).toContainEqual({ reason: 'before-restore', doc: JSON.stringify(doc('[Kennung-5]')) })
      // The history written after the copy came with it.
      expect(history.map((h) => h.doc)).toContain(JSON.stringify(doc('[Neufassung-5]')))

      expect(textOf(next, 7)).toBe(JSON.stringify(doc('[Neufassung-7]')))
      expect(next.drafts.get(8)).toMatchObject({ title: 'Entwurf 8, umbenannt', tags: ['neu'], updatedAt: expected.get(8)!.updatedAt })
      // Trashed after the copy (which leaves updated_at alone): still trashed.
      expect(next.drafts.get(9).trashedAt).toBe(expected.get(9)!.trashedAt)
      for (const title of ['Nach der Kopie A', 'Nach der Kopie B', 'Nach dem Hinweis', 'Verworfen']) {
        const summary = byTitle(next, title)
        const original = [...expected.values()].find((d) => d.title === title)!
        expect(summary, title).not.toBeNull()
        expect(looks(next, summary!.id)).toEqual({ title, tags: original.tags, doc: original.doc, createdAt: original.createdAt, updatedAt: original.updatedAt, trashedAt: original.trashedAt })
      }
      expect(byTitle(next, 'Verworfen')!.trashedAt).not.toBeNull()
      expect(next.drafts.list({ view: 'active' }).map((d) => d.title)).not.toContain('Verworfen')
      // The unreadable draft had not changed since the copy: the copy's text is its last text.
      expect(textOf(next, 20)).toBe(JSON.stringify(doc('[Kennung-20]')))
      expect(next.drafts.count()).toBe(30 + 4)
      // Found by search like any draft (the index catches up on the new text).
      expect(next.search.query('Nach-dem-Hinweis').map((hit) => hit.id).sort()).toEqual([5, byTitle(next, 'Nach dem Hinweis')!.id].sort())

      // The post that went out after the copy, and what came back, with it.
      expect(next.posts.listForDraft(10).posts).toMatchObject([{ state: 'posted', postedUrl: 'https://chaos.social/@anna/1', parts: ['Worte über Worte.'] }])
      expect(next.journal.listForDraft(10).map((n) => n.text)).toEqual(['Jana fragt nach Beispielen.'])
      expect(next.recovery!.salvage).toEqual({ outcome: 'read', broughtBack: 8, deletedAgain: 0, notRead: [], notReadButInCopy: 1, imagesMissing: 0, listIncomplete: false, postsAndNotesBroughtBack: 2, postsAndNotesLeft: 0 })
      expect(readFileSync(next.recovery!.movedAsideTo).equals(damagedBytes)).toBe(true)
      // Closed cleanly, it had no -wal and no -shm: looking at it (check, salvage) left none.
      expect(existsSync(`${next.recovery!.movedAsideTo}-wal`)).toBe(false)
      expect(existsSync(`${next.recovery!.movedAsideTo}-shm`)).toBe(false)
      expect(await next.checkIntegrity()).toEqual({ ok: true })
      expect(existsSync(`${file}.recovering`)).toBe(false)
      expect(existsSync(salvageReportOf(file))).toBe(false)
    } finally {
      next.close()
    }

    // A start after that is a plain start: nothing recovered again, the same library.
    const after = await nextStart(dir, clock)
    try {
      expect(after.recovery).toBeNull()
      expect(textOf(after, 5)).toBe(JSON.stringify(doc('[Nach-dem-Hinweis-5]')))
      expect(after.drafts.count()).toBe(34)
    } finally {
      after.close()
    }
  })

  it('a damaged file with a -wal beside it (the last session crashed): moved aside byte for byte with its -wal, and what only the -wal held comes back', async () => {
    const { dir, file, clock, copy } = await damagedMidSession(['[Kennung-20]'])
    // A last change that only the -wal holds, and the files as a crash leaves them (connection still open).
    const crashed = join(dir, 'crashed')
    mkdirSync(crashed)
    const writer = new Database(file)
    writer.pragma('wal_autocheckpoint = 0')
    writer.prepare("UPDATE drafts SET title = 'Nur im WAL', updated_at = updated_at + 1 WHERE id = 6").run()
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(file + suffix, join(crashed, LIBRARY + suffix))
    writer.close()
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(join(crashed, LIBRARY + suffix), file + suffix)
    const mainBytes = readFileSync(file)
    const walBytes = readFileSync(`${file}-wal`)
    expect(walBytes.length).toBeGreaterThan(0)

    const next = await nextStart(dir, clock)
    try {
      expect(next.recovery).toMatchObject({ reason: 'damaged', restoredFrom: copy.file })
      const aside = next.recovery!.movedAsideTo
      // Neither checkpointed into the damaged file nor deleted: the -wal is the author's to keep.
      expect(readFileSync(aside).equals(mainBytes)).toBe(true)
      expect(readFileSync(`${aside}-wal`).equals(walBytes)).toBe(true)
      expect(existsSync(`${aside}-shm`)).toBe(true)
      // Read through the -wal, as the crashed session last saw it.
      expect(next.drafts.get(6).title).toBe('Nur im WAL')
      expect(textOf(next, 5)).toBe(JSON.stringify(doc('[Nach-dem-Hinweis-5]')))
    } finally {
      next.close()
    }
  })

  it('a damaged page of a draft changed after the copy: that draft keeps the copy’s text and is named, one missing from the copy is named as lost; the rest comes back', async () => {
    const { dir, clock, expected } = await damagedMidSession(['[Neufassung-7]', '[Neu-B]'])
    const next = await nextStart(dir, clock)
    try {
      expect(textOf(next, 5)).toBe(JSON.stringify(expected.get(5)!.doc))
      expect(byTitle(next, 'Nach dem Hinweis')).not.toBeNull()
      expect(byTitle(next, 'Nach der Kopie A')).not.toBeNull()
      expect(textOf(next, 7)).toBe(JSON.stringify(doc('[Kennung-7]')))
      expect(byTitle(next, 'Nach der Kopie B')).toBeNull()
      expect(next.recovery!.salvage).toEqual({
        outcome: 'read',
        broughtBack: 6,
        deletedAgain: 0,
        notRead: [{ title: 'Entwurf 7' }, { title: 'Nach der Kopie B' }],
        notReadButInCopy: 0,
        imagesMissing: 0,
        listIncomplete: false,
        postsAndNotesBroughtBack: 2,
        postsAndNotesLeft: 0,
      })
      expect(await next.checkIntegrity()).toEqual({ ok: true })
    } finally {
      next.close()
    }
  })

  it.each([
    ['random bytes', 'damaged', (file: string) => writeFileSync(file, randomBytes(64 * 1024))],
    ['zero bytes', 'empty', (file: string) => writeFileSync(file, '')],
  ] as const)('a file that cannot be read at all (%s): the copy comes back and the report says nothing was carried over', async (_name, reason, ruin) => {
    const { dir, file, clock, copy } = await damagedMidSession([])
    ruin(file)
    const ruined = readFileSync(file)
    const next = await nextStart(dir, clock)
    try {
      expect(next.recovery).toMatchObject({ reason, restoredFrom: copy.file, salvage: NOTHING_SALVAGED })
      expect(next.drafts.count()).toBe(30)
      expect(textOf(next, 5)).toBe(JSON.stringify(doc('[Kennung-5]')))
      expect(readFileSync(next.recovery!.movedAsideTo).equals(ruined)).toBe(true)
    } finally {
      next.close()
    }
  })

  it('no safety copy at all: a new library is started with every draft still readable in the damaged file', async () => {
    const { dir, clock } = await damagedMidSession(['[Kennung-20]'])
    for (const name of readdirSync(join(dir, 'backups'))) renameSync(join(dir, 'backups', name), join(dir, `kept-${name}`))
    const next = await nextStart(dir, clock)
    try {
      expect(next.recovery).toMatchObject({ reason: 'damaged', restoredFrom: null })
      expect(next.drafts.count()).toBe(33)
      expect(textOf(next, 5)).toBe(JSON.stringify(doc('[Nach-dem-Hinweis-5]')))
      expect(next.recovery!.salvage).toMatchObject({ outcome: 'read', broughtBack: 33, notRead: [{ title: 'Entwurf 20' }] })
    } finally {
      next.close()
    }
  })
})

describe('salvage into a copy of an older schema', () => {
  it('the only good copy is the one taken before the last migration: it is migrated under its staged name, then the newer drafts come in', async () => {
    const dir = tempDir()
    const file = join(dir, LIBRARY)
    const clock = manualClock()
    // A library written by the version before blocks (schema 4), in that schema's own tables.
    const old = new Database(file)
    migrate(old, 4)
    for (let i = 1; i <= 30; i++) {
      old.prepare('INSERT INTO drafts (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(i, `Entwurf ${i}`, clock(), clock())
      old.prepare('INSERT INTO draft_bodies (draft_id, doc) VALUES (?, ?)').run(i, JSON.stringify(doc(`[Kennung-${i}]`)))
    }
    old.close()
    // This version opens it: a copy before the migration, then schema 5; the author writes on.
    const upgraded = await createServices({ dataDir: dir, now: clock })
    const [copy] = upgraded.safetyBackups.list()
    expect(copy!.reason).toBe(`before-migration-v${LATEST_SCHEMA_VERSION}`)
    clock.advance(HOUR)
    upgraded.drafts.saveContent(5, doc('[Neufassung-5]'))
    upgraded.drafts.create({ title: 'Nach dem Update', doc: doc('[Nach-dem-Update]') })
    upgraded.close()
    damagePageHolding(file, '[Kennung-20]')

    clock.advance(HOUR)
    const next = await createServices({ dataDir: dir, now: clock, integrity: 'at-open' })
    try {
      expect(textOf(next, 5)).toBe(JSON.stringify(doc('[Neufassung-5]')))
      expect(byTitle(next, 'Nach dem Update')).not.toBeNull()
      expect(next.recovery).toMatchObject({ reason: 'damaged', restoredFrom: copy!.file, salvage: { outcome: 'read', broughtBack: 2, notRead: [], notReadButInCopy: 1 } })
      expect(next.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      expect(await next.checkIntegrity()).toEqual({ ok: true })
    } finally {
      next.close()
    }
  })
})

describe('salvage and crashes', () => {
  /** Two folders in the same state: one recovers without interruption, the other after `interrupt`. */
  async function sideBySide(interrupt: (dir: string, file: string, clean: Services) => void) {
    const { dir, file, clock } = await damagedMidSession(['[Kennung-20]'])
    const control = tempDir()
    cpSync(dir, control, { recursive: true })
    const clean = await nextStart(control, clock)
    let cleanState
    try {
      interrupt(dir, file, clean)
      cleanState = libraryState(clean)
    } finally {
      clean.close()
    }
    const next = await nextStart(dir, clock)
    try {
      expect(libraryState(next)).toEqual(cleanState)
      expect(await next.checkIntegrity()).toEqual({ ok: true })
      return next.recovery
    } finally {
      next.close()
    }
  }

  function libraryState(services: Services) {
    const all = [...services.drafts.list({ view: 'active' }), ...services.drafts.list({ view: 'trash' })].sort((x, y) => x.id - y.id)
    return {
      drafts: all.map((d) => ({ ...looks(services, d.id), revisions: services.revisions.list(d.id).map((r) => [r.reason, r.createdAt, r.wordCount]) })),
      salvage: services.recovery?.salvage,
    }
  }

  it('killed in the middle of the salvage (the staged copy half written, its journal hot): the next start does it all again, as if nothing had happened', async () => {
    const recovery = await sideBySide((dir, file) => {
      // The state a kill leaves: the damaged file still in place, the staged copy with pages of
      // an unfinished transaction in it and its rollback journal beside it.
      const backups = join(dir, 'backups')
      const backup = join(backups, readdirSync(backups).find((name) => name.endsWith('.sqlite'))!)
      const staged = `${file}.recovering`
      copyFileSync(backup, staged)
      const writer = new Database(staged)
      writer.pragma('journal_mode = DELETE')
      writer.pragma('cache_size = 1')
      // Committed before the salvage began (as a migration of an older copy would be): the
      // journal's pages are then not the safety copy's, and replaying them onto a fresh copy of
      // it would mix the two.
      writer.prepare("UPDATE drafts SET title = title || ' (migriert)'").run()
      writer.exec('BEGIN IMMEDIATE')
      writer.prepare("UPDATE drafts SET title = 'HALB GERETTET'").run()
      writer.prepare('INSERT INTO revisions (draft_id, title, doc, word_count, reason, created_at) SELECT draft_id, title, doc, word_count, reason, created_at FROM revisions').run()
      copyFileSync(staged, `${staged}.at-kill`)
      copyFileSync(`${staged}-journal`, `${staged}-journal.at-kill`)
      writer.exec('ROLLBACK')
      writer.close()
      renameSync(`${staged}.at-kill`, staged)
      renameSync(`${staged}-journal.at-kill`, `${staged}-journal`)
      expect(statSync(`${staged}-journal`).size).toBeGreaterThan(0)
    })
    expect(recovery!.salvage).toMatchObject({ outcome: 'read', broughtBack: 8 })
  })

  it('killed after the damaged file was moved aside, before the salvaged copy took its place: the next start finishes it and reports the salvage', async () => {
    const recovery = await sideBySide((dir, file, clean) => {
      // The salvaged copy complete under its staged name, its report beside it, the library file gone.
      renameSync(file, `${file}.unreadable-2026-11-23T12-00-00-000Z`)
      clean.db.pragma('wal_checkpoint(TRUNCATE)')
      copyFileSync(join(clean.dataDir, LIBRARY), `${file}.recovering`)
      writeFileSync(salvageReportOf(file), JSON.stringify(clean.recovery!.salvage))
    })
    expect(recovery).toMatchObject({ reason: 'damaged', movedAsideTo: expect.stringContaining('.unreadable-2026-11-23T12-00-00-000Z'), salvage: { outcome: 'read', broughtBack: 8 } })
  })
})

describe('salvage and drafts deleted for good after the copy', () => {
  it('a draft deleted for good (or with the trash emptied) after the copy stays deleted; an id used again names the new draft; the deletions are kept for the next recovery', async () => {
    const dir = tempDir()
    const file = join(dir, LIBRARY)
    const clock = manualClock()
    const first = await createServices({ dataDir: dir, now: clock })
    for (let i = 1; i <= 30; i++) first.drafts.create({ title: `Entwurf ${i}`, doc: doc(`[Kennung-${i}]`) })
    clock.advance(HOUR)
    first.drafts.saveContent(14, doc('[Neufassung-14]'))
    const editedBeforeCopy = first.drafts.get(14).updatedAt
    const copy = await first.safetyBackups.create(first.db, 'scheduled')
    clock.advance(HOUR)
    first.drafts.trash(11)
    first.drafts.deleteForever(11)
    first.drafts.trash(12)
    first.drafts.trash(13)
    expect(first.drafts.emptyTrash()).toBe(2)
    // The highest id deleted, then a new draft: SQLite gives it the same id.
    first.drafts.trash(30)
    first.drafts.deleteForever(30)
    const reused = first.drafts.create({ title: 'Neu auf 30', doc: doc('[Neu-auf-30]') })
    expect(reused.id).toBe(30)
    // A clock set back: recorded as deleted before the copy's last edit of it, so the copy's is not what was deleted.
    clock.set(editedBeforeCopy - 60_000)
    first.drafts.trash(14)
    first.drafts.deleteForever(14)
    clock.set(editedBeforeCopy + 3 * HOUR)
    first.close()
    const next = await damagedAndStartedAgain(dir, file, clock)
    try {
      expect(next.recovery).toMatchObject({ reason: 'damaged', restoredFrom: copy.file })
      const titles = [...next.drafts.list({ view: 'active' }), ...next.drafts.list({ view: 'trash' })].map((d) => d.title)
      for (const gone of ['Entwurf 11', 'Entwurf 12', 'Entwurf 13', 'Entwurf 30']) expect(titles, gone).not.toContain(gone)
      expect(next.drafts.get(30)).toMatchObject({ title: 'Neu auf 30', doc: doc('[Neu-auf-30]') })
      expect(next.drafts.get(14)).toMatchObject({ title: 'Entwurf 14', doc: doc('[Neufassung-14]') })
      expect(next.drafts.count()).toBe(30 - 4 + 1)
      expect(next.recovery!.salvage).toMatchObject({ outcome: 'read', deletedAgain: 4, broughtBack: 1, notRead: [], notReadButInCopy: 1 })
      expect(await next.checkIntegrity()).toEqual({ ok: true })
    } finally {
      next.close()
    }

    // Damaged again before any new copy: the same copy comes back, and the deletions are still known.
    damagePageHolding(file, '[Kennung-20]')
    clock.advance(HOUR)
    const again = await createServices({ dataDir: dir, now: clock, integrity: 'at-open' })
    try {
      expect(again.recovery).toMatchObject({ reason: 'damaged', restoredFrom: copy.file, salvage: { deletedAgain: 4 } })
      expect(again.drafts.get(30).title).toBe('Neu auf 30')
      expect(again.drafts.count()).toBe(27)
    } finally {
      again.close()
    }
  })
})

describe('salvage of posts, passages and journal notes', () => {
  it('posts and notes written or changed after the copy come back attached to their drafts (a draft new there under its new id); one whose passage id the copy uses for another passage stays in the damaged file and is counted', async () => {
    const dir = tempDir()
    const file = join(dir, LIBRARY)
    const clock = manualClock()
    const first = await createServices({ dataDir: dir, now: clock })
    for (let i = 1; i <= 30; i++) first.drafts.create({ title: `Entwurf ${i}`, doc: doc(`[Kennung-${i}]`) })
    const passage = first.posts.createPassage(10, 'Worte über Worte.')
    const post = first.posts.create({ draftId: 10, passageId: passage.id, platform: 'mastodon', style: 'quote', parts: ['Worte über Worte.'] })
    first.posts.setState({ id: post.id, state: 'posted', postedUrl: 'https://chaos.social/@anna/1' })
    const note = first.journal.add({ postId: post.id, kind: 'reply', notedOn: '2026-11-23', text: 'Jana fragt nach Beispielen.' })
    // The highest passage id, with no post: discarded after the copy, its id is given again.
    const unused = first.posts.createPassage(11, 'Nie gepostet.')
    const copy = await first.safetyBackups.create(first.db, 'scheduled')

    clock.advance(HOUR)
    // The reused passage id: in the copy it is the passage of draft 11.
    expect(first.posts.discardPassage(unused.id)).toEqual({ discarded: true })
    const reused = first.posts.createPassage(12, 'Anderer Satz.')
    expect(reused.id).toBe(unused.id)
    const stranded = first.posts.create({ draftId: 12, passageId: reused.id, platform: 'mastodon', style: 'quote', parts: ['Anderer Satz.'] })
    first.posts.update(post.id, ['Worte über Worte, neu gefasst.'])
    first.journal.update({ id: note.id, text: 'Jana fragt nach zwei Beispielen.' })
    const added = first.journal.add({ postId: post.id, kind: 'person', notedOn: '2026-11-24', text: 'Tom teilt es weiter.' })
    // Two new drafts, the first deleted for good: the second has id 32 here and gets 31 in the copy.
    const gone = first.drafts.create({ title: 'Gleich wieder weg', doc: doc('[Weg]') })
    const fresh = first.drafts.create({ title: 'Neu mit Post', doc: doc('[Neu-mit-Post]') })
    first.drafts.trash(gone.id)
    first.drafts.deleteForever(gone.id)
    expect(fresh.id).toBe(32)
    const freshPassage = first.posts.createPassage(fresh.id, 'Ein neuer Satz.')
    const freshPost = first.posts.create({ draftId: fresh.id, passageId: freshPassage.id, platform: 'bluesky', style: 'teaser', parts: ['Ein neuer Satz.'] })
    first.posts.setState({ id: freshPost.id, state: 'posted' })
    first.journal.add({ postId: freshPost.id, kind: 'idea', notedOn: '2026-11-24', text: 'Daraus ein zweiter Text?' })
    first.close()
    const next = await damagedAndStartedAgain(dir, file, clock)
    try {
      expect(next.recovery).toMatchObject({ reason: 'damaged', restoredFrom: copy.file })
      expect(next.posts.get(post.id)).toMatchObject({ draftId: 10, passageId: passage.id, parts: ['Worte über Worte, neu gefasst.'], state: 'posted', postedUrl: 'https://chaos.social/@anna/1' })
      expect(next.journal.listForDraft(10).map((n) => [n.id, n.postId, n.text])).toEqual([
        [added.id, post.id, 'Tom teilt es weiter.'],
        [note.id, post.id, 'Jana fragt nach zwei Beispielen.'],
      ])
      const freshThere = byTitle(next, 'Neu mit Post')!
      expect(freshThere.id).toBe(31)
      const { passages, posts } = next.posts.listForDraft(31)
      expect(passages).toEqual([{ id: freshPassage.id, draftId: 31, text: 'Ein neuer Satz.', createdAt: freshPassage.createdAt }])
      expect(posts).toMatchObject([{ id: freshPost.id, draftId: 31, passageId: freshPassage.id, platform: 'bluesky', state: 'posted' }])
      expect(next.journal.listForDraft(31).map((n) => n.text)).toEqual(['Daraus ein zweiter Text?'])
      // Found by the journal's search like any note.
      expect(next.journal.search('zweiter').map((n) => n.draftId)).toEqual([31])
      // Never attached to the copy's passage of draft 11 that has the same id.
      expect(() => next.posts.get(stranded.id)).toThrow(/does not exist/)
      expect(next.posts.listForDraft(11).passages).toMatchObject([{ id: unused.id, text: 'Nie gepostet.' }])
      expect(next.posts.listForDraft(12)).toEqual({ passages: [], posts: [] })
      expect(next.recovery!.salvage).toMatchObject({ outcome: 'read', postsAndNotesBroughtBack: 5, postsAndNotesLeft: 1 })
      expect(next.db.pragma('foreign_key_check')).toEqual([])
      expect(await next.checkIntegrity()).toEqual({ ok: true })
    } finally {
      next.close()
    }
  })
})
