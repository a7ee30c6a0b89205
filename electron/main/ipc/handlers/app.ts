import type { appChannels } from '@shared/ipc/channels/app'
import type { HandlerContext, HandlersFor } from './types'

export function appHandlers({ services, shell }: HandlerContext): HandlersFor<keyof typeof appChannels> {
  return {
    'app.flushed': ({ requestId, saved }) => {
      shell.flushed?.(requestId, saved)
      return { acknowledged: shell.flushed !== undefined }
    },
    'app.info': () => ({ version: services.appVersion, dataDir: services.dataDir, shell: services.shell }),
    'app.recoveryNotice': () => (services.recovery ? { ...services.recovery, canShowFile: shell.showItemInFolder !== undefined } : null),
    // Without a host nothing checks after the start (the tests' bare dispatcher).
    'app.integrityStatus': () => shell.integrityStatus?.() ?? { state: 'not-checked', foundAt: null, detail: null },
    'app.showRecoveryFile': ({ file }) => {
      const path = file === 'moved-aside' ? services.recovery?.movedAsideTo : services.recovery?.restoredFrom
      if (!path || !shell.showItemInFolder) return { shown: false }
      shell.showItemInFolder(path)
      return { shown: true }
    },
  }
}
