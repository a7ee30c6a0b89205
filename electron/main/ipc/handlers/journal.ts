import type { journalChannels } from '@shared/ipc/channels/journal'
import type { HandlerContext, HandlersFor } from './types'

export function journalHandlers({ services }: HandlerContext): HandlersFor<keyof typeof journalChannels> {
  const { journal } = services
  return {
    'journal.listForDraft': ({ draftId }) => journal.listForDraft(draftId),
    'journal.listAll': ({ limit }) => journal.listAll(limit),
    'journal.search': ({ text, limit }) => journal.search(text, limit),
    'journal.add': (input) => journal.add(input),
    'journal.update': (edit) => journal.update(edit),
    'journal.delete': ({ id }) => {
      journal.delete(id)
      return { deleted: true as const }
    },
    'journal.toDraft': ({ id }) => journal.toDraft(id),
  }
}
