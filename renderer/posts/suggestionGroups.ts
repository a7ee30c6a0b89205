import type { LibraryTermStats, Variant, VariantStyle } from '@shared/compose'
import type { Language } from '@shared/domain'
import type { PlatformId } from '@shared/platforms'

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

/** What the card shows for the group's current style: the author's text, else the composer's, else one empty part. */
export function currentParts(group: SuggestionGroup): string[] {
  return group.edited[group.style] ?? group.variants.find((v) => v.style === group.style)?.parts ?? ['']
}

/** Parts worth saving: the empty ones dropped. */
export function partsToSave(parts: readonly string[]): string[] {
  return parts.filter((part) => part.trim() !== '')
}
