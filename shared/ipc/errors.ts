import { z } from 'zod'

/** Every failure that crosses the IPC boundary is one of these, never a raw exception. */
export const ERROR_CODES = [
  'unknown-channel',
  'invalid-args',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'storage',
  'internal',
] as const
export const errorCodeSchema = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const errorPayloadSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.array(z.string()).optional(),
})
export type ErrorPayload = z.infer<typeof errorPayloadSchema>

export class LonghandError extends Error {
  override readonly name = 'LonghandError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message)
  }

  toPayload(): ErrorPayload {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message }
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload }

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new LonghandError(envelope.error.code, envelope.error.message, envelope.error.details)
}
