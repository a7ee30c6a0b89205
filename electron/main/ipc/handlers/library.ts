import type { libraryChannels } from '@shared/ipc/channels/library'
import type { HandlerContext, HandlersFor } from './types'

export function libraryHandlers({ services }: HandlerContext): HandlersFor<keyof typeof libraryChannels> {
  const { drafts, search } = services
  return {
    'drafts.list': (filter) => drafts.list(filter),
    'drafts.get': ({ id }) => drafts.get(id),
    'drafts.create': (input) => drafts.create(input),
    'drafts.updateMeta': ({ id, ...patch }) => drafts.updateMeta(id, patch),
    'drafts.saveContent': ({ id, doc, baseVersion }) => drafts.saveContent(id, doc, baseVersion === undefined ? {} : { baseVersion }),
    'drafts.saveBlocks': ({ id, ...patch }) => drafts.saveBlocks(id, patch),
    'drafts.duplicate': ({ id }) => drafts.duplicate(id),
    'drafts.trash': ({ id }) => drafts.trash(id),
    'drafts.restore': ({ id }) => drafts.restore(id),
    'drafts.deleteForever': ({ id }) => {
      drafts.deleteForever(id)
      return { deleted: true as const }
    },
    'drafts.emptyTrash': () => ({ deleted: drafts.emptyTrash() }),
    'drafts.ensureWelcome': ({ language }) => ({ createdId: services.ensureWelcome(language) }),
    'tags.list': () => drafts.tags(),
    'search.query': ({ text, limit }) => search.query(text, limit),
    'search.termStats': ({ terms }) => search.termStats(terms),
  }
}
