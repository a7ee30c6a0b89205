import { describe, expect, it } from 'vitest'
import { checkStyle } from '@shared/proofing'
import { retextFindings } from '../../../shared/proofing/english'

const en = (text: string) => checkStyle(text, { language: 'en', maxSentenceWords: 25 })
const marked = (text: string, findings: ReturnType<typeof en>) => findings.map((f) => [f.kind, f.message, text.slice(f.from, f.to)])

/** English style hints come from the retext plugins, mapped onto Longhand's kinds and messages. */
describe('English style from the retext plugins', () => {
  it('marks the passive with its form of "to be" (retext-passive)', () => {
    const text = 'The post was written in a hurry.'
    expect(marked(text, en(text))).toContainEqual(['passive', 'passive', 'was written'])
  })

  it('marks a wordy phrase and offers the simpler words (retext-simplify)', () => {
    const text = 'I write in order to think.'
    const wordy = en(text).find((f) => f.message === 'wordy')!
    expect(text.slice(wordy.from, wordy.to)).toBe('in order to')
    expect(wordy).toMatchObject({ kind: 'cliche', params: { phrase: 'in order to', simpler: 'to' }, suggestions: ['to'] })
  })

  it('marks weak words with the package’s own category (retext-intensify), once even when simplify knows them too', () => {
    const text = 'It was very good and I just think so.'
    const findings = en(text)
    expect(marked(text, findings)).toEqual(expect.arrayContaining([['filler', 'weasel', 'very'], ['filler', 'weasel', 'just'], ['filler', 'hedge', 'think']]))
    // retext-simplify also lists "very": one hint for it, the filler one.
    expect(findings.filter((f) => text.slice(f.from, f.to) === 'very')).toHaveLength(1)
  })

  it('places each finding in its own text when many paragraphs run as one batch', () => {
    const texts = ['Nothing to see.', 'This was written very fast.', '', 'In order to win, we just try.']
    const batch = retextFindings(texts)
    expect(batch).toHaveLength(4)
    expect(batch[0]).toEqual([])
    // Raw plugin output: "very" from retext-intensify and from retext-simplify (checkStyle keeps one).
    expect(batch[1]!.map((f) => texts[1]!.slice(f.from, f.to)).sort()).toEqual(['very', 'very', 'was written'])
    expect(batch[3]!.map((f) => texts[3]!.slice(f.from, f.to))).toEqual(expect.arrayContaining(['In order to', 'just']))
    // The same as one text at a time.
    expect(batch).toEqual(texts.map((t) => retextFindings([t])[0]))
  })

  it('keeps Longhand’s own rules for what no package covers: buzzwords and regular participles', () => {
    const text = 'It is a game changer. The list was quickly published.'
    expect(marked(text, en(text))).toEqual(expect.arrayContaining([['cliche', 'cliche', 'game changer'], ['passive', 'passive', 'was quickly published']]))
  })

  it('leaves German text to the German lists', () => {
    const text = 'Das ist very einfach, in order to.'
    expect(checkStyle(text, { language: 'de', maxSentenceWords: 25 }).filter((f) => ['wordy', 'weasel', 'hedge'].includes(f.message))).toEqual([])
  })
})
