import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { DocMark, DocNode, EditorDoc } from '@shared/domain'
import { toMarkdown as stockSerializer } from 'mdast-util-to-markdown'
import { docToMdast, markdownToDoc, MARKDOWN_STYLE, toMarkdown, toMarkdownBody, toMarkdownWithImages } from '@shared/export'
import { plainBlockMarkdown } from '../../../shared/export/markdown/plain-blocks'
import { longDraft } from '../../bench/support/long-draft'
import { assertProperty } from '../../support/property'
import { readFixture } from '../../support/fixtures'
import { specExamples } from './support/commonmark'
import { PNG_DATA_URL } from './support/doc'

/**
 * toMarkdown writes plain paragraphs and headings itself and the rest through
 * mdast-util-to-markdown. The oracle: the whole document through the stock serializer, as every
 * export was written before; the output must be the same byte for byte.
 */
function oracle(doc: EditorDoc): string {
  const { root } = docToMdast(doc)
  return root.children.length > 0 ? stockSerializer(root, MARKDOWN_STYLE) : ''
}

const META = { title: 'Ein langer Entwurf', tags: ['bench'], language: 'de' as const, createdAt: Date.UTC(2026, 0, 1) }

describe('toMarkdown writes exactly what the mdast serializer writes', () => {
  test('the 100,000-word benchmark draft, as the previous implementation wrote it', () => {
    const markdown = toMarkdown(longDraft(100_000), META)
    // sha256 of the previous implementation's output (mdast for every block), taken before the change.
    expect(createHash('sha256').update(markdown).digest('hex')).toBe('6c00be2cd1337354296f2222a1d83c7ca65a042643794093a3d546630e61c735')
  })

  test('a 10,000-word draft, against the stock serializer', () => {
    const doc = longDraft(10_000, 3)
    expect(toMarkdownBody(doc)).toBe(oracle(doc))
  })

  test('every CommonMark spec example, as imported', () => {
    for (const example of specExamples()) {
      const doc = markdownToDoc(example.markdown)
      expect(toMarkdownBody(doc), `example ${example.number}`).toBe(oracle(doc))
    }
  })

  test('the German fixture post, as Markdown and as paragraphs', () => {
    const text = readFixture('herz-statt-technik.de.txt')
    const paragraphs: EditorDoc = {
      type: 'doc',
      content: text.split(/\n\s*\n/).map((para): DocNode => ({ type: 'paragraph', content: para.trim() ? [{ type: 'text', text: para.trim() }] : [] })),
    }
    for (const doc of [markdownToDoc(text), paragraphs]) expect(toMarkdownBody(doc)).toBe(oracle(doc))
  })

  test('random documents of words, syntax characters, spaces and marks', () => {
    const letters = fc.stringMatching(/^[A-Za-z0-9äöüßÄé]{1,6}$/)
    const syntax = fc.stringMatching(/^[A-Za-z0-9*_\[\]#<>&\\`!~|+.():@/=-]{1,4}$/)
    const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '')
    const text = fc
      .array(fc.tuple(fc.oneof({ weight: 8, arbitrary: letters }, { weight: 1, arbitrary: syntax }), gap), { minLength: 1, maxLength: 6 })
      .chain((pairs) => fc.tuple(fc.constantFrom('', ' ', '  '), fc.constant(pairs.map(([w, g]) => w + g).join(''))).map(([lead, rest]) => lead + rest))
    const href = fc.constantFrom('https://example.com/wort', 'https://e.com/a?b=1&c=(2)', 'https://e.com/a_b', 'http://x.y/-.', 'mailto:a@b.de', '../rel.html', 'https://e.com/ä')
    const marks = fc.oneof(
      { weight: 6, arbitrary: fc.constant([] as DocMark[]) },
      { weight: 1, arbitrary: fc.constant([{ type: 'bold' }] as DocMark[]) },
      { weight: 1, arbitrary: fc.constant([{ type: 'italic' }] as DocMark[]) },
      { weight: 1, arbitrary: fc.constant([{ type: 'bold' }, { type: 'italic' }] as DocMark[]) },
      { weight: 1, arbitrary: fc.constant([{ type: 'code' }] as DocMark[]) },
      { weight: 1, arbitrary: href.map((h): DocMark[] => [{ type: 'link', attrs: { href: h } }]) },
      { weight: 1, arbitrary: fc.tuple(href, fc.constantFrom('T', 'a "b"')).map(([h, title]): DocMark[] => [{ type: 'link', attrs: { href: h, title } }]) },
    )
    const inline = fc.array(
      fc.oneof(
        { weight: 12, arbitrary: fc.tuple(text, marks).map(([t, m]): DocNode => (m.length ? { type: 'text', text: t, marks: m } : { type: 'text', text: t })) },
        { weight: 1, arbitrary: fc.constant<DocNode>({ type: 'hardBreak' }) },
        { weight: 1, arbitrary: fc.constant<DocNode>({ type: 'image', attrs: { src: PNG_DATA_URL, alt: 'Bild' } }) },
      ),
      { maxLength: 6 },
    )
    const paragraph = inline.map((content): DocNode => ({ type: 'paragraph', content }))
    const block: fc.Arbitrary<DocNode> = fc.oneof(
      { weight: 6, arbitrary: paragraph },
      { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([level, content]): DocNode => ({ type: 'heading', attrs: { level }, content })) },
      { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps): DocNode => ({ type: 'bulletList', content: ps.map((p) => ({ type: 'listItem', content: [p] })) })) },
      { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps): DocNode => ({ type: 'orderedList', attrs: { start: 1 }, content: ps.map((p) => ({ type: 'listItem', content: [p] })) })) },
      { weight: 1, arbitrary: paragraph.map((p): DocNode => ({ type: 'blockquote', content: [p] })) },
      { weight: 1, arbitrary: text.map((t): DocNode => ({ type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: t }] })) },
      { weight: 1, arbitrary: fc.constant<DocNode>({ type: 'horizontalRule' }) },
    )
    assertProperty(
      fc.property(fc.array(block, { maxLength: 8 }), (content) => {
        const doc: EditorDoc = { type: 'doc', content }
        expect(toMarkdownBody(doc)).toBe(oracle(doc))
        // Images in files are numbered across the direct and the mdast blocks alike.
        const { root, files } = docToMdast(doc, 'folder')
        const written = toMarkdownWithImages(doc, undefined, { images: 'folder', frontMatter: false })
        expect(written.files).toEqual(files)
        expect(written.markdown).toBe(root.children.length > 0 ? stockSerializer(root, MARKDOWN_STYLE) : '')
      }),
      { numRuns: 3_000 },
    )
    // 3,000 documents through both serializers: ~3 s alone, 32 s measured in a full run on 2 busy
    // cores. The limit is a hang detector, not a speed claim.
  }, 120_000)
})

describe('plain blocks skip the general serializer', () => {
  test('a paragraph of words with a bold, an italic and a linked word', () => {
    const paragraph: DocNode = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Ein Satz über ' },
        { type: 'text', text: 'Dialog', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' und ' },
        { type: 'text', text: 'Augenhöhe', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' mit ' },
        { type: 'text', text: 'Verweis', marks: [{ type: 'link', attrs: { href: 'https://example.com/a' } }] },
        { type: 'text', text: ' ' },
      ],
    }
    expect(plainBlockMarkdown(paragraph)).toBe('Ein Satz über **Dialog** und *Augenhöhe* mit [Verweis](https://example.com/a)&#x20;')
    expect(plainBlockMarkdown({ type: 'paragraph', content: [{ type: 'text', text: '1. Punkt' }] })).toBeUndefined()
  })
})
