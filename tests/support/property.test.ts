import fc from 'fast-check'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { assertProperty, DEFAULT_PROPERTY_SEED, propertySeed, PROPERTY_SEED_VARIABLE } from './property'

/** The error assertProperty throws for a property that fails (the test fails if it does not). */
function failureOf(run: () => void): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('the property did not fail')
}

const failsAbove99 = () => fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => n < 100)

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('assertProperty', () => {
  test('runs with the fixed seed and names seed and shrink path when a property fails', () => {
    vi.stubEnv(PROPERTY_SEED_VARIABLE, '')
    const error = failureOf(() => assertProperty(failsAbove99()))
    expect(error.message).toContain(`seed: ${DEFAULT_PROPERTY_SEED}, path: "`)
    expect(error.message).toContain('Counterexample: [100]')
  })

  test('the same seed finds the same counterexample along the same path', () => {
    const first = failureOf(() => assertProperty(failsAbove99())).message
    const second = failureOf(() => assertProperty(failsAbove99())).message
    expect(second).toBe(first)
  })

  test('LONGHAND_FC_SEED chooses another seed, and the message names it', () => {
    vi.stubEnv(PROPERTY_SEED_VARIABLE, '12345')
    expect(failureOf(() => assertProperty(failsAbove99())).message).toContain('seed: 12345, path: "')
  })

  test('async properties too', async () => {
    const property = fc.asyncProperty(fc.nat(), async (n) => n < 100)
    await expect(assertProperty(property)).rejects.toThrow(`seed: ${DEFAULT_PROPERTY_SEED}, path: "`)
  })

  test('a passing property passes', () => {
    expect(() => assertProperty(fc.property(fc.nat(), (n) => n >= 0), { numRuns: 50 })).not.toThrow()
  })
})

describe('propertySeed', () => {
  test('defaults to the fixed seed', () => {
    expect(propertySeed(undefined)).toBe(DEFAULT_PROPERTY_SEED)
    expect(propertySeed(' ')).toBe(DEFAULT_PROPERTY_SEED)
  })

  test('reads a 32-bit integer', () => {
    expect(propertySeed('-7')).toBe(-7)
    expect(propertySeed(' 2147483647 ')).toBe(2147483647)
  })

  test.each(['abc', '1.5', '0x10', '2147483648', '1e3'])('refuses %s instead of silently using another seed', (value) => {
    expect(() => propertySeed(value)).toThrow(PROPERTY_SEED_VARIABLE)
  })
})
