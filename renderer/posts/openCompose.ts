import { MAX_EXTERNAL_URL_LENGTH } from '@shared/ipc/channels/posts'
import { composeUrl, type PlatformId, type PlatformSettings } from '@shared/platforms'
import type { Api } from '../api/client'
import { copyText } from './clipboard'

export type OpenOutcome =
  /** The system browser shows the platform's composer. `copied`: the text was too long for the link. */
  | { kind: 'opened'; copied: boolean }
  /** This shell cannot open the browser (the web harness): offer the checked link to click. */
  | { kind: 'link'; url: string; copied: boolean }

/** Whether the platform has a compose page that takes text (Facebook, Instagram... do not). */
export function canOpen(platform: PlatformId, settings: PlatformSettings): boolean {
  try {
    return composeUrl(platform, '', settings) !== null
  } catch {
    return false
  }
}

/**
 * Opens the platform's compose page with `text` filled in, through the main process (which
 * checks the address again). A text too long for a link is copied, and the composer opens empty.
 */
export async function openInPlatform(api: Api, platform: PlatformId, text: string, settings: PlatformSettings): Promise<OpenOutcome> {
  let url = composeUrl(platform, text, settings)
  if (url === null) throw new Error(`${platform} has no compose page`)
  let copied = false
  if (url.length > MAX_EXTERNAL_URL_LENGTH) {
    await copyText(text)
    copied = true
    url = composeUrl(platform, '', settings)!
  }
  const { opened } = await api.invoke('app.openExternal', { url, platform })
  return opened ? { kind: 'opened', copied } : { kind: 'link', url, copied }
}
