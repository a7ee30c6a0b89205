import { composeAllVariants } from '@shared/compose'
import { enabledPlatforms, type PlatformSettings } from '@shared/platforms'
import type { PassageSource, SuggestionGroup } from './suggestionGroups'

/**
 * The composer's side of the posts feature (shared/compose, twitter-text and the word lists):
 * a chunk of its own, loaded on the first "Make posts" (composer.ts), not on the way to the editor.
 */
export { libraryTermsFor } from '@shared/compose'
export { currentParts, partsToSave, type PassageSource, type SuggestionGroup } from './suggestionGroups'

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
