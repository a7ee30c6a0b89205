import { describe, expect, it } from 'vitest'
import { composeUrl } from '@shared/platforms'
import { MAX_EXTERNAL_URL_LENGTH } from '@shared/ipc/channels/posts'
import { createDispatcher } from '../../../../electron/main/ipc/dispatch'
import { createHandlers } from '../../../../electron/main/ipc/handlers'
import { checkExternalUrl } from '../../../../electron/main/security/external-url'
import { tempLibrary } from '../../support/temp-library'

/** app.openExternal: the main process opens a platform's compose page, and nothing else. */
async function setup(withShell: boolean) {
  const services = await tempLibrary()
  const opened: string[] = []
  const shell = withShell ? { openExternal: async (url: string) => (opened.push(url), true) } : {}
  const dispatch = createDispatcher(createHandlers(services, shell))
  return { services, dispatch, opened }
}

describe('app.openExternal', () => {
  it('opens the compose page composeUrl builds, through the shell', async () => {
    const { dispatch, opened } = await setup(true)
    const url = composeUrl('x', 'Grüße aus München 🥨 #Schreiben')!
    expect(await dispatch('app.openExternal', { url, platform: 'x' })).toEqual({ ok: true, value: { opened: true } })
    expect(opened).toEqual([url])
  })

  it("opens Mastodon on the author's own server only", async () => {
    const { services, dispatch, opened } = await setup(true)
    services.settings.update({ posts: { mastodon: { server: 'chaos.social' } } })
    const own = composeUrl('mastodon', 'Hallo', services.settings.get().posts)!
    expect(own).toMatch(/^https:\/\/chaos\.social\/share\?/)
    expect(await dispatch('app.openExternal', { url: own, platform: 'mastodon' })).toMatchObject({ ok: true })
    const other = composeUrl('mastodon', 'Hallo')!
    expect(await dispatch('app.openExternal', { url: other, platform: 'mastodon' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(opened).toEqual([own])
  })

  it('refuses anything else, whatever platform it claims to be for', async () => {
    const { dispatch, opened } = await setup(true)
    const refused: Array<[string, string]> = [
      ['https://x.com/intent/tweet?text=a', 'bluesky'],
      ['http://x.com/intent/tweet?text=a', 'x'],
      ['https://x.com.evil.example/intent/tweet?text=a', 'x'],
      ['https://user@x.com/intent/tweet?text=a', 'x'],
      ['https://x.com/intent/tweet?text=a&url=https://evil.example', 'x'],
      ['https://x.com/settings', 'x'],
      ['javascript:alert(1)', 'x'],
      ['file:///etc/passwd', 'x'],
      [composeUrl('x', 'a')!, 'facebook'],
    ]
    for (const [url, platform] of refused) {
      const result = await dispatch('app.openExternal', { url, platform })
      expect(result, url).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(opened).toEqual([])
  })

  it('opens nothing where the shell has no browser to hand it to (the loopback bridge)', async () => {
    const { dispatch } = await setup(false)
    expect(await dispatch('app.openExternal', { url: composeUrl('bluesky', 'Hallo')!, platform: 'bluesky' })).toEqual({ ok: true, value: { opened: false } })
  })

  it('accepts addresses up to the length the main process lets through, no longer', async () => {
    const base = 'https://x.com/intent/tweet?text='
    expect(checkExternalUrl(base + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - base.length)).allowed).toBe(true)
    expect(checkExternalUrl(base + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - base.length + 1)).allowed).toBe(false)
    const { dispatch } = await setup(true)
    const long = base + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH)
    expect(await dispatch('app.openExternal', { url: long, platform: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
  })
})
