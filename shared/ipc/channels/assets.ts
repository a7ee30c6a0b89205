import { z } from 'zod'
import { assetIdSchema, assetSchema, imageMimeSchema } from '../../domain'
import { defineChannels } from './define'

export const assetChannels = defineChannels({
  'assets.put': {
    args: z.object({ mime: imageMimeSchema, dataBase64: assetSchema.shape.dataBase64 }).strict(),
    result: z.object({ id: assetIdSchema }),
  },
  'assets.get': { args: z.object({ id: assetIdSchema }).strict(), result: assetSchema },
})
