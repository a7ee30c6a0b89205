import { z } from 'zod'
import { defineChannels, noArgs } from './define'

export const appChannels = defineChannels({
  'app.flushed': {
    args: z.object({ requestId: z.number().int() }).strict(),
    result: z.object({ acknowledged: z.boolean() }),
  },
  'app.info': {
    args: noArgs,
    result: z.object({ version: z.string(), dataDir: z.string(), shell: z.enum(['electron', 'web']) }),
  },
})
