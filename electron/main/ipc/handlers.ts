import type { Channel, Result, ValidArgs } from '@shared/ipc'
import type { Services } from '../services'

export type Handler<C extends Channel> = (args: ValidArgs<C>) => Result<C> | Promise<Result<C>>
export type Handlers = { [C in Channel]: Handler<C> }

/**
 * One handler per channel, each a thin call into a service. The mapped type makes a missing
 * or misspelled channel a compile error.
 */
export interface ShellHooks {
  /** The renderer finished a flush the shell asked for (Electron: before the window closes). */
  flushed?: (requestId: number) => void
}

export function createHandlers(services: Services, shell: ShellHooks = {}): Handlers {
  const { drafts, search, revisions, settings, assets } = services
  return {
    'drafts.list': (filter) => drafts.list(filter),
    'drafts.get': ({ id }) => drafts.get(id),
    'drafts.create': (input) => drafts.create(input),
    'drafts.updateMeta': ({ id, ...patch }) => drafts.updateMeta(id, patch),
    'drafts.saveContent': ({ id, doc }) => drafts.saveContent(id, doc),
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
    'revisions.list': ({ draftId }) => {
      drafts.summary(draftId)
      return revisions.list(draftId)
    },
    'revisions.get': ({ id }) => revisions.get(id),
    'revisions.restore': ({ id }) => drafts.get(revisions.restore(id)),
    'settings.get': () => settings.get(),
    'settings.update': ({ patch }) => settings.update(patch),
    'assets.put': ({ mime, dataBase64 }) => assets.put(mime, dataBase64),
    'assets.get': ({ id }) => assets.get(id),
    'app.flushed': ({ requestId }) => {
      shell.flushed?.(requestId)
      return { acknowledged: shell.flushed !== undefined }
    },
    'app.info': () => ({ version: services.appVersion, dataDir: services.dataDir, shell: services.shell }),
  }
}
