import { isMap, parseDocument, stringify, type Tags } from 'yaml'
import { MAX_TITLE_LENGTH } from '../domain'
import { ImportError } from './errors'
import {
  cleanLine,
  emptyImportedMeta,
  formatDate,
  MAX_CANONICAL_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  normalizeLanguage,
  normalizeStatus,
  normalizeTags,
  parseDate,
  type ExportMeta,
  type ImportedMeta,
} from './meta'
import { safeCanonicalUrl } from './urls'

/**
 * YAML front matter as Hugo, Jekyll and Astro read it. Keys written:
 *   title, date, updated, tags, status, draft (Hugo/Jekyll skip drafts), description,
 *   canonical_url (jekyll-seo-tag's name), lang.
 * Keys read: the above plus the spellings other tools use (lastmod, modified, canonical,
 * canonicalURL, canonicalUrl, language, keywords, summary, excerpt, published).
 */

// `---` fence, YAML, then `---` or `...`; the YAML may be empty. The YAML must start right
// after the fence: `---` followed by a blank line is a thematic break (which is how every
// Markdown writer, ours included, separates a leading rule from what follows).
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([^\r\n][\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/
const LOOKS_LIKE_A_KEY = /^[ \t]*["']?[A-Za-z_][\w -]*["']?[ \t]*:/m

export interface SplitFrontMatter {
  /** The parsed mapping, or null when the text has no front matter. */
  data: Record<string, unknown> | null
  body: string
}

/**
 * Separates front matter from the Markdown body. A leading `---` block that is not YAML
 * mapping (e.g. a thematic break followed by a setext heading) is left in the body; one that
 * clearly tries to be front matter but is invalid YAML is an error, so nothing is imported
 * with half its metadata silently lost.
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const match = FRONT_MATTER.exec(text)
  if (!match) return { data: null, body: text }
  const yamlText = match[1] ?? ''
  const body = text.slice(match[0].length)
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false })
  if (doc.errors.length > 0) {
    if (LOOKS_LIKE_A_KEY.test(yamlText)) {
      const first = doc.errors[0]!
      const line = (first.linePos?.[0]?.line ?? 0) + 1
      throw new ImportError('malformed', `The front matter is not valid YAML (line ${line}): ${first.message.split('\n')[0]}`)
    }
    return { data: null, body: text }
  }
  if (doc.contents === null) return { data: {}, body }
  if (!isMap(doc.contents)) return { data: null, body: text }
  const data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>
  return { data, body }
}

function firstOf(data: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) if (data[key] !== undefined && data[key] !== null) return data[key]
  return undefined
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const line = cleanLine(String(value), max)
  return line || undefined
}

export function metaFromFrontMatter(data: Record<string, unknown>): ImportedMeta {
  const meta = emptyImportedMeta()
  const title = text(data.title, MAX_TITLE_LENGTH)
  if (title) meta.title = title
  meta.tags = normalizeTags(firstOf(data, ['tags', 'keywords', 'categories']))
  const status = firstOf(data, ['status'])
  const draft = firstOf(data, ['draft'])
  const published = firstOf(data, ['published'])
  if (status !== undefined) meta.status = normalizeStatus(status)
  else if (draft === true || published === false) meta.status = 'draft'
  else if (draft === false || published === true) meta.status = 'published'
  const language = normalizeLanguage(firstOf(data, ['lang', 'language', 'locale']))
  if (language) meta.language = language
  const created = parseDate(firstOf(data, ['date', 'created', 'pubDate', 'publishDate']))
  if (created !== undefined) meta.createdAt = created
  const updated = parseDate(firstOf(data, ['updated', 'lastmod', 'modified', 'last_modified_at', 'updatedDate']))
  if (updated !== undefined) meta.updatedAt = updated
  const description = text(firstOf(data, ['description', 'summary', 'excerpt']), MAX_DESCRIPTION_LENGTH)
  if (description) meta.description = description
  const canonical = safeCanonicalUrl(
    text(firstOf(data, ['canonical_url', 'canonicalURL', 'canonicalUrl', 'canonical']), MAX_CANONICAL_LENGTH),
  )
  if (canonical) meta.canonicalUrl = canonical
  return meta
}

/** Dates as unquoted ISO timestamps: js-yaml (Astro), Ruby's Psych (Jekyll) and Go (Hugo) read them as dates. */
const isoTimestamp: Tags[number] = {
  identify: (value: unknown) => value instanceof Date,
  default: true,
  tag: 'tag:yaml.org,2002:timestamp',
  resolve: (source: string) => new Date(source),
  stringify: (item) => formatDate((item.value as Date).getTime()),
}

/** The front matter block, fences included, ending with a newline. */
export function writeFrontMatter(meta: ExportMeta): string {
  const data: Record<string, unknown> = { title: cleanLine(meta.title, MAX_TITLE_LENGTH) }
  if (meta.createdAt !== undefined) data.date = new Date(meta.createdAt)
  if (meta.updatedAt !== undefined) data.updated = new Date(meta.updatedAt)
  const tags = normalizeTags(meta.tags)
  if (tags.length > 0) data.tags = tags
  data.status = meta.status
  data.draft = meta.status !== 'published'
  const description = cleanLine(meta.description, MAX_DESCRIPTION_LENGTH)
  if (description) data.description = description
  const canonical = safeCanonicalUrl(meta.canonicalUrl)
  if (canonical) data.canonical_url = canonical
  data.lang = meta.language
  // compat 'yaml-1.1' quotes strings that YAML 1.1 readers (Jekyll) would take for
  // booleans or numbers ("yes", "no", "on", "0755").
  const yaml = stringify(data, { compat: 'yaml-1.1', customTags: [isoTimestamp], lineWidth: 0 })
  return `---\n${yaml}---\n`
}
