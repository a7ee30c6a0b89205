import { describe, expect, test } from 'vitest'
import { suggestHashtags } from '@shared/compose'
import { tagKey } from '@shared/compose/tag-key'

describe('tagKey', () => {
  test.each([
    // Case, and German letters as spelt without them.
    ['#Straße', '#STRASSE', 'de'],
    ['#Gespräch', '#Gespraech', 'de'],
    ['#Größe', '#GROESSE', 'de'],
    ['#Ärger', '#A\u0308rger', 'de'],
    // German plurals that only ever merge one word's forms.
    ['#Pause', '#Pausen', 'de'],
    ['#Kollegin', '#Kolleginnen', 'de'],
    ['#Beratung', '#Beratungen', 'de'],
    ['#Team', '#Teams', 'de'],
    ['#Idee', '#Ideen', 'de'],
    ['#Regel', '#Regeln', 'de'],
    ['#Mauer', '#Mauern', 'de'],
    // English singular and plural.
    ['#Client', '#Clients', 'en'],
    ['#Story', '#Stories', 'en'],
    ['#Coach', '#Coaches', 'en'],
    ['#Niche', '#Niches', 'en'],
    ['#Business', '#Businesses', 'en'],
    ['#DiscoveryCall', '#DiscoveryCalls', 'en'],
  ] as const)('%s and %s are one tag (%s)', (a, b, language) => {
    expect(tagKey(a, language)).toBe(tagKey(b, language))
  })

  test.each([
    // A wrong merge drops a good tag: different words stay apart.
    ['#Kur', '#Kurs', 'de'],
    ['#Rat', '#Rate', 'de'],
    ['#Fall', '#Fälle', 'de'],
    ['#Haus', '#Hau', 'de'],
    ['#Business', '#Busines', 'en'],
    ['#Focus', '#Focu', 'en'],
    ['#Coaching', '#Coach', 'en'],
    ['#News', '#New', 'en'],
  ] as const)('%s and %s stay apart (%s)', (a, b, language) => {
    expect(tagKey(a, language)).not.toBe(tagKey(b, language))
  })
})

describe('every tag taken is compared by its key', () => {
  test('a hashtag already in the text rules out its other forms', () => {
    // Before: #Client was suggested beside the passage's own #Clients, #Pause beside #Pausen.
    const en = 'A client once sent me messages at night. Every client needs limits. Clients learn fast. #Clients'
    expect(suggestHashtags(en, { language: 'en', max: 5 })).not.toContain('#Client')
    const de = 'Die Pause im Coaching wirkt. Eine Pause gibt Raum, und die Pause schafft Nähe. #Pausen'
    expect(suggestHashtags(de, { language: 'de', max: 5 })).not.toContain('#Pause')
    const spelt = 'Das Gespräch beginnt. Im Gespräch hören wir zu. Ein Gespräch braucht Zeit. #Gespraech'
    expect(suggestHashtags(spelt, { language: 'de', max: 5 })).not.toContain('#Gespräch')
  })

  test('an excluded word rules out its other forms, unless the draft’s own tags ask for one', () => {
    // Before: excluding "Coach" still gave #Coaches.
    const text = 'Coaches listen. Good coaches ask questions, and coaches wait for answers.'
    expect(suggestHashtags(text, { language: 'en', max: 5, exclude: ['Coach'] })).not.toContain('#Coaches')
    expect(suggestHashtags(text, { language: 'en', max: 5, exclude: ['Coach'], tags: ['coaches'] })).toContain('#Coaches')
  })

  test('a chosen tag rules out its other forms: no #Pause beside #Pausen', () => {
    // Before: #Coaching #Pausen #Stille #Pause #Coaches for this passage on Instagram.
    const text = 'Pausen im Coaching sind wertvoll. Eine Pause gibt Raum. Pausen schaffen Stille, und Stille schafft Klarheit. Nach der Pause kommt die Antwort.'
    const tags = suggestHashtags(text, { language: 'de', max: 12 })
    expect(tags.filter((t) => /^#Pausen?$/u.test(t))).toHaveLength(1)
  })
})
