/**
 * English style lists for the proofreader: only what no maintained package covers. Data only,
 * matched as whole words, case-insensitively.
 *
 * Most English hints come from the retext plugins (shared/proofing/english.ts): fillers, hedges
 * and weasel words (retext-intensify), wordy phrases with simpler words (retext-simplify) and the
 * passive with irregular participles (retext-passive). DO NOT add entries those packages already
 * have; check `node_modules/fillers`, `hedges`, `weasels`, `retext-simplify/lib/patterns.js` and
 * `retext-passive/lib/list.js` first.
 *
 * Sources of what is left:
 * - FILLER_EN: adverbs of degree missing from the `fillers`/`hedges`/`weasels` lists, after
 *   William Strunk & E. B. White, "The Elements of Style", "Omit needless words".
 * - CLICHES_EN: marketing and corporate buzzwords (retext-simplify covers plain-English wordiness,
 *   not jargon), compiled for Longhand after the Plain English Campaign's "A to Z of alternative
 *   words" and the Forbes "most annoying business jargon" surveys; nothing copied.
 * - PASSIVE_AUXILIARIES_EN: the forms of "to be" (English grammar; the same set retext-passive
 *   uses internally but does not export), for Longhand's rule on regular "-ed" participles, which
 *   retext-passive does not check ("was published", "is often used" with an adverb between).
 * Add entries in lower case; keep each list sorted.
 */

export const FILLER_EN: readonly string[] = ['seemingly', 'utterly']

export const CLICHES_EN: readonly string[] = [
  'at the end of the day', 'best in class', 'best of breed', 'best practice', 'best practices',
  'bleeding edge', 'circle back', 'core competency', 'cutting edge', 'cutting-edge', 'deep dive',
  'disruptive', 'drive value', 'game changer', 'game-changer', 'game changing', 'game-changing',
  'going forward', 'holistic approach', 'innovative solution', 'innovative solutions', 'leverage synergies',
  'low-hanging fruit', 'move the needle', 'next level', 'next-level', 'out of the box', 'paradigm shift',
  'reach out', 'revolutionary', 'seamless', 'seamlessly', 'state of the art',
  'synergy', 'synergies', 'take it to the next level', 'thought leader', 'thought leadership',
  'value add', 'value-add', 'win-win', 'world-class',
]

export const PASSIVE_AUXILIARIES_EN: readonly string[] = ['am', 'are', 'be', 'been', 'being', 'is', 'was', 'were', "isn't", "aren't", "wasn't", "weren't"]
