import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SettingsPatch } from '@shared/domain'
import { BlogLinkSettings } from '../../../renderer/posts/BlogLinkSettings'
import { byLabel, render, type Rendered, typeInto } from '../support/render'

let view: Rendered | null = null
afterEach(async () => {
  await view?.unmount()
  view = null
})

describe('Settings → Posts: the blog address pattern', () => {
  it('shows an example from the title slug, saves a valid pattern, refuses anything else', async () => {
    const patches: SettingsPatch[] = []
    view = await render(<BlogLinkSettings blog={{ urlPattern: '' }} onChange={(patch) => patches.push(patch)} />, { language: 'de' })
    const input = byLabel<HTMLInputElement>(view.container, 'Muster für Blog-Adressen', 'input')!
    const commit = () => act(async () => void input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })))
    await typeInto(input, 'https://coach.example/blog/{slug}')
    expect(view.container.textContent).toContain('„Grüße aus Köln“ verlinkt auf https://coach.example/blog/gruesse-aus-koeln')
    await commit()
    expect(patches).toEqual([{ blog: { urlPattern: 'https://coach.example/blog/{slug}' } }])
    await typeInto(input, 'ftp://coach.example/{slug}')
    await commit()
    expect(view.container.textContent).toContain('Gib eine Webadresse mit https:// ein')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(patches).toHaveLength(1)
  })
})
