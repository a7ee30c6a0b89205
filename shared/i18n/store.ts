import { storeDe } from './store.de'
import { storeEn } from './store.en'

/** The shape every language must have: the English keys, each with a string. */
export type StoreStrings = DeepStrings<typeof storeEn>
type DeepStrings<T> = { readonly [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }

export type StoreLanguage = 'de' | 'en'
export type OpenFailureKind = Exclude<keyof StoreStrings['openFailed'], 'title'>

export const OPEN_FAILURE_KINDS = Object.keys(storeEn.openFailed).filter((k) => k !== 'title') as OpenFailureKind[]

export const STORE_STRINGS: Readonly<Record<StoreLanguage, StoreStrings>> = { de: storeDe, en: storeEn }

/** An OS locale (`de-AT`, `de_DE.UTF-8`, `en-US`) → the language the shell speaks; English otherwise. */
export function storeLanguage(locale: string | undefined): StoreLanguage {
  return /^de(?:[-_.]|$)/i.test(locale ?? '') ? 'de' : 'en'
}

/** `{{name}}` placeholders, as i18next writes them, filled outside i18next (the shells). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

/** The title and the sentence a shell shows when the library cannot be opened. */
export function openFailureText(kind: OpenFailureKind, language: StoreLanguage, values: Readonly<Record<string, string | number>>) {
  const strings = STORE_STRINGS[language].openFailed
  return { title: strings.title, message: fillTemplate(strings[kind], values) }
}
