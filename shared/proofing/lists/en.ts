/**
 * English style lists for the proofreader. Data only, matched as whole words, case-insensitively.
 *
 * Sources: compiled by hand for Longhand, following these references (nothing copied from them;
 * check new entries against them):
 * - Fillers/weak words: William Strunk & E. B. White, "The Elements of Style", "Omit needless
 *   words"; the weasel-word and intensifier lists of write-good (btford/write-good, MIT) and
 *   retext-intensify (retextjs/retext-intensify, MIT).
 * - Clichés/buzzwords: Plain English Campaign, "The A to Z of alternative words"; retext-simplify
 *   (retextjs/retext-simplify, MIT) and the corporate-jargon lists of the Forbes "most annoying
 *   business jargon" surveys.
 * - Irregular past participles for the passive rule: the list of retext-passive
 *   (retextjs/retext-passive, MIT), which follows the English irregular verbs table.
 * If the retext plugins become dependencies, use their lists instead of these (issue 11).
 */

export const FILLER_EN: readonly string[] = [
  'absolutely', 'actually', 'basically', 'certainly', 'clearly', 'completely', 'definitely', 'essentially',
  'extremely', 'fairly', 'in order to', 'just', 'kind of', 'literally', 'mostly', 'obviously', 'perhaps',
  'pretty', 'quite', 'rather', 'really', 'seemingly', 'simply', 'somewhat', 'sort of', 'totally',
  'truly', 'utterly', 'very', 'virtually',
]

export const CLICHES_EN: readonly string[] = [
  'at the end of the day', 'best in class', 'best of breed', 'best practice', 'best practices',
  'bleeding edge', 'circle back', 'core competency', 'cutting edge', 'cutting-edge', 'deep dive',
  'disruptive', 'drive value', 'game changer', 'game-changer', 'game changing', 'game-changing',
  'going forward', 'holistic approach', 'innovative solution', 'innovative solutions', 'leverage synergies',
  'low-hanging fruit', 'move the needle', 'next level', 'next-level', 'out of the box', 'paradigm shift',
  'reach out', 'revolutionary', 'seamless', 'seamlessly', 'state of the art', 'state-of-the-art',
  'synergy', 'synergies', 'take it to the next level', 'thought leader', 'thought leadership',
  'value add', 'value-add', 'win-win', 'world-class',
]

export const PASSIVE_AUXILIARIES_EN: readonly string[] = ['am', 'are', 'be', 'been', 'being', 'is', 'was', 'were', "isn't", "aren't", "wasn't", "weren't"]

export const IRREGULAR_PARTICIPLES_EN: readonly string[] = [
  'arisen', 'awoken', 'beaten', 'become', 'begun', 'bent', 'bet', 'bitten', 'bled', 'blown', 'bought',
  'bound', 'broken', 'brought', 'built', 'burnt', 'caught', 'chosen', 'come', 'cost', 'cut', 'dealt',
  'done', 'drawn', 'driven', 'drunk', 'dug', 'eaten', 'fallen', 'fed', 'felt', 'fought', 'found', 'fled',
  'flown', 'forbidden', 'forgiven', 'forgotten', 'frozen', 'given', 'gone', 'grown', 'heard', 'held',
  'hidden', 'hit', 'hung', 'hurt', 'kept', 'known', 'laid', 'led', 'left', 'lent', 'let', 'lit', 'lost',
  'made', 'meant', 'met', 'overcome', 'paid', 'put', 'quit', 'read', 'ridden', 'rung', 'risen', 'run',
  'said', 'seen', 'sent', 'set', 'shaken', 'shed', 'shot', 'shown', 'shut', 'sold', 'sought', 'spent',
  'split', 'spoken', 'spread', 'stolen', 'struck', 'stuck', 'sung', 'sunk', 'sworn', 'swept', 'taken',
  'taught', 'thought', 'thrown', 'told', 'torn', 'understood', 'undone', 'upset', 'woken', 'won', 'worn',
  'written', 'wound',
]
