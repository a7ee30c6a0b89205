import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, snippetRuns } from '@shared/domain'
import { DIRECT_SNIPPET_OCCURRENCES, occurrenceBound } from '../../../../electron/main/services/search-direct-snippet'
import { SNIPPET_CHUNK_CHARS } from '../../../../electron/main/services/search-snippet'
import { MAX_COMPLETIONS } from '../../../../electron/main/services/search-prefix'
import { plainMatchExpression } from '../../../../electron/main/services/search-query'
import { assertProperty } from '../../../support/property'
import { tempLibrary } from '../../support/temp-library'

const filler = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `Wellenkamm${(i * 7 + seed) % 97}`).join(' ')

describe('Snippets of ordinary drafts come from the index', () => {
  it('gives each of 20 drafts of ~1,000 words its own snippet without re-tokenizing any text', async () => {
    const { drafts, search } = await tempLibrary()
    const animals = Array.from({ length: 20 }, (_, i) => `Tier${i}`)
    const ids = animals.map((animal, i) =>
      drafts.create({ title: `Entwurf ${i}`, doc: docFromParagraphs([filler(500, i), `Heute sah ich am Waldrand einen ${animal}.`, filler(500, i + 1)]) }).id,
    )
    const hits = search.query('Waldrand ')
    expect(hits.map((h) => h.id).sort()).toEqual([...ids].sort())
    for (const hit of hits) {
      const runs = snippetRuns(hit.snippet)
      expect(runs.filter((r) => r.hit).map((r) => r.text)).toEqual(['Waldrand'])
      expect(runs.map((r) => r.text).join('')).toContain(`am Waldrand einen ${animals[ids.indexOf(hit.id)]}.`)
    }
    expect(search.snippets.charsTokenized).toBe(0)
  })

  it('still takes bounded chunks for short drafts dense with the word', async () => {
    const { drafts, search } = await tempLibrary()
    for (let i = 0; i < 5; i++) drafts.create({ title: `Nur a ${i}`, doc: docFromParagraphs(['a '.repeat(5_000).trim()]) })
    const hits = search.query('a ')
    expect(hits).toHaveLength(5)
    for (const hit of hits) expect(snippetRuns(hit.snippet).some((r) => r.hit && r.text === 'a')).toBe(true)
    expect(search.snippets.charsTokenized).toBeGreaterThan(0)
    expect(search.snippets.charsTokenized).toBeLessThanOrEqual(hits.length * 2 * SNIPPET_CHUNK_CHARS)
  })

  it('never counts fewer occurrences than the index holds (the bound that keeps snippet() fast)', () => {
    const db = new Database(':memory:')
    db.exec("CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2')")
    db.exec("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (1, ?)')
    const tokensStartingWith = db.prepare('SELECT count(*) FROM v WHERE substr(term, 1, length(?)) = ?').pluck()
    const pieces = ['a', 'A', 'ä', 'Á', 'å', 'b', 'B', 'ḃ', '1', ' ', '-', '.', 'é', 'ß', '\u0301', '𝒜', '𝐛', 'ａ', '\u00a0', '_', 'æ', 'ﬁ', 'ab', 'aab']
    assertProperty(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.constantFrom('a', 'b', '1', 'ab', 'aa', 'ba1', 'aab'), (parts, head) => {
        const text = parts.join('')
        db.exec('DELETE FROM t')
        insert.run(text)
        expect(occurrenceBound(text, [head])).toBeGreaterThanOrEqual(Math.min(tokensStartingWith.get(head, head) as number, DIRECT_SNIPPET_OCCURRENCES + 1))
      }),
      { numRuns: 2_000 },
    )
  })
})

describe('A long prefix while typing reads the index’s own words', () => {
  it('expands the word being typed into the completions given', () => {
    const completions = (prefix: string) => (prefix === 'verbind' ? ['verbindlich', 'verbindung'] : undefined)
    expect(plainMatchExpression('Gespräch verbind', 'AND', completions)).toBe('"gespräch" AND ("verbindlich" OR "verbindung")')
    expect(plainMatchExpression('Gespräch verbind ', 'AND', completions)).toBe('"gespräch" AND "verbind"')
  })

  it('finds exactly the drafts the prefix finds, in title or body, with the completion highlighted', async () => {
    const { drafts, search } = await tempLibrary()
    const body = drafts.create({ title: 'Eins', doc: docFromParagraphs(['Eine Verbindung hält.']) }).id
    const title = drafts.create({ title: 'Verbindlichkeit', doc: docFromParagraphs(['Nichts weiter.']) }).id
    drafts.create({ title: 'Zwei', doc: docFromParagraphs(['Verbände und Bindungen.']) })
    const hits = search.query('verbind')
    expect(hits.map((h) => h.id).sort()).toEqual([body, title].sort())
    expect(snippetRuns(hits.find((h) => h.id === body)!.snippet).filter((r) => r.hit).map((r) => r.text)).toEqual(['Verbindung'])
    expect(search.query('verbindu').map((h) => h.id)).toEqual([body])
    expect(search.query('verbindx')).toEqual([])
  })

  it('keeps the prefix query when the prefix completes to more words than it expands', async () => {
    const { drafts, search } = await tempLibrary()
    const words = Array.from({ length: MAX_COMPLETIONS + 5 }, (_, i) => `Wellenkamm${String.fromCharCode(97 + (i % 26))}${i}`)
    const id = drafts.create({ title: 'Viele', doc: docFromParagraphs([words.join(' ')]) }).id
    expect(search.query('wellenk').map((h) => h.id)).toEqual([id])
  })
})
