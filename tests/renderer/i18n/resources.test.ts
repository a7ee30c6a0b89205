import { describe, expect, it } from 'vitest'
import { uiDe } from '@shared/i18n/ui.de'
import { uiEn } from '@shared/i18n/ui.en'
import { createI18n, detectLanguage, resolveUiLanguage } from '../../../renderer/i18n/i18n'

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof child === 'string') out.set(path, child)
    else for (const [k, v] of leaves(child, path)) out.set(k, v)
  }
  return out
}

const en = leaves(uiEn)
const de = leaves(uiDe)

describe('UI strings', () => {
  it('German and English have exactly the same keys', () => {
    expect([...de.keys()].sort()).toEqual([...en.keys()].sort())
  })

  it('no string is empty or left untranslated by copy', () => {
    for (const [key, text] of [...en, ...de]) expect(text.trim(), key).not.toBe('')
    // Identical strings are fine for names and loan words, not for sentences.
    const identical = [...en].filter(([k, v]) => de.get(k) === v && v.includes(' ')).map(([k]) => k)
    expect(identical).toEqual([])
  })

  it('every string uses the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of en) expect(vars(de.get(key)!), key).toEqual(vars(text))
  })

  it('German talks to the author as "du", never "Sie"', () => {
    // Capitalised mid-sentence these are the formal address; at a sentence start "Sie" is "it/she".
    const formal = /(?<!(?:^|[.!?:]\s))\b(Sie|Ihr|Ihre|Ihren|Ihrem|Ihnen)\b/u
    for (const [key, text] of de) expect(text, key).not.toMatch(formal)
    expect('Dann speichern Sie es.').toMatch(formal)
  })

  it('German uses German quotation marks', () => {
    for (const [key, text] of de) expect(text, key).not.toMatch(/["”]/)
    const quoted = [...de.values()].filter((t) => t.includes('„'))
    expect(quoted.length).toBeGreaterThan(0)
    for (const t of quoted) expect(t).toMatch(/„[^“]*“/)
  })

  it('plural forms resolve in both languages', () => {
    const i18nDe = createI18n('de')
    const i18nEn = createI18n('en')
    expect(i18nDe.t('editor.words', { count: 1, formatted: '1' })).toBe('1 Wort')
    expect(i18nDe.t('editor.words', { count: 1234, formatted: '1.234' })).toBe('1.234 Wörter')
    expect(i18nEn.t('editor.words', { count: 2, formatted: '2' })).toBe('2 words')
    expect(i18nEn.t('editor.readingTime', { count: 0 })).toBe('Nothing to read yet')
    expect(i18nDe.t('editor.readingTime', { count: 3 })).toBe('3 Min. Lesezeit')
  })
})

describe('UI language', () => {
  it('follows the OS/browser locale until the user picks one', () => {
    expect(detectLanguage(['de-AT', 'en-US'])).toBe('de')
    expect(detectLanguage(['fr-FR', 'de-CH'])).toBe('de')
    expect(detectLanguage(['en-GB'])).toBe('en')
    expect(detectLanguage(['fr-FR'])).toBe('en')
    expect(detectLanguage([])).toBe('en')
    expect(resolveUiLanguage('system', ['de-DE'])).toBe('de')
    expect(resolveUiLanguage('en', ['de-DE'])).toBe('en')
    expect(resolveUiLanguage('de', ['en-US'])).toBe('de')
  })

  it('has every string from the first render, with no async loading', () => {
    const i18n = createI18n('de')
    expect(i18n.isInitialized).toBe(true)
    expect(i18n.t('library.newDraft')).toBe('Neuer Entwurf')
  })
})

describe('counts', () => {
  it('no search result reads "Keine Entwürfe gefunden" / "No drafts found", not "0 …"', () => {
    expect(createI18n('de').t('library.resultCount', { count: 0 })).toBe('Keine Entwürfe gefunden')
    expect(createI18n('en').t('library.resultCount', { count: 0 })).toBe('No drafts found')
    expect(createI18n('de').t('library.resultCount', { count: 2 })).toBe('2 Entwürfe gefunden')
  })
})
