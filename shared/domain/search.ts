import { z } from 'zod'
import { draftIdSchema, draftStatusSchema } from './draft'

/**
 * Snippet highlight delimiters. Plain control characters rather than HTML, so the renderer
 * builds <mark> elements itself and never has to trust markup that came from the database.
 */
export const SNIPPET_MARK_START = '\u0002'
export const SNIPPET_MARK_END = '\u0003'

export const searchHitSchema = z.object({
  id: draftIdSchema,
  title: z.string(),
  status: draftStatusSchema,
  snippet: z.string(),
  updatedAt: z.number(),
})
export type SearchHit = z.infer<typeof searchHitSchema>

/** Splits a snippet into plain and highlighted runs for rendering. */
export function snippetRuns(snippet: string): { text: string; hit: boolean }[] {
  const runs: { text: string; hit: boolean }[] = []
  let hit = false
  let current = ''
  for (const ch of snippet) {
    if (ch === SNIPPET_MARK_START || ch === SNIPPET_MARK_END) {
      if (current) runs.push({ text: current, hit })
      current = ''
      hit = ch === SNIPPET_MARK_START
    } else {
      current += ch
    }
  }
  if (current) runs.push({ text: current, hit })
  return runs
}
