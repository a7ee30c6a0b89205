import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import nspell from 'nspell'
import type { Language } from '@shared/domain'
import { prepareDic, Speller } from '@shared/proofing'

/** The real Hunspell dictionaries from node_modules, read the way the worker gets them (as text). */
export function loadDictionary(language: Language) {
  const dir = resolve(__dirname, '../../../node_modules', `dictionary-${language}`)
  const aff = readFileSync(resolve(dir, 'index.aff'), 'utf8')
  return nspell({ aff, dic: prepareDic(readFileSync(resolve(dir, 'index.dic'), 'utf8'), aff) })
}

const spellers = new Map<Language, Speller>()

/** One speller per language per test file (loading German takes seconds). */
export function spellerFor(language: Language): Speller {
  let speller = spellers.get(language)
  if (!speller) {
    speller = new Speller(language === 'de' ? { language, primary: loadDictionary('de'), secondary: loadDictionary('en') } : { language, primary: loadDictionary('en') })
    spellers.set(language, speller)
  }
  return speller
}

/** A fixture paragraph: `{typo}` marks a seeded misspelling, `[word]` a rare but correct word. */
export interface Seeded {
  text: string
  typos: Array<{ from: number; to: number; word: string }>
  rare: Array<{ from: number; to: number; word: string }>
}

export function readFixture(language: Language): Seeded[] {
  const raw = readFileSync(resolve(__dirname, '../../fixtures/proofing', `${language}.txt`), 'utf8')
  return raw
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => !line.startsWith('#')).join('\n').trim())
    .filter((block) => block !== '')
    .map((block) => {
      const seeded: Seeded = { text: '', typos: [], rare: [] }
      for (const piece of block.split(/(\{[^}]+\}|\[[^\]]+\])/)) {
        const marked = /^[{[](.+)[}\]]$/.exec(piece)
        if (!marked) {
          seeded.text += piece
          continue
        }
        const word = marked[1]!
        const entry = { from: seeded.text.length, to: seeded.text.length + word.length, word }
        ;(piece.startsWith('{') ? seeded.typos : seeded.rare).push(entry)
        seeded.text += word
      }
      return seeded
    })
}
