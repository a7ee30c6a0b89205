import { z } from 'zod'
import {
  draftStatusSchema,
  imageMimeSchema,
  languageSchema,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  tagSchema,
  type Draft,
  type DraftStatus,
  type Language,
} from '../domain'
import type { AssetMap } from './images'

/** Same limits as the draft's own fields (shared/domain/draft.ts draftMetaSchema). */
export const MAX_DESCRIPTION_LENGTH = 2000
export const MAX_CANONICAL_LENGTH = 2000

/**
 * Everything besides the document that an export needs: the draft's metadata plus the
 * images the document refers to (`asset:<id>` → bytes), preloaded by the caller.
 * Dates are epoch milliseconds, like the draft's createdAt/updatedAt.
 */
export const exportMetaSchema = z.object({
  title: z.string().max(MAX_TITLE_LENGTH).default(''),
  tags: z.array(z.string()).default([]),
  status: draftStatusSchema.default('draft'),
  language: languageSchema.default('en'),
  createdAt: z.number().finite().optional(),
  updatedAt: z.number().finite().optional(),
  description: z.string().max(MAX_DESCRIPTION_LENGTH).default(''),
  canonicalUrl: z.string().max(MAX_CANONICAL_LENGTH).default(''),
  assets: z.record(z.string(), z.object({ mime: imageMimeSchema, dataBase64: z.string() })).default({}),
})
export type ExportMeta = z.output<typeof exportMetaSchema> & { assets: AssetMap }
/** What callers pass: every field may be left out. */
export type ExportMetaInput = z.input<typeof exportMetaSchema>

export function parseExportMeta(meta: ExportMetaInput | undefined): ExportMeta {
  return exportMetaSchema.parse(meta ?? {})
}

export function exportMetaFromDraft(
  draft: Pick<Draft, 'title' | 'tags' | 'status' | 'language' | 'createdAt' | 'updatedAt' | 'description' | 'canonicalUrl'>,
  assets: AssetMap = {},
): ExportMetaInput {
  return {
    title: draft.title,
    tags: draft.tags,
    status: draft.status,
    language: draft.language,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    description: draft.description,
    canonicalUrl: draft.canonicalUrl,
    assets,
  }
}

/**
 * Metadata recovered from an imported file. Only what the file actually said is set, so the
 * caller can fill the rest from its defaults; every value already fits the draft's limits.
 */
export interface ImportedMeta {
  title?: string
  tags: string[]
  status?: DraftStatus
  language?: Language
  createdAt?: number
  updatedAt?: number
  description?: string
  canonicalUrl?: string
}

export function emptyImportedMeta(): ImportedMeta {
  return { tags: [] }
}

/** Control characters and line breaks have no place in a one-line field. */
export function cleanLine(value: string, max: number): string {
  return value
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
}

/** Tags from a list or a comma-separated string, cleaned to what tagSchema accepts, without duplicates. */
export function normalizeTags(value: unknown): string[] {
  const raw: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
  const out: string[] = []
  const seen = new Set<string>()
  for (const item of raw) {
    if (typeof item !== 'string' && typeof item !== 'number') continue
    for (const part of String(item).split(',')) {
      const tag = cleanLine(part, MAX_TAG_LENGTH)
      if (!tagSchema.safeParse(tag).success) continue
      const key = tag.toLocaleLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      out.push(tag)
      if (out.length === MAX_TAGS) return out
    }
  }
  return out
}

/** Unknown or missing statuses become 'draft': importing never publishes by accident. */
export function normalizeStatus(value: unknown): DraftStatus {
  const parsed = draftStatusSchema.safeParse(typeof value === 'string' ? value.trim().toLowerCase() : value)
  return parsed.success ? parsed.data : 'draft'
}

/** "de", "de-DE", "de_AT", "German"… → a language the app supports, or null. */
export function normalizeLanguage(value: unknown): Language | null {
  if (typeof value !== 'string') return null
  const v = value.trim().toLowerCase()
  const primary = v.split(/[-_]/, 1)[0] ?? ''
  if (primary === 'de' || v === 'german' || v === 'deutsch') return 'de'
  if (primary === 'en' || v === 'english' || v === 'englisch') return 'en'
  return null
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/

/**
 * Front matter dates as Hugo, Jekyll and Astro write them: YYYY-MM-DD with an optional time
 * and zone. Without a zone the time is read as UTC (what Hugo does by default), so an import
 * gives the same result on every machine.
 */
export function parseDate(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime()
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value !== 'string') return undefined
  const m = ISO_DATE_TIME.exec(value.trim())
  if (!m) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number]
  const day0 = new Date(Date.UTC(year, month - 1, day))
  // Reject 2024-02-31 and 25:00 instead of letting Date roll them over.
  if (day0.getUTCMonth() !== month - 1 || day0.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60) return undefined
  let time = day0.getTime() + ((hour * 60 + minute) * 60 + second) * 1000 + Math.round(Number(`0.${frac}`) * 1000)
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60_000
  }
  return time
}

/** ISO 8601 in UTC without needless milliseconds: 2024-05-01T10:00:00Z. */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.000Z$/, 'Z')
}
