// nspell ships no types; this is the part of its API Longhand uses (github.com/wooorm/nspell).
declare module 'nspell' {
  interface NSpell {
    correct(word: string): boolean
    suggest(word: string): string[]
    add(word: string): NSpell
    personal(dic: string): NSpell
  }
  function nspell(dictionary: { aff: string | Uint8Array; dic: string | Uint8Array }): NSpell
  export default nspell
}
