/**
 * German style lists for the proofreader. Data only: one phrase per entry, matched as whole words,
 * case-insensitively.
 *
 * Sources: compiled by hand for Longhand, following these references (nothing copied from them;
 * check new entries against them):
 * - Füllwörter: Wolf Schneider, "Deutsch für Profis" (Goldmann 1999), ch. "Blähwörter"; Duden
 *   Ratgeber "Füllwörter"; the German filler list of the LanguageTool project
 *   (languagetool-org/languagetool, de/grammar.xml rule "FUELLWOERTER", LGPL 2.1).
 * - Floskeln/Buzzwords: "Floskelwolke" (floskelwolke.de, Udo Stiehl & Sebastian Pertsch) and the
 *   "Bullshit-Bingo" lists of German marketing copy.
 * - Partizip-II-Muster for the passive heuristic: Duden Grammatik, §§ on "werden-Passiv".
 * Add entries in lower case; keep each list sorted.
 */

export const FILLER_DE: readonly string[] = [
  'absolut', 'an sich', 'anscheinend', 'auf jeden fall', 'augenscheinlich',
  'äußerst', 'bekanntlich', 'bloß', 'durchaus', 'eben', 'eigentlich',
  'einfach', 'einigermaßen', 'extrem', 'förmlich', 'gewissermaßen',
  'gleichsam', 'halt', 'im grunde', 'irgendwie', 'jedenfalls', 'komplett', 'letztendlich',
  'letztlich', 'mal', 'offensichtlich', 'quasi', 'regelrecht',
  'relativ', 'schlichtweg', 'sehr', 'sicherlich', 'sozusagen', 'total', 'tatsächlich',
  'überaus', 'übrigens', 'unglaublich', 'vielleicht', 'völlig', 'wirklich',
  'ziemlich',
]

export const CLICHES_DE: readonly string[] = [
  'am ende des tages', 'auf augenhöhe', 'best practice', 'best practices', 'bahnbrechend', 'disruptiv',
  'disruptive', 'game changer', 'gamechanger', 'ganzheitlich', 'ganzheitliche lösung', 'ganzheitlichen ansatz',
  'hidden champion', 'in zeiten von', 'innovative lösung', 'innovative lösungen', 'innovativen lösungen',
  'leuchtturmprojekt', 'mehrwert schaffen', 'mehrwert bieten', 'mehrwert generieren', 'mehrwerte schaffen',
  'next level', 'nachhaltig wachsen', 'neue maßstäbe setzen', 'nicht zuletzt', 'out of the box',
  'proaktiv', 'ressourcen bündeln', 'smarte lösungen', 'synergien heben', 'synergien nutzen',
  'synergieeffekte', 'vom kunden her denken', 'win-win', 'win-win-situation', 'zielführend',
  'zukunftsweisend', 'zukunftsfähig aufstellen', 'gut aufgestellt', 'spannende reise', 'heutzutage',
  'last but not least', 'state of the art', 'unique selling point', 'lösungsorientiert',
]

/** Finite forms of "werden" that start a passive ("wird geschrieben", "wurde gelöscht"). */
export const PASSIVE_AUXILIARIES_DE: readonly string[] = [
  'werde', 'wirst', 'wird', 'werden', 'werdet', 'wurde', 'wurdest', 'wurden', 'wurdet', 'würde', 'würden', 'worden',
]

/** Participles without "ge-" that the pattern rules miss (inseparable prefixes are handled by rule). */
export const PARTICIPLES_DE: readonly string[] = ['informiert', 'publiziert', 'veröffentlicht', 'überarbeitet', 'übersetzt']
