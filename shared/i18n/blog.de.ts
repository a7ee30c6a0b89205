import type { blogEn } from './blog.en'

/** Der Blog-Link eines Entwurfs und das Muster für Blog-Adressen, Deutsch; dieselben Schlüssel wie blog.en.ts. */
export const blogDe: typeof blogEn = {
  link: 'Blog-Link',
  placeholder: 'https://… die Adresse des Blogbeitrags',
  derived: '{{url}} (aus deinem Muster)',
  invalid: 'Ein Blog-Link beginnt mit https:// oder http://. Er wurde nicht gespeichert.',
  saveFailed: 'Der Blog-Link konnte nicht gespeichert werden ({{reason}}).',
  settings: {
    heading: 'Blog',
    pattern: 'Muster für Blog-Adressen',
    patternHint: 'Für Entwürfe ohne eigenen Blog-Link: {slug} wird aus dem Titel, z. B. https://example.com/blog/{slug}.',
    patternInvalid: 'Gib eine Webadresse mit https:// ein, mit höchstens einem {slug}.',
    example: 'Ein Entwurf mit dem Titel „{{title}}“ verlinkt auf {{url}}',
    exampleTitle: 'Grüße aus Köln',
  },
}
