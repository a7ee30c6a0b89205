import { describe, expect, it } from 'vitest'
import { fingerprint, seededLibrary } from '../../support/seeded-library'

describe('the blog link at the boundary', () => {
  it('a draft\'s blog link is http(s) or empty; anything else is refused and changes nothing', async () => {
    const { services, dispatch } = await seededLibrary()
    expect(await dispatch('drafts.updateMeta', { id: 1, canonicalUrl: 'https://coach.example/blog/seed' })).toMatchObject({ ok: true })
    expect(services.drafts.get(1).canonicalUrl).toBe('https://coach.example/blog/seed')
    const before = fingerprint(services)
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'coach.example/blog', 'https://a:b@coach.example/']) {
      expect(await dispatch('drafts.updateMeta', { id: 1, canonicalUrl: bad }), bad).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    }
    expect(fingerprint(services)).toBe(before)
    expect(await dispatch('drafts.updateMeta', { id: 1, canonicalUrl: '' })).toMatchObject({ ok: true })
  })

  it('Settings → Posts keeps a blog URL pattern; a pattern that is not a web address is refused', async () => {
    const { services, dispatch } = await seededLibrary()
    expect(services.settings.get().blog).toEqual({ urlPattern: '' })
    expect(await dispatch('settings.update', { patch: { blog: { urlPattern: 'https://coach.example/blog/{slug}' } } })).toMatchObject({ ok: true })
    expect(services.settings.get().blog.urlPattern).toBe('https://coach.example/blog/{slug}')
    expect(await dispatch('settings.update', { patch: { blog: { urlPattern: 'javascript:{slug}' } } })).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    expect(services.settings.get().blog.urlPattern).toBe('https://coach.example/blog/{slug}')
  })
})
