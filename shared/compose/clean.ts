/**
 * Characters no platform should receive: the byte-order mark and the two noncharacters that
 * X refuses outright (twitter-text `invalidChars`). They are invisible in prose.
 */
const REFUSED_CHARACTERS = /[\uFEFF\uFFFE\uFFFF]/gu

export function removeRefusedCharacters(text: string): string {
  return REFUSED_CHARACTER.test(text) ? text.replace(REFUSED_CHARACTERS, '') : text
}
const REFUSED_CHARACTER = /[\uFEFF\uFFFE\uFFFF]/u

/** A passage ready to compose from: NFC (what X counts and most platforms store), LF line ends. */
export function cleanPassage(text: string): string {
  return removeRefusedCharacters(text.normalize('NFC').replace(/\r\n?/gu, '\n'))
}
