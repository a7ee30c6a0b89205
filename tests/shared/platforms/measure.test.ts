import { describe, expect, test } from 'vitest'
import { measure, PLATFORM_IDS, type MeasureWarning } from '@shared/platforms'

const FAMILY = '👨‍👩‍👧‍👦'
const links = (n: number) => Array.from({ length: n }, (_, i) => `https://example.com/${i}`).join(' ')

describe('measure', () => {
  test('returns used, limit, remaining, over and typed warnings', () => {
    expect(measure('x', 'Hallo Welt')).toEqual({ used: 10, limit: 280, remaining: 270, over: false, warnings: [] })
    expect(measure('bluesky', '')).toEqual({ used: 0, limit: 300, remaining: 300, over: false, warnings: [] })
  })

  test('X: 280 weighted characters; emoji and CJK count 2, URLs 23', () => {
    expect(measure('x', 'a'.repeat(280)).over).toBe(false)
    expect(measure('x', 'a'.repeat(281))).toMatchObject({ used: 281, remaining: -1, over: true, warnings: [{ code: 'over-limit', by: 1 }] })
    expect(measure('x', '日'.repeat(140)).over).toBe(false)
    expect(measure('x', '日'.repeat(141)).warnings).toEqual([{ code: 'over-limit', by: 2 }])
    expect(measure('x', `${'a'.repeat(256)} https://example.com/${'p'.repeat(300)}`).used).toBe(256 + 1 + 23)
  })

  test('X: Premium allows 25,000; an explicit limit override wins over Premium', () => {
    const long = 'a'.repeat(5000)
    expect(measure('x', long).over).toBe(true)
    expect(measure('x', long, { xPremium: true })).toMatchObject({ limit: 25_000, over: false })
    expect(measure('x', long, { xPremium: true, limits: { x: 4000 } })).toMatchObject({ limit: 4000, over: true })
  })

  test('X: refuses the characters twitter-text calls invalid', () => {
    expect(measure('x', 'a\uFFFEb')).toMatchObject({ over: true, warnings: [{ code: 'invalid-characters' }] })
  })

  test('Bluesky: 300 graphemes, and 3,000 bytes even when the graphemes fit', () => {
    expect(measure('bluesky', FAMILY.repeat(300))).toMatchObject({ used: 300, over: true })
    const warnings = measure('bluesky', FAMILY.repeat(300)).warnings
    expect(warnings).toEqual([{ code: 'byte-limit', bytes: 7500, limit: 3000 }])
    expect(measure('bluesky', 'ä'.repeat(300))).toMatchObject({ used: 300, over: false })
    expect(measure('bluesky', 'ä'.repeat(301)).warnings).toEqual([{ code: 'over-limit', by: 1 }])
  })

  test('Mastodon: 500 or the server’s limit; URLs 23; @user@domain counts as @user', () => {
    const mention = '@anna@a-very-long-server-name.example.social'
    expect(measure('mastodon', mention).used).toBe('@anna'.length)
    expect(measure('mastodon', `https://example.com/${'x'.repeat(600)}`)).toMatchObject({ used: 23, over: false })
    expect(measure('mastodon', 'a'.repeat(501)).over).toBe(true)
    expect(measure('mastodon', 'a'.repeat(501), { mastodon: { maxCharacters: 5000 } })).toMatchObject({ limit: 5000, over: false })
  })

  test('Threads: 500, and at most 5 distinct links', () => {
    expect(measure('threads', links(5)).over).toBe(false)
    expect(measure('threads', links(6))).toMatchObject({ over: true, warnings: [{ code: 'link-limit', links: 6, limit: 5 }] })
    expect(measure('threads', `${links(5)} https://example.com/0`).over).toBe(false)
  })

  test('Instagram: links are not clickable (advice), more than 5 hashtags are refused', () => {
    expect(measure('instagram', 'Mehr im Blog: https://example.com/post')).toMatchObject({
      over: false,
      warnings: [{ code: 'links-not-clickable', links: 1 }],
    })
    expect(measure('instagram', '#Eins #Zwei #Drei #Vier #Fünf').over).toBe(false)
    expect(measure('instagram', '#Eins #Zwei #Drei #Vier #Fünf #Sechs')).toMatchObject({
      over: true,
      warnings: [{ code: 'hashtag-cap', hashtags: 6, cap: 5 }],
    })
  })

  test('Facebook: 63,206, with a "See more" fold after about 480 characters', () => {
    expect(measure('facebook', 'a'.repeat(480)).warnings).toEqual([])
    expect(measure('facebook', 'a'.repeat(481))).toMatchObject({ over: false, warnings: [{ code: 'see-more-fold', at: 480 }] })
    expect(measure('facebook', 'a'.repeat(63_207)).over).toBe(true)
  })

  test('counts in UTF-16 units where the platform does not say, so a fitting post fits however it is counted', () => {
    expect(measure('linkedin', FAMILY).used).toBe(11)
    expect(measure('tiktok', 'a'.repeat(2200)).over).toBe(false)
    expect(measure('tiktok', 'a'.repeat(2201)).over).toBe(true)
  })

  test('user limits apply, and warnings are plain data for the UI to word', () => {
    expect(measure('xing', 'a'.repeat(1500), { limits: { xing: 2000 } })).toMatchObject({ limit: 2000, over: false })
    const codes = new Set<MeasureWarning['code']>()
    const samples = ['a'.repeat(70_000), links(7), '#a #b #c #d #e #f https://example.com', FAMILY.repeat(400), 'x\uFEFF']
    for (const id of PLATFORM_IDS) {
      for (const text of samples) {
        for (const warning of measure(id, text).warnings) {
          expect(JSON.parse(JSON.stringify(warning))).toEqual(warning)
          codes.add(warning.code)
        }
      }
    }
    expect([...codes].sort()).toEqual(
      ['byte-limit', 'hashtag-cap', 'invalid-characters', 'link-limit', 'links-not-clickable', 'over-limit', 'see-more-fold'].sort(),
    )
  })
})
