import { type Channel, type Envelope, LonghandError, contract, isChannel } from '@shared/ipc'
import type { Handler, Handlers } from './handlers'

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Envelope<unknown>>

const MAX_DETAILS = 10

/**
 * The one gate every request passes, whichever transport carried it: the channel must exist,
 * the payload must match its schema exactly (strict: unknown fields are refused), and any
 * failure becomes a typed error envelope. Nothing thrown inside a service escapes as an
 * exception, and nothing reaches a service unvalidated.
 */
export function createDispatcher(handlers: Handlers, onInternalError: (channel: string, error: unknown) => void = () => {}): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      // String(channel) throws for objects without a prototype; describe non-strings by type instead.
      const name = typeof channel === 'string' ? JSON.stringify(channel).slice(0, 80) : `of type ${channel === null ? 'null' : typeof channel}`
      return failure(new LonghandError('unknown-channel', `There is no channel called ${name}.`))
    }
    const parsed = contract[channel].args.safeParse(payload ?? {})
    if (!parsed.success) {
      const details = parsed.error.issues
        .slice(0, MAX_DETAILS)
        .map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`.slice(0, 300))
      return failure(new LonghandError('invalid-args', `Invalid arguments for ${channel}.`, details))
    }
    try {
      const handler = handlers[channel] as Handler<Channel>
      return { ok: true, value: await handler(parsed.data as never) }
    } catch (error) {
      if (error instanceof LonghandError) return failure(error)
      onInternalError(channel, error)
      return failure(toLonghandError(error))
    }
  }
}

function failure(error: LonghandError): Envelope<never> {
  return { ok: false, error: error.toPayload() }
}

/** SQLite failures are storage problems the author can act on; anything else is our bug. */
function toLonghandError(error: unknown): LonghandError {
  const code = (error as { code?: unknown })?.code
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code === 'SQLITE_FULL') return new LonghandError('storage', 'The disk is full, so the change could not be saved. Your text is still in the editor.')
    if (code === 'SQLITE_READONLY') return new LonghandError('storage', 'The library file is read-only, so the change could not be saved. Your text is still in the editor.')
    if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new LonghandError('conflict', 'That change does not fit the library (a referenced item is missing).')
    return new LonghandError('storage', `The library could not be written (${code}). Your text is still in the editor.`)
  }
  return new LonghandError('internal', 'Something went wrong inside Longhand. Nothing was changed.')
}
