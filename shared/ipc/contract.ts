import type { z } from 'zod'
import { appChannels } from './channels/app'
import { assetChannels } from './channels/assets'
import { journalChannels } from './channels/journal'
import { libraryChannels } from './channels/library'
import { postsChannels } from './channels/posts'
import { revisionChannels } from './channels/revisions'
import { settingsChannels } from './channels/settings'
import { transferChannels } from './channels/transfer'

/**
 * THE contract between renderer and backend: every channel, its arguments and its result,
 * assembled from one file per domain in ./channels. The Electron IPC adapter, the preload, the
 * loopback bridge and the renderer's API object are all derived from this map; add a channel and
 * the type checker lists what is missing (a handler, a test example).
 *
 * Argument schemas are `.strict()`: unknown fields are an error, not silently dropped, so a
 * renderer bug shows up at the boundary instead of deep inside a service.
 */
export const contract = {
  ...libraryChannels,
  ...revisionChannels,
  ...settingsChannels,
  ...assetChannels,
  ...appChannels,
  ...transferChannels,
  ...postsChannels,
  ...journalChannels,
}

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller passes (defaults not yet applied). */
export type Args<C extends Channel> = z.input<Contract[C]['args']>
/** What a handler receives after validation (defaults applied). */
export type ValidArgs<C extends Channel> = z.output<Contract[C]['args']>
export type Result<C extends Channel> = z.output<Contract[C]['result']>

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value)
}

export const CHANNELS = Object.keys(contract) as Channel[]

/**
 * The object the preload puts on `window.longhand`: one function per channel, plus one way to
 * listen to backend events; nothing else.
 */
export type PreloadBridge = { readonly [C in Channel]: (args: unknown) => Promise<unknown> } & {
  readonly onEvent: (listener: (event: unknown) => void) => () => void
}
