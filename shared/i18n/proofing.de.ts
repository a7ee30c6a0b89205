import type { proofingEn } from './proofing.en'

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

/** Korrektur (Rechtschreibung und Stil), Deutsch. */
export const proofingDe: Strings<typeof proofingEn> = {
  panelLabel: 'Korrektur',
  open: 'Korrektur',
  openWithCount_one: 'Korrektur: {{count}} Hinweis',
  openWithCount_other: 'Korrektur: {{count}} Hinweise',
  close: 'Korrektur schließen',
  enabled: 'Korrektur an (alle Entwürfe)',
  styleSwitch: 'Stilhinweise für diesen Entwurf',
  maxSentenceWords: 'Sätze markieren ab (Wörtern)',
  spellingCount_one: '{{count}} Rechtschreibfehler',
  spellingCount_other: '{{count}} Rechtschreibfehler',
  noStyleFindings: 'Keine Stilhinweise.',
  styleOff: 'Stilhinweise sind für diesen Entwurf aus.',
  menuLabel: 'Rechtschreibung und Stil',
  loadingSuggestions: 'Suche Vorschläge …',
  noSuggestions: 'Keine Vorschläge',
  addToDictionary: '„{{word}}“ zu meinem Wörterbuch hinzufügen',
  ignoreInDraft: 'In diesem Entwurf ignorieren',
  replaceWith: 'Ersetzen durch „{{text}}“',
  commandToggle: 'Korrektur ein- oder ausblenden',
  findings: {
    spelling: 'Rechtschreibung',
    'long-sentence': 'Langer Satz: {{words}} Wörter (mehr als {{max}})',
    filler: 'Füllwort: „{{phrase}}“',
    hedge: 'Abschwächung: „{{phrase}}“ (klingt unsicher)',
    weasel: 'Vages Wort: „{{phrase}}“',
    wordy: 'Umständlich: „{{phrase}}“, einfacher: {{simpler}}',
    'wordy-omit': 'Umständlich: „{{phrase}}“, kann weg',
    passive: 'Passiv',
    cliche: 'Floskel oder Buzzword: „{{phrase}}“',
    'repeated-word': 'Doppeltes Wort: „{{word}}“',
    'double-space': 'Zwei Leerzeichen',
    'german-quotes-open': 'Deutsche Anführungszeichen beginnen unten („…“)',
    'german-quotes-close': 'Deutsche Anführungszeichen enden oben („…“)',
  },
}
