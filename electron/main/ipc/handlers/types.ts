import type { Channel, Result, ValidArgs } from '@shared/ipc'
import type { Services } from '../../services'

export type Handler<C extends Channel> = (args: ValidArgs<C>) => Result<C> | Promise<Result<C>>
/** Handlers for a subset of channels (one domain's file). */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> }
export type Handlers = HandlersFor<Channel>

export interface ShellHooks {
  /** The renderer finished a flush the shell asked for (Electron: before the window closes). */
  flushed?: (requestId: number) => void
}

export interface HandlerContext {
  services: Services
  shell: ShellHooks
}
