import fc from 'fast-check'

/**
 * Every property test runs through `assertProperty`, with one fixed seed, so a run that fails
 * fails again on the next run and on any machine. fast-check's error names the seed and the
 * shrink path of the counterexample (`{ seed: …, path: "…" }`). LONGHAND_FC_SEED=<n> explores
 * other inputs; set it to the seed a failure names to see that failure again.
 */
export const DEFAULT_PROPERTY_SEED = 20_261_201

export const PROPERTY_SEED_VARIABLE = 'LONGHAND_FC_SEED'

/** The seed from LONGHAND_FC_SEED, or the fixed default. A malformed value is an error, not ignored. */
export function propertySeed(value: string | undefined = process.env[PROPERTY_SEED_VARIABLE]): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PROPERTY_SEED
  if (!/^-?\d+$/.test(value.trim())) throw new Error(`${PROPERTY_SEED_VARIABLE} must be an integer, got ${JSON.stringify(value)}`)
  const seed = Number(value)
  // fast-check rescales anything outside 32 bits, which would print a seed other than the one given.
  if (seed < -(2 ** 31) || seed >= 2 ** 31) throw new Error(`${PROPERTY_SEED_VARIABLE} must be a 32-bit integer, got ${value}`)
  return seed
}

/**
 * The seed is not a parameter: a test that wants a seed of its own is a test that cannot be
 * reproduced with LONGHAND_FC_SEED. A reporter would replace the message that carries seed and path.
 */
export type PropertyParameters<Ts> = Omit<fc.Parameters<Ts>, 'seed' | 'path' | 'reporter' | 'asyncReporter'>

export function assertProperty<Ts>(property: fc.IAsyncProperty<Ts>, params?: PropertyParameters<Ts>): Promise<void>
export function assertProperty<Ts>(property: fc.IProperty<Ts>, params?: PropertyParameters<Ts>): void
export function assertProperty<Ts>(property: fc.IRawProperty<Ts>, params: PropertyParameters<Ts> = {}): Promise<void> | void {
  return fc.assert(property, { ...params, seed: propertySeed() })
}
