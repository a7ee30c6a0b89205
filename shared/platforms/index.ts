export { PLATFORM_IDS, platformIdSchema, isPlatformId, type PlatformId } from './ids'
export {
  PLATFORMS,
  profileOf,
  type PlatformProfile,
  type CountingRule,
  type HashtagHabit,
  type ComposeTarget,
} from './profiles'
export {
  countGraphemes,
  graphemes,
  utf8ByteLength,
  xWeightedLength,
  mastodonCountableText,
  threadsLength,
  countWith,
  extractLinks,
  extractHashtags,
  MASTODON_URL_LENGTH,
} from './counting'
export { measure, fits, isBlocking, type Measurement, type MeasureWarning, type MeasureWarningCode } from './measure'
export {
  platformSettingsSchema,
  threadNumberingSchema,
  serverHostSchema,
  DEFAULT_PLATFORM_SETTINGS,
  THREAD_NUMBERING_STYLES,
  MIN_PLATFORM_LIMIT,
  MAX_OWN_LINES,
  MAX_OWN_LINE_LENGTH,
  MAX_PLATFORM_LIMIT,
  resolvePlatformSettings,
  effectiveLimit,
  normalizeServerHost,
  enabledPlatforms,
  type PlatformSettings,
  type PlatformSettingsInput,
  type ThreadNumbering,
} from './settings'
export { composeUrl, isAllowedComposeUrl } from './compose-url'
