// twitter-text ships CommonJS (Node) and a default-export-only ESM build (bundlers): the
// default import is the one form that works in both.
import twitterText from 'twitter-text'
import type { CountingRule } from './profiles'

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Mastodon replaces every URL with this many characters when counting. */
export const MASTODON_URL_LENGTH = 23
const MASTODON_URL_PLACEHOLDER = 'x'.repeat(MASTODON_URL_LENGTH)
/**
 * Mastodon counts a remote mention `@user@domain` as `@user` (mastodon counter.js).
 * Groups: 1 what precedes the mention, 2 the user, 3 the "@domain" that is not counted.
 */
export const MASTODON_REMOTE_MENTION = /(^|[^/\w])@([a-z0-9_]+)(@[a-z0-9.-]+[a-z0-9]+)/gi

/** A grapheme that is (or starts) an emoji: pictographs, flags, keycaps. */
const EMOJI_GRAPHEME = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u

/**
 * Text made only of characters that are each a grapheme of their own whatever their
 * neighbours: tab, LF (not CR: CR LF is one), Latin, Greek, Cyrillic and common punctuation,
 * without combining marks, joiners or variation selectors. For such text the grapheme count
 * is the string length. Intl.Segmenter costs about 2 µs per grapheme in V8, far too slow to
 * run on every keystroke and every candidate part, so most prose takes this shortcut; a test
 * checks every character in the class against Intl.Segmenter.
 */
// Without the u flag: three times faster in V8, and every range is in the BMP (an astral
// character's surrogate halves fall outside the class, as they should).
export const SINGLE_GRAPHEME_TEXT =
  /^[\t\n\x20-\x7E\u00A0-\u02FF\u0370-\u0482\u048A-\u052F\u1E00-\u1EFF\u2010-\u2027\u2030-\u205E\u20A0-\u20C0]*$/

export function graphemes(text: string): string[] {
  const out: string[] = []
  for (const { segment } of graphemeSegmenter.segment(text)) out.push(segment)
  return out
}

export function countGraphemes(text: string): number {
  if (SINGLE_GRAPHEME_TEXT.test(text)) return text.length
  let count = 0
  for (const _ of graphemeSegmenter.segment(text)) count++
  return count
}

/** Bytes of the UTF-8 encoding (a lone surrogate becomes U+FFFD, 3 bytes, as TextEncoder does). */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/**
 * Every URL twitter-text recognises has a domain with an ASCII dot followed by more of the
 * name ("example.com", "192.168.0.1"), and no URL contains whitespace. So only the
 * whitespace-separated words with such a dot can hold one; twitter-text's URL regex (the
 * costliest step in counting) runs on those words alone, which keeps counters and the
 * composer fast. Its rules look at one character before a URL, which for a word start is
 * whitespace either way; a test checks the results against running it on the whole text.
 */
const INNER_DOT = /\.[^\s.]/g
const WHITESPACE = /\s/

type UrlEntity = { url: string; indices: [number, number] }

/** twitter-text's URLs with UTF-16 indices, with or without a scheme. */
export function extractUrlsWithIndices(text: string): UrlEntity[] {
  const out: UrlEntity[] = []
  let wordEnd = -1
  for (const { index } of text.matchAll(INNER_DOT)) {
    if (index < wordEnd) continue
    let start = index
    while (start > 0 && !WHITESPACE.test(text[start - 1]!)) start--
    wordEnd = index + 1
    while (wordEnd < text.length && !WHITESPACE.test(text[wordEnd]!)) wordEnd++
    for (const { url, indices } of twitterText.extractUrlsWithIndices(text.slice(start, wordEnd))) {
      out.push({ url, indices: [indices[0] + start, indices[1] + start] })
    }
  }
  return out
}

/** X's own count: twitter-text's weighted length (NFC, URLs 23, emoji 2, CJK 2). */
export function xWeightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength
}

/** Characters X refuses (twitter-text `hasInvalidCharacters`: U+FFFE, U+FEFF, U+FFFF). */
export function hasXInvalidCharacters(text: string): boolean {
  return twitterText.hasInvalidCharacters(text)
}

/**
 * Mastodon's countable text: URLs with a scheme become 23 characters and remote mentions lose
 * their domain, as the server's StatusLengthValidator does. A URL without a scheme is counted
 * at 23 or its own length, whichever is more: stock servers count it as written, newer web
 * composers as a link, and a post must fit on both.
 */
export function mastodonCountableText(text: string): string {
  let out = ''
  let cursor = 0
  for (const { url, indices } of extractUrlsWithIndices(text)) {
    const [start, end] = indices
    out += text.slice(cursor, start)
    const hasScheme = /^https?:\/\//i.test(url)
    out += hasScheme || countGraphemes(url) < MASTODON_URL_LENGTH ? MASTODON_URL_PLACEHOLDER : url
    cursor = end
  }
  out += text.slice(cursor)
  return out.replace(MASTODON_REMOTE_MENTION, '$1@$2')
}

/** Threads: characters, but an emoji counts as many as its UTF-8 bytes (Threads API docs). */
export function threadsLength(text: string): number {
  if (SINGLE_GRAPHEME_TEXT.test(text) && !EMOJI_GRAPHEME.test(text)) return text.length
  let count = 0
  for (const { segment } of graphemeSegmenter.segment(text)) {
    count += EMOJI_GRAPHEME.test(segment) ? utf8ByteLength(segment) : 1
  }
  return count
}

export function countWith(rule: CountingRule, text: string): number {
  switch (rule) {
    case 'x-weighted':
      return xWeightedLength(text)
    case 'graphemes':
      return countGraphemes(text)
    case 'mastodon':
      return countGraphemes(mastodonCountableText(text))
    case 'threads':
      return threadsLength(text)
    case 'utf16':
      return text.length
  }
}

/** Links as the platforms detect them, with or without a scheme (twitter-text's URL rules). */
export function extractLinks(text: string): string[] {
  return extractUrlsWithIndices(text).map(({ url }) => url)
}

/** Hashtags as they would be linked (Unicode letters included: #Gespräch, #Straße), with UTF-16 indices. */
export function extractHashtagsWithIndices(text: string): Array<{ hashtag: string; indices: [number, number] }> {
  // As with URLs: a hashtag holds no whitespace and twitter-text looks only at the character
  // before it, so only the words with a hash sign need its (costly) rules.
  const out: Array<{ hashtag: string; indices: [number, number] }> = []
  let wordEnd = -1
  for (const { index } of text.matchAll(HASH_SIGN)) {
    if (index < wordEnd) continue
    let start = index
    while (start > 0 && !WHITESPACE.test(text[start - 1]!)) start--
    wordEnd = index + 1
    while (wordEnd < text.length && !WHITESPACE.test(text[wordEnd]!)) wordEnd++
    for (const { hashtag, indices } of twitterText.extractHashtagsWithIndices(text.slice(start, wordEnd))) {
      out.push({ hashtag, indices: [indices[0] + start, indices[1] + start] })
    }
  }
  return out
}
const HASH_SIGN = /[#＃]/g

export function extractHashtags(text: string): string[] {
  return extractHashtagsWithIndices(text).map(({ hashtag }) => hashtag)
}
