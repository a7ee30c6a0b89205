import type { Draft, DraftId, Settings } from '@shared/domain'
import type { Api } from '../api/client'
import { prefetchFirstPage } from '../library/useLibrary'

/**
 * Which draft was open, kept in the window's own storage: it is view state, not library
 * data, and knowing it lets the editor load in parallel with the library list (which alone
 * takes ~300 ms with 10,000 drafts) instead of after it.
 */
const LAST_DRAFT_KEY = 'longhand.openDraftId'

export function rememberOpenDraft(id: DraftId | null, storage: Storage | undefined = safeStorage()): void {
  try {
    if (id === null) storage?.removeItem(LAST_DRAFT_KEY)
    else storage?.setItem(LAST_DRAFT_KEY, String(id))
  } catch {
    // Storage can be unavailable (quota, privacy settings): boot then opens the most recent draft.
  }
}

export function lastOpenDraft(storage: Storage | undefined = safeStorage()): DraftId | null {
  try {
    const id = Number(storage?.getItem(LAST_DRAFT_KEY))
    return Number.isSafeInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

export interface Boot {
  settings: Settings
  /** The draft that was open last time, if it still exists outside the trash. */
  draft: Draft | null
}

/**
 * What the first screen needs, fetched in parallel. The library list follows separately: its
 * first screen is asked for here too (not waited for), the whole list once the workspace is up.
 */
export async function loadBoot(api: Api): Promise<Boot> {
  const lastId = lastOpenDraft()
  const settings = api.invoke('settings.get', {})
  const draft =
    lastId === null
      ? null
      : api.invoke('drafts.get', { id: lastId }).then(
          (d) => (d.trashedAt === null ? d : null),
          // Deleted since: not an error, boot simply opens the most recent draft instead.
          () => null,
        )
  // Asked after them, so the backend answers the editor's requests first.
  prefetchFirstPage(api)
  const [loadedSettings, loadedDraft] = await Promise.all([settings, draft])
  return { settings: loadedSettings, draft: loadedDraft }
}
