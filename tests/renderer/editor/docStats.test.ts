import { getSchema } from '@tiptap/core'
import { Fragment, Node as PmNode, Slice } from '@tiptap/pm/model'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import * as words from '@shared/text/words'
import { docStats } from '../../../renderer/editor/docStats'
import { assertProperty } from '../../support/property'
import { appExtensions } from '../support/editor'

// The real countWords, watched: which texts get counted tells whether unchanged blocks are counted again.
vi.mock('@shared/text/words', async (original) => {
  const real = await original<typeof import('@shared/text/words')>()
  return { ...real, countWords: vi.fn(real.countWords) }
})

const schema = getSchema(appExtensions('de'))

/** What the status line and the outline showed before counting went per block: the whole text at once. */
function wholeDocument(doc: PmNode) {
  const count = words.countWords(doc.textBetween(0, doc.content.size, '\n\n', '\n'))
  const outline: { pos: number; level: number; text: string }[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      outline.push({ pos, level: Number(node.attrs.level) || 1, text: node.textContent })
      return false
    }
    return !node.isTextblock
  })
  return { words: count, minutes: words.readingMinutes(count), outline }
}

const text = fc.stringMatching(/^[a-zäöü’'.,\- 0-9]{1,30}$/)
const inline = fc.array(fc.oneof({ arbitrary: text.map((t) => ({ type: 'text', text: t })), weight: 4 }, { arbitrary: fc.constant({ type: 'hardBreak' }), weight: 1 }), { minLength: 0, maxLength: 4 })
const paragraph = inline.map((content) => ({ type: 'paragraph', content: content.length ? content : undefined }))
const heading = fc.tuple(fc.integer({ min: 1, max: 3 }), text).map(([level, t]) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text: t }] }))
const quote = fc.array(fc.oneof(paragraph, heading), { minLength: 1, maxLength: 3 }).map((content) => ({ type: 'blockquote', content }))
const list = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items) => ({ type: 'bulletList', content: items.map((p) => ({ type: 'listItem', content: [p] })) }))
const block = fc.oneof({ arbitrary: paragraph, weight: 5 }, { arbitrary: heading, weight: 2 }, { arbitrary: quote, weight: 1 }, { arbitrary: list, weight: 1 }, { arbitrary: fc.constant({ type: 'horizontalRule' }), weight: 1 })
const documents = fc.array(block, { minLength: 1, maxLength: 12 }).map((content) => PmNode.fromJSON(schema, { type: 'doc', content }))

describe('docStats (status line and outline)', () => {
  it('counts and lists exactly what the whole text gives, before and after an edit (property, fixed seed)', () => {
    assertProperty(
      fc.property(documents, fc.nat(), text, (doc, at, typed) => {
        expect(docStats(doc)).toEqual(wholeDocument(doc))
        // Typing somewhere: every other block stays the same node, its counts come from before.
        const positions: number[] = []
        doc.descendants((node, pos) => {
          if (node.isTextblock) positions.push(pos + 1)
        })
        if (positions.length === 0) return
        const pos = positions[at % positions.length]!
        const edited = doc.replace(pos, pos, new Slice(Fragment.from(schema.text(typed)), 0, 0))
        expect(docStats(edited)).toEqual(wholeDocument(edited))
      }),
      { numRuns: 300 },
    )
  })

  it('after a keystroke, counts only the block that changed, not the whole draft again', () => {
    const content = Array.from({ length: 200 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Absatz ${i} mit einigen Wörtern darin.` }] }))
    const doc = PmNode.fromJSON(schema, { type: 'doc', content })
    docStats(doc)
    const at = doc.child(0).nodeSize + 2
    const edited = doc.replace(at, at, new Slice(Fragment.from(schema.text('x')), 0, 0))
    const countWords = vi.mocked(words.countWords)
    countWords.mockClear()
    expect(docStats(edited).words).toBe(200 * 6)
    const counted = countWords.mock.calls.map(([t]) => t)
    expect(counted).toEqual(['Axbsatz 1 mit einigen Wörtern darin.'])
  })
})
