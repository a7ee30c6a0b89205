import { z } from 'zod'
import {
  draftIdSchema,
  localDateSchema,
  passageIdSchema,
  passageSchema,
  passageTextSchema,
  postIdSchema,
  postPartsSchema,
  postSchema,
  postStateChangeSchema,
  postStyleSchema,
  todayPostSchema,
} from '../../domain'
import { platformIdSchema } from '../../platforms/ids'
import { defineChannels } from './define'

/**
 * The longest address the app hands to the operating system (the main process refuses longer
 * ones, electron/main/security/external-url.ts; Windows' ShellExecute has a similar limit).
 * A post too long for a prefilled link opens an empty composer and is copied instead.
 */
export const MAX_EXTERNAL_URL_LENGTH = 2048

export const postsChannels = defineChannels({
  /** The selected text becomes a passage; its id goes into the editor's `passage` mark. */
  'passages.create': {
    args: z.object({ draftId: draftIdSchema, text: passageTextSchema }).strict(),
    result: passageSchema,
  },
  /** Drops a passage without posts (the author made posts and saved none). */
  'passages.discard': {
    args: z.object({ id: passageIdSchema }).strict(),
    result: z.object({ discarded: z.boolean() }),
  },
  'posts.listForDraft': {
    args: z.object({ draftId: draftIdSchema }).strict(),
    result: z.object({ passages: z.array(passageSchema), posts: z.array(postSchema) }),
  },
  'posts.create': {
    args: z
      .object({ draftId: draftIdSchema, passageId: passageIdSchema, platform: platformIdSchema, style: postStyleSchema, parts: postPartsSchema })
      .strict(),
    result: postSchema,
  },
  'posts.update': {
    args: z.object({ id: postIdSchema, parts: postPartsSchema }).strict(),
    result: postSchema,
  },
  'posts.setState': { args: postStateChangeSchema, result: postSchema },
  'posts.delete': {
    args: z.object({ id: postIdSchema }).strict(),
    result: z.object({ deleted: z.literal(true) }),
  },
  /** `date` is the author's local date: the backend never guesses their time zone. */
  'posts.today': {
    args: z.object({ date: localDateSchema }).strict(),
    result: z.array(todayPostSchema),
  },
  /**
   * Opens a platform's compose page in the system browser. Only what composeUrl builds for that
   * platform passes (https, the profile's host, or the author's Mastodon server). `opened` is
   * false where the shell cannot open anything (the browser harness): the renderer then offers
   * the link itself.
   */
  'app.openExternal': {
    args: z.object({ url: z.string().max(MAX_EXTERNAL_URL_LENGTH), platform: platformIdSchema }).strict(),
    result: z.object({ opened: z.boolean() }),
  },
})
