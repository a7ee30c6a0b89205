/**
 * A blog slug from a title, German-aware: umlauts and ß are spelled out as German blogs spell
 * them in addresses (ä → ae, ö → oe, ü → ue, ß → ss), other accents are dropped (é → e),
 * everything else that is not a letter or digit becomes a dash. Lowercase, no leading,
 * trailing or doubled dashes. "Grüße aus Köln – Teil 2" → "gruesse-aus-koeln-teil-2".
 */
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' }

/** Slugs longer than this are cut at a dash (blog engines and readers prefer short addresses). */
export const MAX_SLUG_LENGTH = 80

export function slugify(title: string, max = MAX_SLUG_LENGTH): string {
  const slug = title
    .replace(/[äöüßẞÄÖÜ]/g, (ch) => GERMAN[ch]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max)
  const atDash = cut.lastIndexOf('-')
  return (atDash > 0 ? cut.slice(0, atDash) : cut).replace(/-+$/, '')
}
