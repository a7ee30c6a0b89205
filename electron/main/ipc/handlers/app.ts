import type { appChannels } from '@shared/ipc/channels/app'
import type { HandlerContext, HandlersFor } from './types'

export function appHandlers({ services, shell }: HandlerContext): HandlersFor<keyof typeof appChannels> {
  return {
    'app.flushed': ({ requestId, saved }) => {
      shell.flushed?.(requestId, saved)
      return { acknowledged: shell.flushed !== undefined }
    },
    'app.info': () => ({ version: services.appVersion, dataDir: services.dataDir, shell: services.shell }),
  }
}
