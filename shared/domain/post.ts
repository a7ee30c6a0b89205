import { z } from 'zod'
import type { VariantStyle } from '../compose/variants'
import { platformIdSchema } from '../platforms/ids'
import { MAX_PLATFORM_LIMIT } from '../platforms/settings'
import { draftIdSchema } from './draft'
import { storableString } from './unicode'

/**
 * Saved posts and the passages they were made from. A passage is the text the author selected
 * when they asked for posts; the editor marks it (the `passage` mark, attribute `passageId`),
 * so the posts can find their place in the draft and the draft its posts.
 */

export const passageIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export type PassageId = number
export const postIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export type PostId = number

/** Posts are short; a passage longer than this is a chapter, not something to post from. */
export const MAX_PASSAGE_LENGTH = 10_000
/** A thread longer than this is a blog post. */
export const MAX_POST_PARTS = 100
/** All parts of one post together (a Facebook post may reach 63,206 characters on its own). */
export const MAX_POST_LENGTH = 200_000
export const MAX_POSTED_URL_LENGTH = 2_000

export const passageTextSchema = storableString()
  .max(MAX_PASSAGE_LENGTH)
  .refine((text) => text.trim() !== '', { message: 'a passage needs some text' })

/**
 * The composer's styles (shared/compose VARIANT_STYLES). Spelled out rather than imported so
 * the contract, and with it the preload, does not pull in the composer; the type check below
 * fails the build if the two ever differ.
 */
export const postStyleSchema = z.enum(['quote', 'question', 'teaser'])
export type PostStyle = z.infer<typeof postStyleSchema>
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const stylesMatchComposer: Same<PostStyle, VariantStyle> = true
void stylesMatchComposer

export const POST_STATES = ['draft', 'planned', 'posted'] as const
export const postStateSchema = z.enum(POST_STATES)
export type PostState = z.infer<typeof postStateSchema>

/** One post, or the parts of a thread in order. Empty parts are the renderer's to drop. */
export const postPartsSchema = z
  .array(storableString().max(MAX_PLATFORM_LIMIT))
  .min(1)
  .max(MAX_POST_PARTS)
  .refine((parts) => parts.every((part) => part.trim() !== ''), { message: 'a part cannot be empty' })
  .refine((parts) => parts.reduce((sum, part) => sum + part.length, 0) <= MAX_POST_LENGTH, {
    message: `a post cannot be longer than ${MAX_POST_LENGTH} characters`,
  })

/**
 * The day a post is planned for, as the author's calendar shows it: "2026-03-14", or with a
 * time of day, "2026-03-14T08:30". Local, without a zone on purpose: the backend never guesses
 * the author's time zone; the renderer asks for "today" in its own.
 */
export const plannedForSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d)?$/, { message: 'expected a date like 2026-03-14 or 2026-03-14T08:30' })
  .refine((value) => isCalendarDate(value.slice(0, 10)), { message: 'no such day' })

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date like 2026-03-14' })
  .refine(isCalendarDate, { message: 'no such day' })

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Where the post went live: a web address, nothing else (it is shown as a link). */
export const postedUrlSchema = storableString()
  .max(MAX_POSTED_URL_LENGTH)
  .refine(isWebUrl, { message: 'expected a web address starting with https:// or http://' })

export function isWebUrl(value: string): boolean {
  if (/\s/u.test(value)) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

export const passageSchema = z.object({
  id: passageIdSchema,
  draftId: draftIdSchema,
  text: z.string(),
  createdAt: z.number(),
})
export type Passage = z.infer<typeof passageSchema>

export const postSchema = z.object({
  id: postIdSchema,
  draftId: draftIdSchema,
  passageId: passageIdSchema,
  platform: platformIdSchema,
  style: postStyleSchema,
  parts: z.array(z.string()),
  state: postStateSchema,
  plannedFor: z.string().nullable(),
  postedAt: z.number().nullable(),
  postedUrl: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type Post = z.infer<typeof postSchema>

/** A post in the Today list, with what it needs to show where it came from. */
export const todayPostSchema = postSchema.extend({ draftTitle: z.string(), passageText: z.string() })
export type TodayPost = z.infer<typeof todayPostSchema>

/** How a post's state changes; each state brings what it needs. */
export const postStateChangeSchema = z.discriminatedUnion('state', [
  z.object({ id: postIdSchema, state: z.literal('draft') }).strict(),
  z.object({ id: postIdSchema, state: z.literal('planned'), plannedFor: plannedForSchema }).strict(),
  z.object({ id: postIdSchema, state: z.literal('posted'), postedUrl: postedUrlSchema.optional() }).strict(),
])
export type PostStateChange = z.infer<typeof postStateChangeSchema>
