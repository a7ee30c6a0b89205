import type { Language } from '../domain/draft'

/**
 * The words the composer adds around the author's own: questions that invite an answer,
 * teaser lines, link hints. German addresses the reader with "du", like the app.
 */
export interface Wording {
  /** Questions that invite readers to answer (social media is dialog). */
  questions: readonly string[]
  /** First line of a teaser, from the post's title. */
  teaserHook: (title: string) => string
  /** Before the link to the blog post. */
  readMore: string
  /** Where links are not clickable (Instagram, TikTok): point to the link in the profile. */
  linkInBio: string
  /** No blog URL given: say where the rest is without a link. */
  fullPostOnBlog: string
  /** Marks a passage the composer had to cut inside a sentence. */
  ellipsis: string
}

export const WORDING: Readonly<Record<Language, Wording>> = {
  de: {
    questions: [
      'Wie siehst du das?',
      'Was ist deine Erfahrung damit?',
      'Was würdest du ergänzen?',
      'Kennst du das auch?',
      'Stimmst du zu – oder siehst du es anders?',
    ],
    teaserHook: (title) => `Neu im Blog: ${title}`,
    readMore: 'Weiterlesen:',
    linkInBio: 'Den ganzen Beitrag findest du über den Link in meiner Bio.',
    fullPostOnBlog: 'Den ganzen Beitrag findest du in meinem Blog.',
    ellipsis: '…',
  },
  en: {
    questions: [
      'How do you see it?',
      "What's your experience with this?",
      'What would you add?',
      'Does this sound familiar?',
      'Do you agree – or do you see it differently?',
    ],
    teaserHook: (title) => `New on the blog: ${title}`,
    readMore: 'Read more:',
    linkInBio: 'The full post is linked in my bio.',
    fullPostOnBlog: 'The full post is on my blog.',
    ellipsis: '…',
  },
}
