import { z } from 'zod'

export interface ChannelSpec {
  args: z.ZodType
  result: z.ZodType
}

/** Keeps each domain's literal channel types while checking the shape of every entry. */
export function defineChannels<const T extends Record<string, ChannelSpec>>(channels: T): T {
  return channels
}

/** No arguments: an empty object, and nothing else. */
export const noArgs = z.object({}).strict()
