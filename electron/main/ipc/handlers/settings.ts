import type { settingsChannels } from '@shared/ipc/channels/settings'
import type { HandlerContext, HandlersFor } from './types'

export function settingsHandlers({ services }: HandlerContext): HandlersFor<keyof typeof settingsChannels> {
  return {
    'settings.get': () => services.settings.get(),
    'settings.update': ({ patch }) => services.settings.update(patch),
  }
}
