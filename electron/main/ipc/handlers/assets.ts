import type { assetChannels } from '@shared/ipc/channels/assets'
import type { HandlerContext, HandlersFor } from './types'

export function assetHandlers({ services }: HandlerContext): HandlersFor<keyof typeof assetChannels> {
  return {
    'assets.put': ({ mime, dataBase64 }) => services.assets.put(mime, dataBase64),
    'assets.get': ({ id }) => services.assets.get(id),
  }
}
