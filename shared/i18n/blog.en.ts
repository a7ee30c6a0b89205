/** The blog link of a draft and the blog address pattern (Settings → Posts), English. Part of ui.en.ts (key `blog`). */
export const blogEn = {
  link: 'Blog link',
  placeholder: 'https://… the address of the blog post',
  derived: '{{url}} (from your pattern)',
  invalid: 'A blog link starts with https:// or http://. It was not saved.',
  saveFailed: 'The blog link could not be saved ({{reason}}).',
  settings: {
    heading: 'Blog',
    pattern: 'Blog address pattern',
    patternHint: 'For drafts without their own blog link: {slug} becomes the title, e.g. https://example.com/blog/{slug}.',
    patternInvalid: 'Enter a web address starting with https://, with {slug} at most once.',
    example: 'A draft titled “{{title}}” links to {{url}}',
    exampleTitle: 'Greetings from Cologne',
  },
}
