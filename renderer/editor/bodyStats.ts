import { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { DRAFT_PREVIEW_CHARS, type EditorDoc } from '@shared/domain'
import { BLOCK_SEPARATOR, countWords, docToPlainText, isInlineType, plainTextBlocks } from '@shared/text/words'

/** What the library list shows of a draft's text after a save. */
export interface BodyStats {
  wordCount: number
  preview: string
}

interface BlockStats {
  texts: string[]
  words: number
}

/**
 * Each top-level block's share of the plain text, by node identity: ProseMirror nodes are
 * immutable, so a block an edit did not touch is the same object in the next document and is
 * never looked at again. DO NOT key this by anything but the node: equal-looking blocks in
 * different places are different entries on purpose (nothing to invalidate, ever).
 */
const perBlock = new WeakMap<ProseMirrorNode, BlockStats>()

/**
 * Word count and one-line preview exactly as countWords(docToPlainText(doc)) and its first
 * DRAFT_PREVIEW_CHARS characters give them, at the cost of the blocks changed since the last
 * call: O(blocks) lookups, text and words only of new blocks. Plain JSON (a document not from
 * the editor) is counted whole.
 */
export function bodyStats(content: EditorDoc | ProseMirrorNode): BodyStats {
  if (!(content instanceof ProseMirrorNode)) return wholeStats(content)
  const children: ProseMirrorNode[] = []
  let inlineAtTop = false
  content.forEach((child) => {
    children.push(child)
    if (isInlineType(child.type.name)) inlineAtTop = true
  })
  // docToPlainText runs such a document together as one text: words may span blocks.
  if (inlineAtTop) return wholeStats(content.toJSON() as EditorDoc)
  let wordCount = 0
  let preview = ''
  let previewStarted = false
  let previewDone = false
  for (const child of children) {
    let stats = perBlock.get(child)
    if (!stats) {
      const texts = plainTextBlocks(child.toJSON())
      stats = { texts, words: texts.reduce((sum, text) => sum + countWords(text), 0) }
      perBlock.set(child, stats)
    }
    wordCount += stats.words
    if (!previewDone) {
      for (const text of stats.texts) {
        preview = previewStarted ? `${preview}${BLOCK_SEPARATOR}${text}` : text
        previewStarted = true
        if (preview.length >= DRAFT_PREVIEW_CHARS) {
          previewDone = true
          break
        }
      }
    }
  }
  return { wordCount, preview: preview.slice(0, DRAFT_PREVIEW_CHARS) }
}

function wholeStats(doc: EditorDoc): BodyStats {
  const text = docToPlainText(doc)
  return { wordCount: countWords(text), preview: text.slice(0, DRAFT_PREVIEW_CHARS) }
}
