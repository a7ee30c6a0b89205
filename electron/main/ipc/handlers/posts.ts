import type { postsChannels } from '@shared/ipc/channels/posts'
import { LonghandError } from '@shared/ipc'
import { isAllowedComposeUrl, profileOf } from '@shared/platforms'
import { checkExternalUrl } from '../../security/external-url'
import type { HandlerContext, HandlersFor } from './types'

export function postsHandlers({ services, shell }: HandlerContext): HandlersFor<keyof typeof postsChannels> {
  const { posts } = services
  return {
    'passages.create': ({ draftId, text }) => posts.createPassage(draftId, text),
    'passages.discard': ({ id }) => posts.discardPassage(id),
    'posts.listForDraft': ({ draftId }) => posts.listForDraft(draftId),
    'posts.create': (input) => posts.create(input),
    'posts.update': ({ id, parts }) => posts.update(id, parts),
    'posts.setState': (change) => posts.setState(change),
    'posts.delete': ({ id }) => {
      posts.delete(id)
      return { deleted: true as const }
    },
    'posts.today': ({ date }) => posts.today(date),
    'app.openExternal': async ({ url, platform }) => {
      // Checked here, for both shells: the renderer only asks, the main process decides.
      const name = profileOf(platform).name
      if (!isAllowedComposeUrl(platform, url, services.settings.get().posts)) {
        throw new LonghandError('forbidden', `That address is not ${name}'s compose page, so it was not opened.`)
      }
      const verdict = checkExternalUrl(url)
      if (!verdict.allowed) throw new LonghandError('forbidden', `That address cannot be opened (${verdict.reason}).`)
      if (!shell.openExternal) return { opened: false }
      return { opened: await shell.openExternal(verdict.href) }
    },
  }
}
