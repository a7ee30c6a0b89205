import { applySettingsPatch, DEFAULT_SETTINGS, type Settings, type SettingsPatch, settingsSchema } from '@shared/domain'
import type { Db } from './store/database'

/**
 * One row per top-level key, JSON-encoded. Reading merges over the defaults and validates, so
 * a key written by an older version, a missing key or a hand-edited bad value never breaks
 * start-up: the bad key simply reads as its default.
 */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
    const settings: Record<string, unknown> = structuredClone(DEFAULT_SETTINGS)
    for (const { key, value } of rows) {
      if (!Object.hasOwn(DEFAULT_SETTINGS, key)) continue
      try {
        const candidate = { ...settings, [key]: mergeDefaults((DEFAULT_SETTINGS as Record<string, unknown>)[key], JSON.parse(value)) }
        if (settingsSchema.safeParse(candidate).success) settings[key] = candidate[key]
      } catch {
        // unreadable value: keep the default
      }
    }
    return settingsSchema.parse(settings)
  }

  update(patch: SettingsPatch): Settings {
    const current = this.get()
    const next = settingsSchema.parse(applySettingsPatch(current, patch))
    const write = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    this.db.transaction(() => {
      for (const key of Object.keys(patch) as (keyof Settings)[]) write.run(key, JSON.stringify(next[key]))
    })()
    return next
  }
}

/**
 * Objects gain keys added in later versions from the defaults, at any depth (posts.mastodon);
 * everything else is taken as stored.
 */
function mergeDefaults(defaults: unknown, stored: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(stored)) return stored
  const merged: Record<string, unknown> = { ...defaults }
  for (const [key, value] of Object.entries(stored)) {
    if (key === '__proto__') continue // JSON.parse makes it an own key; assigning it would swap the prototype
    merged[key] = Object.hasOwn(defaults, key) ? mergeDefaults(defaults[key], value) : value
  }
  return merged
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
