/**
 * Fixes a Hunspell .dic for nspell before loading it.
 *
 * igerman98 (dictionary-de) lists many words twice: once as a word ("erklären/BDIOXYW") and once
 * as a compound part only ("erklären/SJozm", flag `o` = ONLYINCOMPOUND). Hunspell keeps both
 * homonyms; nspell merges their flags, so the word itself ("erklären", "lesen", "sehen") would be
 * refused. We drop the compound-only twin of a word that also stands on its own.
 */
export function prepareDic(dic: string, aff: string): string {
  const onlyInCompound = /^ONLYINCOMPOUND\s+(\S+)/m.exec(aff)?.[1]
  if (!onlyInCompound) return dic
  const lines = dic.split('\n')
  const standalone = new Set<string>()
  const entries = lines.map((line) => {
    const slash = line.indexOf('/')
    const word = slash === -1 ? line.trim() : line.slice(0, slash)
    const flags = slash === -1 ? '' : line.slice(slash + 1).trim()
    const compoundOnly = flags.includes(onlyInCompound)
    if (!compoundOnly) standalone.add(word)
    return { word, compoundOnly }
  })
  return lines.filter((_, i) => !(entries[i]!.compoundOnly && standalone.has(entries[i]!.word))).join('\n')
}
