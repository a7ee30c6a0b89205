import { z } from 'zod'

/**
 * Messages the backend sends to the renderer (the other direction of the contract).
 * Commands come from native menus and the OS (a file opened with Longhand); `flush` asks the
 * renderer to write pending edits now — before quit, the window only closes after the renderer
 * answered on the `app.flushed` channel (or a timeout passed).
 */
export const APP_COMMANDS = [
  'new-draft',
  'import',
  'export-html',
  'export-markdown',
  'find',
  'command-palette',
  'toggle-focus',
  'toggle-library',
  'settings',
  'about',
] as const
export const appCommandSchema = z.enum(APP_COMMANDS)
export type AppCommand = z.infer<typeof appCommandSchema>

export const appEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('command'), command: appCommandSchema }),
  z.object({ type: z.literal('flush'), requestId: z.number().int() }),
  z.object({ type: z.literal('open-files'), paths: z.array(z.string().max(4096)).max(100) }),
])
export type AppEvent = z.infer<typeof appEventSchema>

/** The single IPC channel name events travel on (main → renderer). */
export const APP_EVENT_CHANNEL = 'longhand:event'
