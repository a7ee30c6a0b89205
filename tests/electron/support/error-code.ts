import { LonghandError } from '@shared/ipc'

/** The typed error code `fn` throws (untyped errors are named as such), or undefined if it does not throw. */
export function code(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof LonghandError ? error.code : `untyped: ${String(error)}`
  }
  return undefined
}
