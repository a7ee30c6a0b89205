import { test } from 'vitest'
import { toMarkdown } from '@shared/export'
import { rng, words } from './support/corpus'

test('profile', () => {
  const random = rng(3)
  const content = Array.from({ length: 1500 }, () => ({ type: 'paragraph', content: words(66, random).flatMap((w, i) => i % 12 === 0 ? [{ type: 'text', text: w, marks: [{ type: 'bold' }] }, { type: 'text', text: ' ' }] : [{ type: 'text', text: w + ' ' }]) }))
  const doc = { type: 'doc' as const, content }
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    toMarkdown(doc)
    console.log('toMarkdown', performance.now() - t0)
  }
})
