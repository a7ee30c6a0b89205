import type { revisionChannels } from '@shared/ipc/channels/revisions'
import type { HandlerContext, HandlersFor } from './types'

export function revisionHandlers({ services }: HandlerContext): HandlersFor<keyof typeof revisionChannels> {
  const { drafts, revisions } = services
  return {
    'revisions.list': ({ draftId }) => {
      drafts.summary(draftId) // a missing draft is not-found, not an empty list
      return revisions.list(draftId)
    },
    'revisions.get': ({ id }) => revisions.get(id),
    'revisions.restore': ({ id }) => drafts.get(revisions.restore(id)),
  }
}
