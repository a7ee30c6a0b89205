import { createHash } from 'node:crypto'
import { docFromParagraphs } from '@shared/domain'
import { createDispatcher } from '../../../electron/main/ipc/dispatch'
import { createHandlers } from '../../../electron/main/ipc/handlers'
import type { Services } from '../../../electron/main/services'
import { manualClock, tempLibrary } from './temp-library'

/**
 * The library the IPC tests call into: draft 1 with tags, a snapshot (revision 1), passage 1,
 * post 1 (posted) and journal note 1 — the ids tests/electron/main/ipc/valid-args.ts refers to — behind the real
 * dispatcher. The lazy index is settled, so read-only calls leave the file byte-identical.
 */
export async function seededLibrary() {
  const clock = manualClock()
  const services = await tempLibrary({ now: clock })
  const draft = services.drafts.create({ title: 'Seed', tags: ['Blog'], doc: docFromParagraphs(['Eins zwei drei']) })
  clock.advance(10 * 60_000)
  services.drafts.saveContent(draft.id, docFromParagraphs(['Vier fünf']))
  const passage = services.posts.createPassage(draft.id, 'Vier fünf')
  const post = services.posts.create({ draftId: draft.id, passageId: passage.id, platform: 'x', style: 'quote', parts: ['Vier fünf'] })
  services.posts.setState({ id: post.id, state: 'posted' })
  services.journal.add({ postId: post.id, kind: 'reply', notedOn: '2026-11-23', text: 'Grüße zurück' })
  services.drafts.list()
  const internalErrors: { channel: string; error: unknown }[] = []
  const dispatch = createDispatcher(createHandlers(services), (channel, error) => internalErrors.push({ channel, error }))
  return { services, dispatch, internalErrors, clock }
}

/** Byte-for-byte identity of the database, to prove a refused call changed nothing. */
export function fingerprint(services: Services): string {
  return createHash('sha256').update(services.db.serialize()).digest('hex')
}
