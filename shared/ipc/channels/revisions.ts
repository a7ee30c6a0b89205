import { z } from 'zod'
import { draftIdSchema, draftSchema, revisionIdSchema, revisionSchema, revisionSummarySchema } from '../../domain'
import { defineChannels } from './define'

export const revisionChannels = defineChannels({
  'revisions.list': {
    args: z.object({ draftId: draftIdSchema }).strict(),
    result: z.array(revisionSummarySchema),
  },
  'revisions.get': { args: z.object({ id: revisionIdSchema }).strict(), result: revisionSchema },
  'revisions.restore': { args: z.object({ id: revisionIdSchema }).strict(), result: draftSchema },
})
