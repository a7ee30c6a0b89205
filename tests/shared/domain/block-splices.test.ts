import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applySplices, diffByIdentity } from '@shared/domain/block-splices'
import { applyEdit, editArbitrary } from '../../support/block-edits'
import { assertProperty } from '../../support/property'

type Block = { text: string }
const block = (text: string): Block => ({ text })

function expectSameItems<T>(actual: readonly T[], expected: readonly T[]): void {
  expect(actual.length).toBe(expected.length)
  actual.forEach((item, i) => expect(item).toBe(expected[i]))
}

describe('diffByIdentity', () => {
  it('finds nothing when nothing changed', () => {
    const blocks = [block('a'), block('b')]
    expect(diffByIdentity(blocks, [...blocks])).toEqual([])
  })

  it('gives one splice of one block for a one-paragraph edit, wherever it is', () => {
    const blocks = Array.from({ length: 1000 }, (_, i) => block(`p${i}`))
    const next = [...blocks]
    next[500] = block('p500 changed')
    expect(diffByIdentity(blocks, next)).toEqual([{ from: 500, deleteCount: 1, items: [next[500]] }])
  })

  it('gives a split paragraph as one block replaced by two, and separate edits as separate splices', () => {
    const blocks = Array.from({ length: 10 }, (_, i) => block(`p${i}`))
    const split = applyEdit(blocks, { kind: 'split', at: 3, to: 0 }, block)
    expect(diffByIdentity(blocks, split)).toEqual([{ from: 3, deleteCount: 1, items: [split[3], split[4]] }])
    const twice = [...blocks]
    twice[1] = block('one')
    twice[8] = block('eight')
    expect(diffByIdentity(blocks, twice)).toEqual([
      { from: 1, deleteCount: 1, items: [twice[1]] },
      { from: 8, deleteCount: 1, items: [twice[8]] },
    ])
  })

  it('handles the same block object twice in a document (a pasted copy)', () => {
    const [a, b, c] = [block('a'), block('b'), block('c')]
    const next = [a, b, a, c]
    expectSameItems(applySplices([a, b, c], diffByIdentity([a, b, c], next)), next)
  })

  it('property: the splices turn the base into the new document, ascending and without overlap', () => {
    assertProperty(
      fc.property(fc.nat(30), fc.array(fc.array(editArbitrary, { maxLength: 6 }), { maxLength: 8 }), (size, saves) => {
        let base: Block[] = Array.from({ length: size }, (_, i) => block(`p${i}`))
        for (const edits of saves) {
          const next = edits.reduce((blocks, edit) => applyEdit(blocks, edit, block), base)
          const splices = diffByIdentity(base, next)
          let end = 0
          for (const s of splices) {
            expect(s.from).toBeGreaterThanOrEqual(end)
            expect(s.deleteCount + s.items.length).toBeGreaterThan(0)
            end = s.from + s.deleteCount
          }
          expect(end).toBeLessThanOrEqual(base.length)
          expectSameItems(applySplices(base, splices), next)
          base = next
        }
      }),
    )
  })
})
