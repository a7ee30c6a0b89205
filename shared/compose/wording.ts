import type { Language } from '../domain/draft'

/**
 * The words the composer adds around the author's own: questions that invite an answer and
 * the line that leads to the full article. German addresses the reader with "du", like the app.
 * Every line says its thing once: no "Neu im Blog … in meinem Blog".
 */
export interface Wording {
  /**
   * Questions that invite readers to answer (social media is dialog). `{topic}` stands for the
   * passage's key term; questions with it are used only when the passage has one. German puts it
   * after "Thema", which takes the article and case, so the term reads right singular or plural
   * ("das Thema Coaches", "das Thema Supervision") and no ending has to be guessed.
   */
  questions: readonly string[]
  /** The line after a teaser's hook, with the link: with the article's title if there is one. */
  moreWithLink: (title: string, url: string) => string
  /** Instagram, TikTok: links are not clickable, the link lives in the profile. Says "Link in Bio". */
  moreLinkInBio: (title: string) => string
  /** No link known: name the article, or say nothing (null) rather than point nowhere. */
  moreWithoutLink: (title: string) => string | null
  /** Marks a passage the composer had to cut inside a sentence. */
  ellipsis: string
}

export const WORDING: Readonly<Record<Language, Wording>> = {
  de: {
    questions: [
      'Wie siehst du das Thema {topic}?',
      'Welche Erfahrungen hast du mit dem Thema {topic} gemacht?',
      'Was würdest du zum Thema {topic} ergänzen?',
      'Kennst du das auch?',
      'Stimmst du zu – oder siehst du es anders?',
      'Wie ist das bei dir?',
    ],
    moreWithLink: (title, url) => (title === '' ? `Mehr dazu: ${url}` : `Mehr dazu in meinem Artikel „${title}“: ${url}`),
    moreLinkInBio: (title) => (title === '' ? 'Mehr dazu: Link in Bio.' : `Mehr dazu in meinem Artikel „${title}“ – Link in Bio.`),
    moreWithoutLink: (title) => (title === '' ? null : `Mehr dazu in meinem Artikel „${title}“.`),
    ellipsis: '…',
  },
  en: {
    questions: [
      "What's your experience with {topic}?",
      'What would you add about {topic}?',
      'Does this sound familiar?',
      'Do you agree – or do you see it differently?',
      'How is it for you?',
    ],
    moreWithLink: (title, url) => (title === '' ? `More: ${url}` : `More in my article “${title}”: ${url}`),
    moreLinkInBio: (title) => (title === '' ? 'More: link in bio.' : `More in my article “${title}” – link in bio.`),
    moreWithoutLink: (title) => (title === '' ? null : `More in my article “${title}”.`),
    ellipsis: '…',
  },
}

/** The question for a topic; questions needing a topic are skipped when there is none. */
export function questionsFor(wording: Wording, topic: string | null): string[] {
  return wording.questions.flatMap((q) => (q.includes('{topic}') ? (topic === null ? [] : [q.replace('{topic}', topic)]) : [q]))
}
