import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@shared/domain'
import { DEFAULT_PLATFORM_SETTINGS, measure } from '@shared/platforms'
import { counterLevel } from '../../../renderer/posts/measureView'
import { PostsSettings } from '../../../renderer/posts/PostsSettings'
import { testBackend, type TestBackend } from '../support/backend'
import { byLabel, click, render, type Rendered, typeInto } from '../support/render'

let view: Rendered | null = null
let backend: TestBackend | null = null
afterEach(async () => {
  await view?.unmount()
  view = null
  backend?.close()
  backend = null
})

/** The settings section wired to the real settings store, as the dialog is. */
async function settingsSection(language: 'de' | 'en' = 'en') {
  backend = await testBackend()
  const api = backend.api
  const patches: SettingsPatch[] = []
  function Host() {
    const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS)
    return (
      <PostsSettings
        posts={settings.posts}
        onChange={(patch) => {
          patches.push(patch)
          setSettings((s) => applySettingsPatch(s, patch))
          void api.invoke('settings.update', { patch }).then(setSettings)
        }}
      />
    )
  }
  view = await render(<Host />, { api, language })
  return { root: view.container, patches, stored: () => api.invoke('settings.get', {}) }
}

const blur = async (el: Element | null) => el?.dispatchEvent(new FocusEvent('focusout', { bubbles: true }))

describe('posts settings', () => {
  it('switches platforms on and off, in the canonical order', async () => {
    const { root, stored } = await settingsSection()
    await click(byLabel(root, 'Threads', 'input'))
    await click(byLabel(root, 'Facebook', 'input'))
    expect((await stored()).posts.enabled).toEqual(['x', 'bluesky', 'mastodon', 'threads', 'linkedin', 'instagram'])
  })

  it('takes a Mastodon server however it is typed, and refuses what is not a server', async () => {
    const { root, stored } = await settingsSection()
    const server = byLabel<HTMLInputElement>(root, 'Your Mastodon server', 'input')!
    await typeInto(server, 'https://Chaos.Social/@ich')
    await blur(server)
    expect(server.value).toBe('chaos.social')
    expect((await stored()).posts.mastodon.server).toBe('chaos.social')
    await typeInto(server, 'nicht mal ein host')
    await blur(server)
    expect(root.textContent).toContain('Enter a server name like mastodon.social.')
    expect(server.getAttribute('aria-invalid')).toBe('true')
    expect((await stored()).posts.mastodon.server).toBe('chaos.social')
  })

  it('overrides a limit, refuses one out of range, and goes back to the default when emptied', async () => {
    const { root, stored } = await settingsSection()
    const linkedin = byLabel<HTMLInputElement>(root, 'Limit for LinkedIn', 'input')!
    expect(linkedin.placeholder).toBe('3,000')
    await typeInto(linkedin, '1300')
    await blur(linkedin)
    expect((await stored()).posts.limits).toEqual({ linkedin: 1300 })
    await typeInto(linkedin, '7')
    await blur(linkedin)
    expect(root.textContent).toContain('Enter a whole number from 50 to 100000.')
    expect((await stored()).posts.limits).toEqual({ linkedin: 1300 })
    await typeInto(linkedin, '')
    await blur(linkedin)
    expect((await stored()).posts.limits).toEqual({})
  })

  it('X Premium raises the X limit the counters use; thread numbering is stored', async () => {
    const { root, stored } = await settingsSection()
    await click(byLabel(root, 'I have X Premium (longer posts)', 'input'))
    await click(byLabel(root, 'No numbers', 'input'))
    const posts = (await stored()).posts
    expect(posts).toMatchObject({ xPremium: true, threadNumbering: 'none' })
    expect(measure('x', 'a'.repeat(1000), posts).over).toBe(false)
    expect(byLabel<HTMLInputElement>(root, 'Limit for X', 'input')!.placeholder).toBe('25,000')
  })

  it('speaks German', async () => {
    const { root } = await settingsSection('de')
    expect(byLabel(root, 'Dein Mastodon-Server', 'input')).not.toBeNull()
    expect(root.textContent).toContain('Teile eines Threads nummerieren')
  })
})

describe('counter levels', () => {
  it('are neutral below 90 %, amber in the last 10 %, red only when the platform would refuse the post', () => {
    const at = (n: number) => counterLevel(measure('x', 'a'.repeat(n), DEFAULT_PLATFORM_SETTINGS))
    expect([at(251), at(252), at(280), at(281)]).toEqual(['ok', 'near', 'near', 'over'])
    // Instagram: within the length, but six hashtags are refused.
    expect(counterLevel(measure('instagram', '#a #b #c #d #e #f', DEFAULT_PLATFORM_SETTINGS))).toBe('over')
  })

  it("keeps the author's own questions and calls to action, one per line, blank lines dropped (de)", async () => {
    const { root, stored } = await settingsSection('de')
    const questions = byLabel<HTMLTextAreaElement>(root, 'Deine Fragen an die Leser:innen', 'textarea')!
    await typeInto(questions, '  Wie siehst du das?\n\nWas war dein erster Post?  \n')
    await blur(questions)
    const ctas = byLabel<HTMLTextAreaElement>(root, 'Deine Aufrufe (z. B. „Schreib mir, wie du das siehst.“)', 'textarea')!
    await typeInto(ctas, 'Schreib mir eine Nachricht.')
    await blur(ctas)
    const posts = (await stored()).posts
    expect(posts.ownQuestions).toEqual(['Wie siehst du das?', 'Was war dein erster Post?'])
    expect(posts.ownCallsToAction).toEqual(['Schreib mir eine Nachricht.'])
    expect(posts.rotation).toBe(0)
    expect(questions.value).toBe('Wie siehst du das?\nWas war dein erster Post?')
  })
})
