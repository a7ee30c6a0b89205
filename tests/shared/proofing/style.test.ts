import { describe, expect, it } from 'vitest'
import { checkStyle, wordTokens } from '@shared/proofing'

const de = (text: string, max = 25) => checkStyle(text, { language: 'de', maxSentenceWords: max })
const en = (text: string, max = 25) => checkStyle(text, { language: 'en', maxSentenceWords: max })
const marked = (text: string, findings: ReturnType<typeof de>, kind: string) => findings.filter((f) => f.kind === kind).map((f) => text.slice(f.from, f.to))

describe('tokens', () => {
  it('skips URLs, e-mails, hashtags, mentions, numbers, acronyms and code', () => {
    const text = 'Siehe https://example.com/Fehlr, mail@exmple.org, #Hashtg @nutzr@mastodon.social 2024 DSGVO `codeFehlr` Wort'
    expect(wordTokens(text).map((t) => t.text)).toEqual(['Siehe', 'Wort'])
  })
  it('keeps umlauts, ß, apostrophes and hyphens inside words', () => {
    expect(wordTokens('Straße, geht’s, Social-Media-Manager, don\'t').map((t) => t.text)).toEqual(['Straße', 'geht’s', 'Social-Media-Manager', "don't"])
  })
})

describe('style (de)', () => {
  it('marks sentences over the author’s length, splitting German sentences correctly', () => {
    const text = 'Das ist z. B. ein kurzer Satz. Dieser Satz hat deutlich mehr als fünf Wörter und ist zu lang.'
    expect(marked(text, de(text, 8), 'long-sentence')).toEqual(['Dieser Satz hat deutlich mehr als fünf Wörter und ist zu lang.'])
  })
  it('marks fillers, clichés, passive, repeated words, doubled spaces and wrong quotes', () => {
    const text = 'Wir wollen eigentlich Mehrwert schaffen mit innovativen Lösungen. Der Text wurde gestern geschrieben. Ich sah die die Katze.  Er sagte "Hallo" und “Tschüss”.'
    const f = de(text)
    expect(marked(text, f, 'filler')).toEqual(['eigentlich'])
    expect(marked(text, f, 'cliche')).toEqual(['Mehrwert schaffen', 'innovativen Lösungen'])
    expect(marked(text, f, 'passive')).toEqual(['wurde gestern geschrieben'])
    expect(marked(text, f, 'repeated-word')).toEqual(['die die'])
    expect(marked(text, f, 'double-space')).toEqual(['  '])
    expect(f.filter((x) => x.kind === 'german-quotes').map((x) => x.suggestions)).toEqual([['„'], ['“'], ['„'], ['“']])
  })
  it('leaves correct German quotes, "die, die" and future tense with nouns alone', () => {
    const text = 'Sie sagte „Hallo“. Frauen, die, die Welt. Wir werden Freunde.'
    expect(de(text)).toEqual([])
  })
})

describe('style (en)', () => {
  it('marks passive voice, fillers, clichés and repeated words', () => {
    const text = 'The post was written quickly. It is really a game changer. I saw the the cat. Mistakes were made.'
    const f = en(text)
    expect(marked(text, f, 'passive')).toEqual(['was written', 'were made'])
    // retext-intensify counts "saw" among its weasel words, retext-simplify finds "It is" wordy.
    expect(marked(text, f, 'filler')).toEqual(['really', 'saw'])
    expect(marked(text, f, 'cliche')).toEqual(['It is', 'game changer'])
    expect(marked(text, f, 'repeated-word')).toEqual(['the the'])
  })
  it('does not ask for German quotes in English', () => {
    expect(en('She said "hello".').filter((f) => f.kind === 'german-quotes')).toEqual([])
  })
})
