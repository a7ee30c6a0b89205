import { z } from 'zod'

/**
 * A UTF-16 surrogate without its partner is not a character. SQLite keeps TEXT as UTF-8, where
 * it cannot exist, and better-sqlite3 would store U+FFFD in its place: the author's text
 * silently changed. So the contract refuses such strings (a typed invalid-args error), and the
 * renderer's inputs never produce them (wellFormed below).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const LONE_SURROGATE_MESSAGE = 'contains a broken character (a lone UTF-16 surrogate) that cannot be stored as it is'

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value)
}

/** The same text with each lone surrogate shown as U+FFFD, for inputs to display what will be stored. */
export function wellFormed(value: string): string {
  return isWellFormedText(value) ? value : value.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD')
}

/** A string the library can store exactly: every user-written string in the contract is one. */
export function storableString() {
  return z.string().refine(isWellFormedText, { message: LONE_SURROGATE_MESSAGE })
}
