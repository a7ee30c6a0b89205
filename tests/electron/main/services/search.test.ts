import { describe, expect, it } from 'vitest'
import { docFromParagraphs, snippetRuns } from '@shared/domain'
import { Search } from '../../../../electron/main/services/search'
import { SNIPPET_CHUNK_CHARS, SNIPPET_SCAN_CHARS } from '../../../../electron/main/services/search-snippet'
import { tempLibrary } from '../../support/temp-library'

async function library() {
  const services = await tempLibrary()
  const { drafts } = services
  const ueber = drafts.create({ title: 'Über Social Media', doc: docFromParagraphs(['Soft Skills sind wichtiger als Technik.', 'Dialog auf Augenhöhe.']) })
  const strasse = drafts.create({ title: 'Unterwegs', doc: docFromParagraphs(['Die Straße war nass, z. B. nach dem Regen.']) })
  const english = drafts.create({ title: 'Notes', doc: docFromParagraphs(['Conversation with readers, not marketing automation.']) })
  return { ...services, ueber, strasse, english }
}

describe('Search', () => {
  it('finds words in title and body, case- and umlaut-insensitively', async () => {
    const { search, ueber } = await library()
    expect(search.query('uber').map((h) => h.id)).toEqual([ueber.id])
    expect(search.query('AUGENHOHE').map((h) => h.id)).toEqual([ueber.id])
    expect(search.query('augenhöhe').map((h) => h.id)).toEqual([ueber.id])
  })

  it('treats ß and ss as the same spelling', async () => {
    const { search, strasse } = await library()
    expect(search.query('Strasse').map((h) => h.id)).toEqual([strasse.id])
    expect(search.query('straße').map((h) => h.id)).toEqual([strasse.id])
  })

  it('keeps an ß word found at every keystroke while "strasse" or "uber" is typed', async () => {
    const { search, strasse, ueber } = await library()
    for (const typed of ['st', 'str', 'stra', 'stras', 'strass', 'strasse', 'STRAS']) expect(search.query(typed).map((h) => h.id), typed).toContain(strasse.id)
    for (const typed of ['ub', 'ube', 'uber']) expect(search.query(typed).map((h) => h.id), typed).toContain(ueber.id)
    // The highlight is the word as written.
    expect(snippetRuns(search.query('stras')[0]!.snippet).filter((r) => r.hit).map((r) => r.text)).toEqual(['Straße'])
  })

  it('finds the word being typed as a prefix', async () => {
    const { search, english } = await library()
    expect(search.query('conversat').map((h) => h.id)).toEqual([english.id])
    expect(search.query('conversat ').map((h) => h.id)).toEqual([])
  })

  it('takes a single letter being typed as a word, a prefix from the second letter on', async () => {
    const { search, english, drafts } = await library()
    const single = drafts.create({ title: 'Vitamin', doc: docFromParagraphs(['Vitamin C am Morgen.']) })
    expect(search.query('c').map((h) => h.id)).toEqual([single.id])
    expect(search.query('co').map((h) => h.id)).toEqual([english.id])
    expect(search.query('vitamin c').map((h) => h.id)).toEqual([single.id])
  })

  it('requires every word (AND) and ranks title hits above body hits', async () => {
    const { search, drafts, ueber } = await library()
    const bodyOnly = drafts.create({ title: 'Anderes', doc: docFromParagraphs(['Ein Satz über Social Media nebenbei und noch mehr Text dazu.']) })
    expect(search.query('social technik').map((h) => h.id)).toEqual([ueber.id])
    const ids = search.query('social media').map((h) => h.id)
    expect(ids).toEqual([ueber.id, bodyOnly.id])
  })

  it('returns a snippet with highlight markers around the hit and no HTML', async () => {
    const { search, drafts } = await library()
    drafts.create({ title: 'x', doc: docFromParagraphs(['Vorher <b>fett</b> und dann das Zielwort Gesprächskultur danach.']) })
    const [hit] = search.query('Gesprächskultur')
    const runs = snippetRuns(hit!.snippet)
    expect(runs.filter((r) => r.hit).map((r) => r.text)).toEqual(['Gesprächskultur'])
    expect(runs.map((r) => r.text).join('')).toContain('<b>fett</b>')
  })

  it('takes each snippet from its own draft when several drafts share the word', async () => {
    const { search, drafts } = await library()
    const animals = ['Amsel', 'Biber', 'Dachs', 'Elster', 'Fuchs']
    const ids = animals.map((animal) => drafts.create({ title: `Tier ${animal}`, doc: docFromParagraphs([`Heute sah ich am Waldrand einen ${animal}.`]) }).id)
    const hits = search.query('Waldrand')
    expect(hits.map((h) => h.id).sort()).toEqual([...ids].sort())
    for (const hit of hits) {
      const animal = animals[ids.indexOf(hit.id)]!
      expect(snippetRuns(hit.snippet).map((r) => r.text).join('')).toBe(`Heute sah ich am Waldrand einen ${animal}.`)
    }
  })

  it.each(['"unbalanced', '*', 'AND', 'OR OR', 'NEAR(', 'title:', '"', '(((', '^', 'a AND NOT', '💥', '   '])(
    'never fails on a malformed query: %s',
    async (query) => {
      const { search } = await library()
      expect(() => search.query(query)).not.toThrow()
    },
  )

  it('falls back to a plain search when FTS syntax is malformed', async () => {
    const { search, ueber } = await library()
    expect(search.query('"soft skills').map((h) => h.id)).toEqual([ueber.id])
  })

  it('honours phrase and OR syntax when it is well-formed', async () => {
    const { search, ueber, english } = await library()
    expect(search.query('"soft skills"').map((h) => h.id)).toEqual([ueber.id])
    expect(search.query('"skills sind"').map((h) => h.id)).toEqual([ueber.id])
    expect(search.query('"sind skills"').map((h) => h.id)).toEqual([])
    expect(search.query('readers OR technik').map((h) => h.id).sort()).toEqual([ueber.id, english.id].sort())
  })

  it('sees text saved a moment ago and forgets text replaced since', async () => {
    const { search, drafts, english } = await library()
    drafts.saveContent(english.id, docFromParagraphs(['Ganz neuer Inhalt: Zeitungsente.']))
    expect(search.query('zeitungsente').map((h) => h.id)).toEqual([english.id])
    expect(search.query('automation')).toEqual([])
  })

  it('ranks a title hit first, even against bodies dense with the word (selbst*)', async () => {
    const { search, drafts } = await library()
    const dense = (n: number) => docFromParagraphs([Array.from({ length: n }, () => 'Selbst gemacht, selbstständig, selbstbewusst.').join(' ')])
    drafts.create({ title: 'Werkstatt', doc: dense(3) })
    drafts.create({ title: 'Küche', doc: dense(5) })
    const titled = drafts.create({ title: 'Selbstständig schreiben', doc: docFromParagraphs(['Ein Text über Arbeit und Zeit, lang genug, dass die Dichte im Körper kaum zählt. '.repeat(12)]) })
    expect(search.query('selbst*')[0]?.id).toBe(titled.id)
    expect(search.query('selbst')[0]?.id).toBe(titled.id)
  })

  it('finds renamed titles and skips drafts in the trash', async () => {
    const { search, drafts, english } = await library()
    drafts.updateMeta(english.id, { title: 'Leserbriefe' })
    expect(search.query('leserbrief').map((h) => h.id)).toEqual([english.id])
    drafts.trash(english.id)
    expect(search.query('leserbrief')).toEqual([])
  })
})

describe('Search ranking is bounded to the newest matches', () => {
  it('ranks only the newest candidates by bm25 when more drafts match, and all of them otherwise', async () => {
    const services = await tempLibrary()
    const ids = Array.from({ length: 6 }, (_, i) =>
      services.drafts.create({ title: `Nr ${i}`, doc: docFromParagraphs([i === 1 ? 'Dialog Dialog Dialog Dialog Leuchtturm' : `Dialog ${i}`]) }).id,
    )
    const bounded = new Search(services.db, services.searchIndex, { rankedCandidates: 4 })
    // six drafts match, only the newest four are ranked: draft 1, the best bm25 match, is not among them
    expect(bounded.query('dialog ').map((h) => h.id).sort()).toEqual(ids.slice(2).sort())
    // a query with fewer matches than the bound gets the full bm25 ranking
    expect(bounded.query('dialog leuchtturm').map((h) => h.id)).toEqual([ids[1]])
    // the default bound ranks all six: the densest match first
    expect(services.search.query('dialog ')[0]!.id).toBe(ids[1])
  })
})

describe('Snippets cost the same however often a draft holds the word', () => {
  const filler = (n: number, word = 'Wellenkamm') => Array.from({ length: n }, (_, i) => `${word}${i % 97}`).join(' ')

  it('answers with each draft’s own snippet when one draft holds the word 50,000 times, from a bounded part of it', async () => {
    const { drafts, search } = await tempLibrary()
    // Created first: the lowest rowid is where the old per-hit snippet query ended up every time.
    const dense = drafts.create({
      title: 'Leuchtfeuer',
      doc: docFromParagraphs(Array.from({ length: 1_000 }, (_, p) => Array.from({ length: 50 }, (_, i) => `Leuchtturm Nr${p * 50 + i}`).join(' '))),
    })
    const others = ['Amsel', 'Biber', 'Dachs'].map((animal) =>
      drafts.create({ title: `Tier ${animal}`, doc: docFromParagraphs([`${filler(40)} Ein ${animal} am Leuchtturm. ${filler(40)}`]) }),
    )
    const hits = search.query('Leuchtturm')
    expect(hits.map((h) => h.id).sort()).toEqual([dense.id, ...others.map((d) => d.id)].sort())
    const text = (id: number) => snippetRuns(hits.find((h) => h.id === id)!.snippet)
    expect(text(dense.id).filter((r) => r.hit).map((r) => r.text)).toContain('Leuchtturm')
    expect(text(dense.id).map((r) => r.text).join('')).toMatch(/^Leuchtturm Nr0 Leuchtturm Nr1 /)
    for (const [i, animal] of ['Amsel', 'Biber', 'Dachs'].entries()) {
      expect(text(others[i]!.id).map((r) => r.text).join('')).toContain(`Ein ${animal} am Leuchtturm.`)
    }
    // The dense draft alone has ~800,000 characters; each snippet came from its draft's first few chunks.
    expect(search.snippets.charsTokenized).toBeLessThanOrEqual(hits.length * 8 * SNIPPET_CHUNK_CHARS)
  })

  it('shows a hit deep inside a draft with the words around it', async () => {
    const { drafts, search } = await tempLibrary()
    const long = drafts.create({ title: 'Lang', doc: docFromParagraphs([filler(5_000), 'Kurz davor steht das Zielwort Gesprächskultur und danach mehr.', filler(5_000)]) })
    const [hit] = search.query('gesprachskultur')
    expect(hit!.id).toBe(long.id)
    const runs = snippetRuns(hit!.snippet)
    expect(runs.filter((r) => r.hit).map((r) => r.text)).toEqual(['Gesprächskultur'])
    const shown = runs.map((r) => r.text).join('')
    expect(shown).toContain('Kurz davor steht das Zielwort Gesprächskultur und danach mehr.')
    expect(shown.startsWith('…') && shown.endsWith('…')).toBe(true)
  })

  it('shows the opening of a draft whose only hit lies beyond the part a snippet reads', async () => {
    const { drafts, search } = await tempLibrary()
    const head = 'Am Anfang war das Wort und noch ein paar Wörter mehr, bis es genug sind, um abzuschneiden'
    const long = drafts.create({ title: 'Sehr lang', doc: docFromParagraphs([head, filler(SNIPPET_SCAN_CHARS / 5), 'Ganz am Ende: Nebelhorn.']) })
    const before = search.snippets.charsTokenized
    const [hit] = search.query('Nebelhorn')
    expect(hit!.id).toBe(long.id)
    expect(hit!.snippet).toBe('Am Anfang war das Wort und noch ein paar Wörter mehr, bis es genug…')
    // Every chunk carries the title and context on both sides: at most twice the text it reads.
    expect(search.snippets.charsTokenized - before).toBeLessThanOrEqual(2 * SNIPPET_SCAN_CHARS)
  })

  it('highlights the words it can when they are pages apart', async () => {
    const { drafts, search } = await tempLibrary()
    const d = drafts.create({ title: 'Weit', doc: docFromParagraphs(['Vorne steht Ebbe.', filler(3_000), 'Hinten steht Flut.']) })
    const [hit] = search.query('ebbe flut')
    expect(hit!.id).toBe(d.id)
    expect(snippetRuns(hit!.snippet).filter((r) => r.hit).map((r) => r.text)).toEqual(['Ebbe'])
  })
})

describe('Snippets from chunks read like snippets of the whole draft', () => {
  it('highlights a phrase wherever it falls against the chunk seams', async () => {
    const { drafts, search } = await tempLibrary()
    const ids = new Map<number, number>()
    // Words of 6 characters plus a space: the phrase starts at every offset around the first seams.
    for (let words = 70; words <= 100; words++) {
      const before = Array.from({ length: words }, (_, i) => `wort${String(i % 100).padStart(2, '0')}`).join(' ')
      ids.set(drafts.create({ title: `Naht ${words}`, doc: docFromParagraphs([`${before} soft skills danach`]) }).id, words)
    }
    const hits = search.query('"soft skills"', 50)
    expect(hits.map((h) => h.id).sort()).toEqual([...ids.keys()].sort())
    for (const hit of hits) {
      const runs = snippetRuns(hit.snippet)
      expect(runs.filter((r) => r.hit).map((r) => r.text)).toEqual(['soft skills'])
      // The words after it when the phrase is not at the very end of a chunk's context.
      expect(runs.map((r) => r.text).join(''), `${ids.get(hit.id)} words before`).toMatch(/^…(wort\d\d ){6,}soft skills( danach|…)$/)
    }
  })

  it('shows the title when only the title matches', async () => {
    const { drafts, search } = await tempLibrary()
    drafts.create({ title: 'Leuchtfeuer am Abend', doc: docFromParagraphs(['Ganz anderer Text.']) })
    const [hit] = search.query('leuchtfeuer')
    expect(snippetRuns(hit!.snippet)).toEqual([{ text: 'Leuchtfeuer', hit: true }, { text: ' am Abend', hit: false }])
  })
})

describe('Search.termStats', () => {
  it('counts the drafts per term from the index, umlauts folded, phrases and compounds as phrases', async () => {
    const { search, drafts } = await library()
    drafts.create({ title: 'Zweiter', doc: docFromParagraphs(['Noch einmal Social Media, und Öffentlichkeit.']) })
    const stats = search.termStats(['social', 'social media', 'social-media', 'öffentlichkeit', 'augenhöhe', 'straße', 'nirgends', '–'])
    expect(stats.documentCount).toBe(4)
    expect(stats.documentFrequencies).toEqual([2, 2, 2, 1, 1, 1, 0, 0])
  })
})
