import { describe, expect, it } from 'vitest'
import { type Command, matchCommands } from '../../../renderer/app/commands'

const commands: Command[] = [
  { id: 'new', label: 'Neuer Entwurf', run: () => undefined },
  { id: 'search', label: 'Entwürfe durchsuchen', run: () => undefined },
  { id: 'dark', label: 'Darstellung: dunkel', keywords: 'theme', run: () => undefined },
]

describe('matchCommands', () => {
  it('matches word starts in any order, ignoring case and accents', () => {
    expect(matchCommands(commands, 'ent neu').map((c) => c.id)).toEqual(['new'])
    expect(matchCommands(commands, 'entwurfe').map((c) => c.id)).toEqual(['search'])
    expect(matchCommands(commands, 'ENT').map((c) => c.id)).toEqual(['new', 'search'])
  })
  it('matches keywords too', () => {
    expect(matchCommands(commands, 'theme').map((c) => c.id)).toEqual(['dark'])
  })
  it('an empty query lists everything; nonsense lists nothing', () => {
    expect(matchCommands(commands, '  ')).toHaveLength(3)
    expect(matchCommands(commands, 'xyz')).toEqual([])
  })
})

describe('matchCommands with a label typed as shown', () => {
  it('finds a command by its own label, colon included ("Sprache:")', () => {
    const withColon: Command[] = [
      { id: 'de', label: 'Sprache: Deutsch', run: () => undefined },
      { id: 'en', label: 'Sprache: Englisch', run: () => undefined },
      { id: 'dark', label: 'Darstellung: dunkel', run: () => undefined },
    ]
    expect(matchCommands(withColon, 'Sprache:').map((c) => c.id)).toEqual(['de', 'en'])
    expect(matchCommands(withColon, 'Sprache: Deutsch').map((c) => c.id)).toEqual(['de'])
    expect(matchCommands(withColon, 'sprache:deu').map((c) => c.id)).toEqual(['de'])
  })
})
