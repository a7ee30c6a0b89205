import { composeAllVariants, type LibraryTermStats, type Variant, type VariantStyle } from '@shared/compose'
import type { Language } from '@shared/domain'
import { enabledPlatforms, type PlatformId, type PlatformSettings } from '@shared/platforms'

/** The composer's suggestions for one platform, and the author's edits of them. */
export interface SuggestionGroup {
  /** New for every composition, so a card shows fresh suggestions instead of old edits. */
  id: number
  platform: PlatformId
  variants: Variant[]
  /** The style shown in the card. */
  style: VariantStyle
  /** The author's text per style, once they changed it. */
  edited: Partial<Record<VariantStyle, string[]>>
}

export interface PassageSource {
  text: string
  title: string
  tags: string[]
  language: Language
  blogUrl?: string
  /** Which of the author's own questions and calls to action is next (Settings → Posts). */
  rotation?: number
  /** How common the passage's words are in the library, for the hashtags. */
  libraryTermStats?: LibraryTermStats
}

let nextGroupId = 1

/** One group per platform the author uses, in the panel's order. */
export function suggestPosts(source: PassageSource, settings: PlatformSettings): SuggestionGroup[] {
  const platforms = enabledPlatforms(settings)
  // All platforms in one call: the passage is analysed once, not once per platform.
  const composed = composeAllVariants(
    {
      excerpt: source.text,
      title: source.title,
      tags: source.tags,
      language: source.language,
      blogUrl: source.blogUrl,
      ownQuestions: settings.ownQuestions,
      ownCallsToAction: settings.ownCallsToAction,
      rotation: source.rotation ?? settings.rotation,
      libraryTermStats: source.libraryTermStats,
      settings,
    },
    platforms,
  )
  return platforms.map((platform) => {
    const variants = composed.get(platform) ?? []
    return { id: nextGroupId++, platform, variants, style: variants[0]?.style ?? 'quote', edited: {} }
  })
}

/** What the card shows for the group's current style: the author's text, else the composer's, else one empty part. */
export function currentParts(group: SuggestionGroup): string[] {
  return group.edited[group.style] ?? group.variants.find((v) => v.style === group.style)?.parts ?? ['']
}

/** Parts worth saving: the empty ones dropped. */
export function partsToSave(parts: readonly string[]): string[] {
  return parts.filter((part) => part.trim() !== '')
}
