import { describe, expect, it } from 'vitest'
import { docToPlainText } from '@shared/text/words'
import { postsDe } from '@shared/i18n/posts.de'
import { postsEn } from '@shared/i18n/posts.en'
import { welcomeDraft } from '@shared/welcome'

describe('welcome draft', () => {
  it.each([
    ['en', postsEn.makePosts],
    ['de', postsDe.makePosts],
  ] as const)('explains the flow in %s in a heading and three paragraphs, naming the real button', (language, button) => {
    const { title, doc } = welcomeDraft(language)
    expect(title).toMatch(/Longhand/)
    expect(doc.content.map((n) => n.type)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph'])
    expect(docToPlainText(doc)).toContain(button)
  })

  it('speaks to German readers informally (du), never formally (Sie)', () => {
    const text = docToPlainText(welcomeDraft('de').doc)
    expect(text).toMatch(/\bdu\b/)
    expect(text).not.toMatch(/\b(Sie|Ihr|Ihre|Ihnen)\b/)
  })
})
