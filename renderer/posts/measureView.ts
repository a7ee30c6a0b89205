import type { TFunction } from 'i18next'
import type { Measurement, MeasureWarning } from '@shared/platforms'

export type CounterLevel = 'ok' | 'near' | 'over'

/** Share of the limit from which a counter turns amber (the last 10 %). */
export const NEAR_LIMIT = 0.9

/** Neutral while comfortably under the limit, amber in the last 10 %, red once the platform would refuse it. */
export function counterLevel(measurement: Measurement): CounterLevel {
  if (measurement.over) return 'over'
  return measurement.used >= measurement.limit * NEAR_LIMIT ? 'near' : 'ok'
}

/**
 * The measure's warnings in the author's words. Over-limit is said by the counter itself
 * (with the number), so it is not repeated here.
 */
export function warningTexts(warnings: readonly MeasureWarning[], platform: string, t: TFunction): { text: string; blocking: boolean }[] {
  return warnings.flatMap((warning): { text: string; blocking: boolean }[] => {
    switch (warning.code) {
      case 'over-limit':
        return []
      case 'byte-limit':
        return [{ text: t('posts.warnings.byteLimit', { platform, bytes: warning.bytes, limit: warning.limit }), blocking: true }]
      case 'link-limit':
        return [{ text: t('posts.warnings.linkLimit', { platform, links: warning.links, limit: warning.limit }), blocking: true }]
      case 'hashtag-cap':
        return [{ text: t('posts.warnings.hashtagCap', { platform, hashtags: warning.hashtags, cap: warning.cap }), blocking: true }]
      case 'invalid-characters':
        return [{ text: t('posts.warnings.invalidCharacters', { platform }), blocking: true }]
      case 'links-not-clickable':
        return [{ text: t('posts.warnings.linksNotClickable', { platform }), blocking: false }]
      case 'see-more-fold':
        return [{ text: t('posts.warnings.seeMoreFold', { platform, at: warning.at }), blocking: false }]
    }
  })
}

/** How far over the limit, if at all. */
export function overBy(measurement: Measurement): number {
  const over = measurement.warnings.find((w) => w.code === 'over-limit')
  return over?.code === 'over-limit' ? over.by : 0
}
