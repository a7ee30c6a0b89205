import type { Settings, SettingsPatch } from '@shared/domain'

/**
 * The settings as they will be once the backend applied `patch`: nested objects are merged
 * (a patch of `panes.libraryWidth` keeps the other pane values), anything else is replaced.
 * Used to show a change at once; the backend's answer replaces it right after.
 */
export function mergeSettings(settings: Settings, patch: SettingsPatch): Settings {
  return mergeDeep(settings, patch) as Settings
}

function mergeDeep(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) out[key] = mergeDeep(base[key], value)
  return out
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
