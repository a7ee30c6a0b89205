import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHANNELS, type Channel, ERROR_CODES, type Envelope } from '@shared/ipc'
import { VALID_ARGS } from '../main/ipc/valid-args'
import { fingerprint, seededLibrary } from '../support/seeded-library'
import { assertProperty } from '../../support/property'

/**
 * IPC fuzzing: many thousands of random payloads, on every channel and on made-up channel names,
 * through the real validating dispatcher in front of real services on a real SQLite file. Every
 * call must come back as an envelope (never a throw), every failure must be a typed error that
 * is not an internal one, and a refused call must leave the database byte for byte unchanged.
 */
const RUNS = 12_000


const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'id', 'doc', 'patch', 'view', 'text', 'type', 'content']
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '\u0000',
    '\uD800',
    '../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>',
    "'; DROP TABLE drafts; --",
    '" OR 1=1 --',
    'NEAR(a b)',
    '*',
    '%00%2e%2e',
    'ü'.repeat(20_000),
    'data:image/png;base64,AAAA',
    '1e309',
    'NaN',
  ),
)
const anyValue = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_KEYS)),
  values: [hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom(1, 2, -1, 0, 2 ** 53, Number.MAX_VALUE)],
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
})

const channelArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...CHANNELS) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'drafts', 'drafts.list ', 'DRAFTS.LIST'), anyValue) },
)

/** A valid example call for the channel, then one random corruption of it. */
function mutated(channel: unknown): fc.Arbitrary<unknown> {
  const valid = typeof channel === 'string' && Object.hasOwn(VALID_ARGS, channel) ? (VALID_ARGS as Record<string, unknown>)[channel] : {}
  const base = valid as Record<string, unknown>
  const keys = Object.keys(base)
  const someKey = keys.length ? fc.constantFrom(...keys) : fc.constant('id')
  return fc.oneof(
    fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...HOSTILE_KEYS)), anyValue).map(([k, v]) => ({ ...base, [k]: v })),
    fc.tuple(someKey, anyValue).map(([k, v]) => ({ ...base, [k]: v })),
    someKey.map((k) => {
      const { [k]: _dropped, ...rest } = base
      return rest
    }),
    anyValue.map((v) => {
      // Corrupt something nested (the editor document, the settings patch) rather than the top.
      const nested = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
      const target = nested.doc ?? nested.patch
      if (target && typeof target === 'object') (target as Record<string, unknown>)[Array.isArray(target) ? 0 : 'content'] = v
      else nested.extra = v
      return nested
    }),
    fc.constantFrom([base], { args: base }, JSON.stringify(base), Object.assign(Object.create({ polluted: true }), base)),
  )
}

const callArb = channelArb.chain((channel) =>
  fc.record({ channel: fc.constant(channel), payload: fc.oneof({ weight: 1, arbitrary: anyValue }, { weight: 2, arbitrary: mutated(channel) }) }),
)

describe('IPC fuzzing through the real dispatcher', () => {
  it(`survives ${RUNS} random payloads: typed errors only, and refused calls change nothing`, async () => {
    const { services, dispatch, internalErrors } = await seededLibrary()

    let baseline = fingerprint(services)
    const perChannel = new Map<string, number>()
    const codes = new Map<string, number>()
    let accepted = 0

    await assertProperty(
      fc.asyncProperty(callArb, async ({ channel, payload }) => {
        const result = (await dispatch(channel, payload)) as Envelope<unknown>
        if (typeof channel === 'string') perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1)
        expect(typeof result).toBe('object')
        if (result.ok) {
          // The corruption happened to leave a valid call: it may change the library (that is its job).
          accepted++
          baseline = fingerprint(services)
          return
        }
        expect(ERROR_CODES).toContain(result.error.code)
        expect(result.error.code).not.toBe('internal')
        expect(typeof result.error.message).toBe('string')
        expect(result.error.message.length).toBeLessThan(1_000)
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1)
        expect(fingerprint(services)).toBe(baseline)
      }),
      { numRuns: RUNS },
    )

    expect(internalErrors).toEqual([])
    // Every channel of the contract was exercised many times, and most payloads were refused.
    for (const channel of CHANNELS as Channel[]) expect(perChannel.get(channel) ?? 0, channel).toBeGreaterThan(100)
    expect(accepted).toBeLessThan(RUNS / 2)
    expect(codes.get('invalid-args') ?? 0).toBeGreaterThan(RUNS / 2)
    expect(codes.get('unknown-channel') ?? 0).toBeGreaterThan(100)
    // Nothing leaked onto shared prototypes through "__proto__"/"constructor" keys.
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // And the library still opens and reads normally afterwards.
    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(Array.isArray(services.drafts.list())).toBe(true) // draft 1 itself may be gone: valid calls can trash, empty the trash or restore a backup
  }, 240_000)
})
