import { z } from 'zod'
import { isWebUrl } from '../domain/post'
import { storableString } from '../domain/unicode'
import { slugify } from './slug'

/**
 * The blog link of a draft: where its blog post lives. Set per draft (the draft's canonical
 * URL, which a Markdown import also fills) or derived from a pattern in Settings → Posts,
 * e.g. "https://example.com/blog/{slug}", with the slug made from the draft's title.
 */

export const SLUG_PLACEHOLDER = '{slug}'
export const MAX_BLOG_URL_LENGTH = 2000

/** A draft's blog link: empty (none) or a web address — http or https, nothing else. */
export const blogUrlSchema = storableString()
  .max(MAX_BLOG_URL_LENGTH)
  .refine((value) => value === '' || isWebUrl(value), { message: 'expected a web address starting with https:// or http://' })

/**
 * The pattern: empty (no derived links), or a web address that may contain {slug} once. A
 * pattern without {slug} is a base address: the slug goes after it ("…/blog" → "…/blog/slug").
 */
export const blogUrlPatternSchema = storableString()
  .max(MAX_BLOG_URL_LENGTH)
  .refine((value) => value === '' || isBlogUrlPattern(value), { message: 'expected a web address like https://example.com/blog/{slug}' })

export function isBlogUrlPattern(value: string): boolean {
  if (value.split(SLUG_PLACEHOLDER).length > 2) return false
  return isWebUrl(value.replace(SLUG_PLACEHOLDER, 'slug'))
}

export const blogSettingsSchema = z.object({ urlPattern: blogUrlPatternSchema })
export type BlogSettings = z.infer<typeof blogSettingsSchema>
export const DEFAULT_BLOG_SETTINGS: BlogSettings = { urlPattern: '' }

/** The address for a slug under a pattern; null without a pattern or a slug. */
export function urlFromPattern(pattern: string, slug: string): string | null {
  if (!pattern || !slug || !isBlogUrlPattern(pattern)) return null
  const url = pattern.includes(SLUG_PLACEHOLDER) ? pattern.replace(SLUG_PLACEHOLDER, slug) : `${pattern.replace(/\/+$/, '')}/${slug}`
  return isWebUrl(url) ? url : null
}

/**
 * The link the composer gets for a draft: its own blog link if it has one, else the one the
 * pattern derives from its title, else none (the teaser then names the blog in words).
 */
export function blogUrlFor(draft: { title: string; canonicalUrl: string }, settings: { blog?: Partial<BlogSettings> } | undefined): string | undefined {
  const own = draft.canonicalUrl.trim()
  if (own && isWebUrl(own)) return own
  return urlFromPattern(settings?.blog?.urlPattern ?? '', slugify(draft.title)) ?? undefined
}
