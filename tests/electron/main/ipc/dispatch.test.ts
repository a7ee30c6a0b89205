import { describe, expect, it } from 'vitest'
import { CHANNELS, type Channel, type Envelope, ERROR_CODES, contract } from '@shared/ipc'
import { docFromParagraphs } from '@shared/domain'
import { fingerprint, seededLibrary } from '../../support/seeded-library'
import { VALID_ARGS } from './valid-args'

async function seeded() {
  const { services, dispatch, internalErrors } = await seededLibrary()
  return { services, dispatch, internal: internalErrors }
}

/** Replaces each top-level field of a valid call with a value of the wrong type, one at a time. */
function wrongTypeVariants(args: Record<string, unknown>): Record<string, unknown>[] {
  const wrongs = [null, 42, -1, 1.5, 'text', true, [], {}, { nested: { deep: [1] } }, Number.NaN]
  return Object.keys(args).flatMap((key) =>
    wrongs.filter((w) => typeof w !== typeof args[key] || Array.isArray(w) !== Array.isArray(args[key])).map((w) => ({ ...args, [key]: w })),
  )
}

function requiredKeys(channel: Channel): string[] {
  const shape = (contract[channel].args as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape ?? {}
  return Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success)
}

describe('dispatcher validation (every channel)', () => {
  it('has a valid example for every channel in the contract', () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual([...CHANNELS].sort())
  })

  it.each(CHANNELS)('%s: refuses payloads of the wrong shape with a typed error and changes nothing', async (channel) => {
    const { services, dispatch, internal } = await seeded()
    const before = fingerprint(services)
    const valid = VALID_ARGS[channel] as Record<string, unknown>
    const bad: unknown[] = [
      null,
      42,
      'drafts',
      [],
      [valid],
      { ...valid, unexpected: true },
      { ...valid, __proto__: { polluted: true } },
      ...wrongTypeVariants(valid),
      ...requiredKeys(channel).map((key) => {
        const { [key]: _dropped, ...rest } = valid
        return rest
      }),
    ]
    for (const payload of bad) {
      if (payload === null && requiredKeys(channel).length === 0) continue // null means "no arguments"
      const result = (await dispatch(channel, payload)) as Envelope<unknown>
      expect(result.ok, `${channel} accepted ${JSON.stringify(payload)}`).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-args')
        expect(ERROR_CODES).toContain(result.error.code)
      }
    }
    expect(fingerprint(services)).toBe(before)
    expect(internal).toEqual([])
  })

  it.each(CHANNELS)('%s: refuses huge strings in every string field', async (channel) => {
    const { services, dispatch } = await seeded()
    const before = fingerprint(services)
    const huge = 'ü'.repeat(5_000_000)
    const valid = VALID_ARGS[channel] as Record<string, unknown>
    const variants = Object.keys(valid)
      .filter((key) => typeof valid[key] === 'string')
      .map((key) => ({ ...valid, [key]: huge }))
    for (const payload of variants) {
      const result = await dispatch(channel, payload)
      expect(result.ok).toBe(false)
    }
    expect(fingerprint(services)).toBe(before)
  })

  it('refuses unknown channels and prototype names', async () => {
    const { dispatch } = await seeded()
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', 'drafts', 42, null, { channel: 'drafts.list' }]) {
      const result = await dispatch(channel, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
  })

  it('turns service errors into typed errors (not-found, conflict) without crashing', async () => {
    const { dispatch } = await seeded()
    expect(await dispatch('drafts.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await dispatch('drafts.deleteForever', { id: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await dispatch('assets.put', { mime: 'image/png', dataBase64: 'aGVsbG8=' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
  })

  it('reports a storage failure as such and keeps the data', async () => {
    const { services, dispatch, internal } = await seeded()
    services.db.pragma('query_only = ON')
    const result = await dispatch('drafts.saveContent', { id: 1, doc: docFromParagraphs(['verloren?']) })
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } })
    services.db.pragma('query_only = OFF')
    expect(services.drafts.get(1).doc).toEqual(docFromParagraphs(['Vier fünf']))
    expect(internal).toHaveLength(1)
  })

  it('answers every valid example call with ok', async () => {
    for (const channel of CHANNELS) {
      const { dispatch } = await seeded()
      if (channel === 'drafts.deleteForever') await dispatch('drafts.trash', { id: 1 })
      if (channel === 'assets.get') continue // needs a stored image: covered in the assets tests
      if (channel === 'libraryBackup.restore') await dispatch('libraryBackup.save', {}) // makes the backup the example names
      const result = await dispatch(channel, VALID_ARGS[channel])
      expect(result, channel).toMatchObject({ ok: true })
    }
  })
})

describe('text the library can store exactly (lone surrogates)', () => {
  // SQLite stores TEXT as UTF-8, where a lone UTF-16 surrogate cannot exist: better-sqlite3
  // would silently store U+FFFD instead. The contract refuses such strings with a typed error.
  const LONE = ['a\uD800b', 'a\uDC00b', '\uD83D', 'x\uDE00\uD83D']
  const calls: [string, (bad: string) => Record<string, unknown>][] = [
    ['drafts.create', (bad) => ({ title: bad })],
    ['drafts.create', (bad) => ({ tags: [bad] })],
    ['drafts.updateMeta', (bad) => ({ id: 1, title: bad })],
    ['drafts.updateMeta', (bad) => ({ id: 1, tags: ['ok', bad] })],
    ['drafts.updateMeta', (bad) => ({ id: 1, description: bad })],
    ['drafts.updateMeta', (bad) => ({ id: 1, canonicalUrl: `https://e.org/${bad}` })],
    ['passages.create', (bad) => ({ draftId: 1, text: `Text ${bad}` })],
    ['posts.create', (bad) => ({ draftId: 1, passageId: 1, platform: 'mastodon', style: 'quote', parts: ['Eins', `Zwei ${bad}`] })],
    ['posts.update', (bad) => ({ id: 1, parts: [`Neu ${bad}`] })],
  ]

  it.each(calls.flatMap(([channel, make]) => LONE.map((bad) => [channel, JSON.stringify(make(bad)), make(bad)] as const)))(
    '%s %s: refused as invalid-args, nothing stored',
    async (channel, _label, args) => {
      const { services, dispatch, internal } = await seeded()
      const before = fingerprint(services)
      const result = await dispatch(channel as Channel, args)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args', details: [expect.stringMatching(/surrogate/i)] } })
      expect(fingerprint(services)).toBe(before)
      expect(internal).toEqual([])
    },
  )

  it('well-formed text, astral characters included, comes back byte-exactly', async () => {
    const { dispatch } = await seeded()
    const title = 'a\u{1F600}b \u00e4\u0308 \uFFFD \u{10FFFF}'
    const created = (await dispatch('drafts.create', { title, tags: ['\u{1F331}'] })) as Envelope<{ id: number }>
    if (!created.ok) throw new Error(created.error.message)
    const read = (await dispatch('drafts.get', { id: created.value.id })) as Envelope<{ title: string; tags: string[] }>
    expect(read).toMatchObject({ ok: true, value: { title, tags: ['\u{1F331}'] } })
  })
})
