import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { splitSentences } from '@shared/compose'
import { assertProperty } from '../../support/property'
import { readFixture } from '../../support/fixtures'

const SAMPLE = readFixture('herz-statt-technik.de.txt')
const paragraphOf = (start: string) => {
  const at = SAMPLE.indexOf(start)
  expect(at).toBeGreaterThanOrEqual(0)
  return SAMPLE.slice(at, SAMPLE.indexOf('\n', at))
}
const sentences = (text: string, language: 'de' | 'en' = 'de') => splitSentences(text, language).map((s) => s.trim())

describe('German sentences from the sample post', () => {
  test('a paragraph with a colon, a question and an exclamation', () => {
    expect(sentences(paragraphOf('Bücher, Kurse'))).toEqual([
      'Bücher, Kurse, Zertifikate, Studiengänge: Wer will, kann sich im Social Media Universum mannigfaltig aus- und weiterbilden (lassen).',
      'Stopp!',
      'Ich behaupte: Diese Dinge machen jemanden vielleicht zu einem guten Social Media Techniker – aber noch lange nicht zu einem guten Social Media Manager.',
    ])
  })

  test('a price with thousands separator and a quoted seminar title stay in one sentence', () => {
    expect(sentences(paragraphOf('Die RatziFatzi GmbH schickt'))).toEqual([
      'Die RatziFatzi GmbH schickt ihren Marketing-Mitarbeiter Uwe Unsozial auf ein vierwöchiges berufsbegleitendes Seminar: "Social Media Experte in einem Monat – mit Zertifikat", angeboten zum Early-Bird-Preis von 2.999,99 Euro.',
    ])
  })

  test('a quotation opening a sentence, then short questions and answers', () => {
    expect(sentences(paragraphOf('"Hilf dir selbst'))).toEqual([
      '"Hilf dir selbst, dann hilft dir Gott", das ist seine Devise: Deshalb hat er auch keine Lust, andere Menschen bei Problemen oder Fragen zu unterstützen.',
      'Wie sich andere Leute fühlen?',
      'Keine Ahnung, dafür interessiert sich Uwe nicht wirklich.',
    ])
    expect(sentences(paragraphOf('Einspruch!'))).toEqual([
      'Einspruch!',
      'Tatsächlich ist Uwe nur eines: eine Social-Media-Fehlbesetzung par excellence.',
    ])
  })

  test('an ellipsis ends a sentence before a new paragraph; list lines stay lines', () => {
    const start = SAMPLE.indexOf('Die Ziele des Marketings')
    const text = SAMPLE.slice(start, SAMPLE.indexOf('Soweit die', start))
    expect(sentences(text)).toEqual([
      'Die Ziele des Marketings in sozialen Netzwerken sind schnell benannt.',
      'Es soll unter anderem...',
      '• das Unternehmen bekannter machen,',
      '• Neukunden gewinnen,',
      '• bestehende Kunden binden,',
      '• das Image pflegen',
      '• und neue Mitarbeiter locken.',
    ])
  })
})

describe('German abbreviations, ordinals, dates, quotes and ellipses', () => {
  test.each([
    ['Das ist z. B. ein Test. Danach kommt mehr.', ['Das ist z. B. ein Test.', 'Danach kommt mehr.']],
    ['Das ist z.B. ein Test. Danach kommt mehr.', ['Das ist z.B. ein Test.', 'Danach kommt mehr.']],
    ['Er kam ca. 3 Std. später. Dann ging er.', ['Er kam ca. 3 Std. später.', 'Dann ging er.']],
    ['Wir gehen, bzw. Anna geht. Ich bleibe.', ['Wir gehen, bzw. Anna geht.', 'Ich bleibe.']],
    ['Dr. Müller wohnt in Nr. 5. Wir besuchen ihn.', ['Dr. Müller wohnt in Nr. 5.', 'Wir besuchen ihn.']],
    ['Äpfel, Birnen usw. sind Obst. Gemüse nicht.', ['Äpfel, Birnen usw. sind Obst.', 'Gemüse nicht.']],
    ['Äpfel, Birnen usw. Dann kam der Winter.', ['Äpfel, Birnen usw.', 'Dann kam der Winter.']],
    ['Das heißt, d. h. wir gehen. Morgen.', ['Das heißt, d. h. wir gehen.', 'Morgen.']],
    ['Viele, u. a. Anna, kamen. Es war voll.', ['Viele, u. a. Anna, kamen.', 'Es war voll.']],
    ['Wir treffen uns am 3. Oktober in Berlin. Bis dann.', ['Wir treffen uns am 3. Oktober in Berlin.', 'Bis dann.']],
    ['Das ist der 2. Versuch. Er klappt.', ['Das ist der 2. Versuch.', 'Er klappt.']],
    ['Im 19. Jh. war das so. Heute nicht.', ['Im 19. Jh. war das so.', 'Heute nicht.']],
    ['Sie belegte Platz 3. Danach kam Uwe.', ['Sie belegte Platz 3.', 'Danach kam Uwe.']],
    ['Am 23.11.2026 ist es so weit. Wir feiern.', ['Am 23.11.2026 ist es so weit.', 'Wir feiern.']],
    ['Am 23. 11. 2026 ist es so weit. Wir feiern.', ['Am 23. 11. 2026 ist es so weit.', 'Wir feiern.']],
    ['Er sagte: „Das ist gut.“ Dann ging er.', ['Er sagte: „Das ist gut.“', 'Dann ging er.']],
    ['Sie fragte: „Kommst du?“ Er nickte.', ['Sie fragte: „Kommst du?“', 'Er nickte.']],
    ['Und dann … ging er. Schluss.', ['Und dann … ging er.', 'Schluss.']],
    ['Er zögerte… Dann sprang er.', ['Er zögerte…', 'Dann sprang er.']],
    ['Er zögerte... Dann sprang er.', ['Er zögerte...', 'Dann sprang er.']],
    ['Prof. Dr. Meier kam. Vgl. dazu Kap. 3. Mehr später.', ['Prof. Dr. Meier kam.', 'Vgl. dazu Kap. 3.', 'Mehr später.']],
  ])('%j', (text, expected) => {
    expect(sentences(text)).toEqual(expected)
  })
})

describe('English', () => {
  test.each([
    ['Mr. Smith went to Washington. He stayed.', ['Mr. Smith went to Washington.', 'He stayed.']],
    ['He arrived at 3 p.m. on Monday. It rained.', ['He arrived at 3 p.m. on Monday.', 'It rained.']],
    ['See e.g. the docs. Then ask.', ['See e.g. the docs.', 'Then ask.']],
    ['I said "Go." Then left.', ['I said "Go."', 'Then left.']],
    ['Wait… What? Really!', ['Wait…', 'What?', 'Really!']],
    ['Visit https://example.com/a.B!c now. Thanks.', ['Visit https://example.com/a.B!c now.', 'Thanks.']],
  ])('%j', (text, expected) => {
    expect(sentences(text, 'en')).toEqual(expected)
  })
})

describe('splitSentences', () => {
  test('gives back the text exactly when joined, and never breaks inside a word', () => {
    const words = fc.constantFrom('z. B.', 'ca.', 'am 3.', 'Oktober', 'Dr.', '„Hallo.“', 'Ende.', 'Wie?', '...', '…', 'a.b', 'https://x.com/a!B')
    const text = fc.array(fc.oneof(words, fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 40 }).map((w) => w.join(' '))
    assertProperty(
      fc.property(text, fc.constantFrom('de' as const, 'en' as const), (t, language) => {
        const pieces = splitSentences(t, language)
        expect(pieces.join('')).toBe(t)
        for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/\s$/u)
      }),
      { numRuns: 400 },
    )
  })
})

describe('quotations', () => {
  test('a quotation of two sentences stays whole, so no post ends inside it', () => {
    const quote = '"Jedes gute Gespräch hat vier Voraussetzungen: Zeit, Disziplin, Aufmerksamkeit und Liebe. Wenn wir diese Grundregel beachten, wird unser Leben durch viele beglückende Kontakte reicher werden."'
    expect(sentences(`${quote} Das gilt auch online.`)).toEqual([quote, 'Das gilt auch online.'])
  })

  test('German „…“ and English “…” quotations of two sentences stay whole', () => {
    expect(sentences('Sie sagte: „Ich bin müde. Ich gehe jetzt.“ Dann ging sie.')).toEqual(['Sie sagte: „Ich bin müde. Ich gehe jetzt.“', 'Dann ging sie.'])
    expect(sentences('She said: “I am tired. I am leaving.” Then she left.', 'en')).toEqual(['She said: “I am tired. I am leaving.”', 'Then she left.'])
  })

  test('a stray quote mark does not swallow a whole paragraph', () => {
    const long = `Er misst 24" in der Diagonale. ${'Das ist ein langer Satz ohne Ende in Sicht. '.repeat(12)}`.trim()
    expect(sentences(long).length).toBeGreaterThan(3)
  })
})
