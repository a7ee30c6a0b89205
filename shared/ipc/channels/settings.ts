import { z } from 'zod'
import { settingsPatchSchema, settingsSchema } from '../../domain'
import { defineChannels, noArgs } from './define'

export const settingsChannels = defineChannels({
  'settings.get': { args: noArgs, result: settingsSchema },
  'settings.update': { args: z.object({ patch: settingsPatchSchema }).strict(), result: settingsSchema },
})
