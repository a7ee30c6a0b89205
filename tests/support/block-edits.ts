import fc from 'fast-check'

/** Edits as the editor makes them: a new object for every block it touches, the others kept. */
export type Edit = { kind: 'edit' | 'insert' | 'delete' | 'split' | 'join' | 'move'; at: number; to: number }

export function applyEdit<T>(blocks: readonly T[], edit: Edit, make: (label: string) => T): T[] {
  const next = [...blocks]
  const at = blocks.length === 0 ? 0 : edit.at % blocks.length
  switch (edit.kind) {
    case 'edit':
      if (next.length) next[at] = make(`edited ${at}`)
      break
    case 'insert':
      next.splice(blocks.length === 0 ? 0 : edit.at % (blocks.length + 1), 0, make('inserted'))
      break
    case 'delete':
      next.splice(at, 1)
      break
    case 'split':
      if (next.length) next.splice(at, 1, make('first half'), make('second half'))
      break
    case 'join':
      if (next.length > 1) next.splice(Math.min(at, next.length - 2), 2, make('joined'))
      break
    case 'move': {
      if (next.length > 1) {
        const [moved] = next.splice(at, 1)
        next.splice(edit.to % next.length, 0, moved!)
      }
      break
    }
  }
  return next
}

export const editArbitrary = fc.record({
  kind: fc.constantFrom('edit', 'insert', 'delete', 'split', 'join', 'move'),
  at: fc.nat(1000),
  to: fc.nat(1000),
}) as fc.Arbitrary<Edit>
