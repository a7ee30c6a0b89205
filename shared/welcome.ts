import type { EditorDoc, Language } from './domain'
import { postsDe } from './i18n/posts.de'
import { postsEn } from './i18n/posts.en'

interface WelcomeText {
  title: string
  heading: string
  paragraphs: [string, string, string]
}

/**
 * The one draft a new library starts with: the whole flow in three short paragraphs.
 * It is an ordinary draft — edit it, trash it; it is never recreated.
 */
const WELCOME: Record<Language, WelcomeText> = {
  en: {
    title: 'Welcome to Longhand',
    heading: 'Write long, post short',
    paragraphs: [
      'Write here first. Think on the page, as long as you like: Longhand saves every word as you type, keeps earlier versions, and never sends anything off your computer.',
      `Then select a passage that matters to you — a sentence, a paragraph — and choose “${postsEn.makePosts}”. Longhand turns it into posts for the platforms you use, each one counted the way that platform counts.`,
      'Read them, change them, and post them yourself: copy the text or open the platform’s own page with the post filled in. Talk with the people who answer. That is the whole idea.',
    ],
  },
  de: {
    title: 'Willkommen bei Longhand',
    heading: 'Lang schreiben, kurz posten',
    paragraphs: [
      'Schreib zuerst hier. Denk auf dem Papier, so lange du willst: Longhand speichert jedes Wort, während du tippst, bewahrt frühere Fassungen auf und schickt nichts von deinem Rechner weg.',
      `Dann markierst du eine Passage, die dir wichtig ist – einen Satz, einen Absatz – und wählst „${postsDe.makePosts}“. Longhand macht daraus Posts für deine Plattformen, jeden so gezählt, wie die Plattform zählt.`,
      'Lies sie, ändere sie und poste sie selbst: Kopier den Text oder öffne die Seite der Plattform mit dem fertigen Post. Sprich mit den Menschen, die antworten. Mehr braucht es nicht.',
    ],
  },
}

export function welcomeDraft(language: Language): { title: string; doc: EditorDoc } {
  const text = WELCOME[language]
  return {
    title: text.title,
    doc: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: text.heading }] },
        ...text.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
      ],
    },
  }
}
