import { describe, expect, it } from 'vitest'
import { countWords, docToPlainText, readingMinutes } from '@shared/text/words'

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['Herz statt Technik', 3],
    ['Über Straße, Gespräch und Augenhöhe.', 5],
    ['„Social Media ist Dialog“ – sagt sie.', 6],
    ['z. B. ca. 2.999,99 Euro', 5],
    ["don't stop, E-Mail-Marketing!", 3],
    ['👋 Hallo 🎉', 1],
    ['漢字かな', 4],
    ['Longhand漢字', 3],
    ['Datenschutzgrundverordnung', 1],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words)
  })

  it('stays linear on a 100,000-word text', () => {
    const text = 'Dialog und Augenhöhe mit Lesern, nicht über Reichweite. '.repeat(12_500)
    expect(countWords(text)).toBe(100_000)
  })
})

describe('docToPlainText', () => {
  it('separates blocks by blank lines and keeps hard breaks', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titel' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Zeile eins' }, { type: 'hardBreak' }, { type: 'text', text: 'Zeile zwei', marks: [{ type: 'bold' }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punkt' }] }] }] },
      ],
    }
    expect(docToPlainText(doc)).toBe('Titel\n\nZeile eins\nZeile zwei\n\nPunkt')
  })
})

describe('readingMinutes', () => {
  it('rounds to whole minutes with at least one for any text', () => {
    expect(readingMinutes(0)).toBe(0)
    expect(readingMinutes(10)).toBe(1)
    expect(readingMinutes(2300)).toBe(10)
  })
})
