import type { Args, Channel } from '@shared/ipc'
import { docFromParagraphs } from '@shared/domain'

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

/**
 * One valid call per channel (ids refer to draft 1, revision 1, passage 1, post 1 (posted) and
 * journal note 1 of the seeded library). The
 * mapped type makes this table exhaustive: a new channel without an entry fails to compile,
 * so the validation tests always cover every channel.
 */
export const VALID_ARGS: { [C in Channel]: Args<C> } = {
  'drafts.list': { view: 'active', status: 'draft', tag: 'Blog' },
  'drafts.get': { id: 1 },
  'drafts.create': { title: 'Neu', status: 'idea', tags: ['a'], language: 'de', doc: docFromParagraphs(['x']) },
  'drafts.updateMeta': { id: 1, title: 'T', status: 'published', tags: ['b'], language: 'en', description: 'd', canonicalUrl: 'https://example.org/' },
  'drafts.saveContent': { id: 1, doc: docFromParagraphs(['Gespeichert']) },
  'drafts.saveBlocks': { id: 1, baseVersion: 1, splices: [{ from: 0, deleteCount: 1, blocks: docFromParagraphs(['Geändert']).content }], blockCount: 1 },
  'drafts.duplicate': { id: 1 },
  'drafts.trash': { id: 1 },
  'drafts.restore': { id: 1 },
  'drafts.deleteForever': { id: 1 },
  'drafts.emptyTrash': {},
  'drafts.ensureWelcome': { language: 'de' },
  'tags.list': {},
  'search.query': { text: 'über', limit: 5 },
  'search.termStats': { terms: ['über', 'social media'] },
  'revisions.list': { draftId: 1 },
  'revisions.get': { id: 1 },
  'revisions.restore': { id: 1 },
  'settings.get': {},
  'settings.update': { patch: { theme: 'dark' } },
  'assets.put': { mime: 'image/png', dataBase64: PNG_1PX },
  'assets.get': { id: '0'.repeat(64) },
  'app.flushed': { requestId: 1, saved: true },
  'app.info': {},
  'app.recoveryNotice': {},
  'app.integrityStatus': {},
  'app.showRecoveryFile': { file: 'moved-aside' },
  'export.save': {
    kind: 'markdown',
    suggestedName: 'Grüße.md',
    files: [
      { role: 'document', text: '# Grüße' },
      { role: 'image', path: 'images/pixel.png', dataBase64: PNG_1PX },
    ],
  },
  'import.create': { doc: docFromParagraphs(['Importiert']), title: 'Import', tags: ['Blog'], status: 'idea', language: 'de', description: 'd', canonicalUrl: 'https://example.org/', createdAt: 0, replaceDraftId: 1 },
  'import.takeOpened': {},
  'import.choose': {},
  'libraryBackup.save': {},
  'libraryBackup.list': {},
  // The folder libraryBackup.save makes in the seeded library (its clock stands at 09:10).
  'libraryBackup.restore': { name: 'Longhand backup 2026-11-23 09-10-00' },
  'safetyBackups.list': {},
  'safetyBackups.create': {},
  'safetyBackups.status': {},
  'safetyBackups.restore': { name: 'longhand-20261123T091000000Z-manual.sqlite' },
  'passages.create': { draftId: 1, text: 'Schreiben ist Denken auf Papier.' },
  'passages.discard': { id: 1 },
  'posts.listForDraft': { draftId: 1 },
  'posts.create': { draftId: 1, passageId: 1, platform: 'mastodon', style: 'quote', parts: ['Eins', 'Zwei'] },
  'posts.update': { id: 1, parts: ['Geändert'] },
  'posts.setState': { id: 1, state: 'planned', plannedFor: '2026-11-23T08:30' },
  'posts.delete': { id: 1 },
  'posts.today': { date: '2026-11-23' },
  'journal.listForDraft': { draftId: 1 },
  'journal.listAll': { limit: 10 },
  'journal.search': { text: 'Grüße', limit: 5 },
  'journal.add': { postId: 1, kind: 'question', notedOn: '2026-11-23', text: 'Wie machst du das?' },
  'journal.update': { id: 1, kind: 'idea', notedOn: '2026-11-24', text: 'Geändert' },
  'journal.delete': { id: 1 },
  'journal.toDraft': { id: 1 },
  'app.openExternal': { url: 'https://bsky.app/intent/compose?text=Hallo%20Welt', platform: 'bluesky' },
}
