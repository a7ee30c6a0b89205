import type { Services } from '../../services'
import { appHandlers } from './app'
import { assetHandlers } from './assets'
import { journalHandlers } from './journal'
import { libraryHandlers } from './library'
import { postsHandlers } from './posts'
import { revisionHandlers } from './revisions'
import { settingsHandlers } from './settings'
import { transferHandlers } from './transfer'
import type { Handlers, ShellHooks } from './types'

export type { Handler, Handlers, ShellHooks } from './types'

/**
 * One thin handler per channel, grouped by domain. The `Handlers` type is mapped over the whole
 * contract, so a channel without a handler (or a misspelled one) does not compile.
 */
export function createHandlers(services: Services, shell: ShellHooks = {}): Handlers {
  const context = { services, shell }
  return {
    ...libraryHandlers(context),
    ...revisionHandlers(context),
    ...settingsHandlers(context),
    ...assetHandlers(context),
    ...appHandlers(context),
    ...transferHandlers(context),
    ...postsHandlers(context),
    ...journalHandlers(context),
  }
}
