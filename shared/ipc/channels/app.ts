import { z } from 'zod'
import { defineChannels, noArgs } from './define'

export const appChannels = defineChannels({
  'app.flushed': {
    // saved: every pending write reached the disk. If not, the shell asks before closing.
    args: z.object({ requestId: z.number().int(), saved: z.boolean() }).strict(),
    result: z.object({ acknowledged: z.boolean() }),
  },
  'app.info': {
    args: noArgs,
    result: z.object({ version: z.string(), dataDir: z.string(), shell: z.enum(['electron', 'web']) }),
  },
})
