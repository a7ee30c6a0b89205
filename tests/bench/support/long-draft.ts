import type { DocNode, EditorDoc } from '@shared/domain'
import { rng, words } from './corpus'

/**
 * A long draft as writers make them: headings every ~600 words, paragraphs of ~80 words
 * with bold, italic and links sprinkled in, a list or a quote now and then, a code block rarely.
 */
export function longDraft(wordCount: number, seed = 7): EditorDoc {
  const random = rng(seed)
  const content: DocNode[] = []
  let written = 0
  let sinceHeading = Infinity
  const sentence = (n: number): DocNode[] => {
    const out: DocNode[] = []
    const list = words(n, random)
    written += n
    let plain: string[] = []
    const flush = () => {
      if (plain.length) out.push({ type: 'text', text: plain.join(' ') + ' ' })
      plain = []
    }
    for (const w of list) {
      const r = random()
      if (r < 0.03) {
        flush()
        out.push({ type: 'text', text: w, marks: [{ type: 'bold' }] }, { type: 'text', text: ' ' })
      } else if (r < 0.06) {
        flush()
        out.push({ type: 'text', text: w, marks: [{ type: 'italic' }] }, { type: 'text', text: ' ' })
      } else if (r < 0.075) {
        flush()
        out.push({ type: 'text', text: w, marks: [{ type: 'link', attrs: { href: `https://example.com/${w}` } }] }, { type: 'text', text: ' ' })
      } else plain.push(w)
    }
    flush()
    const last = out[out.length - 1]!
    if (last.text === ' ') out.pop()
    return out
  }
  while (written < wordCount) {
    const remaining = wordCount - written
    if (sinceHeading > 600) {
      const n = Math.min(remaining, 4)
      content.push({ type: 'heading', attrs: { level: random() < 0.3 ? 2 : 3 }, content: sentence(n) })
      sinceHeading = 0
      continue
    }
    const r = random()
    const before = written
    if (r < 0.08) {
      const items = Array.from({ length: 3 + Math.floor(random() * 3) }, () => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: sentence(Math.max(1, Math.min(wordCount - written, 12))) }],
      }))
      content.push(random() < 0.5 ? { type: 'bulletList', content: items } : { type: 'orderedList', attrs: { start: 1 }, content: items })
    } else if (r < 0.11) {
      content.push({ type: 'blockquote', content: [{ type: 'paragraph', content: sentence(Math.min(remaining, 40)) }] })
    } else if (r < 0.12) {
      const code = words(Math.min(remaining, 20), random)
      written += code.length
      content.push({ type: 'codeBlock', attrs: { language: 'js' }, content: [{ type: 'text', text: code.join(' ').replace(/ (\S+ \S+ \S+) /g, ' $1\n') }] })
    } else {
      content.push({ type: 'paragraph', content: sentence(Math.min(remaining, 60 + Math.floor(random() * 40))) })
    }
    sinceHeading += written - before
  }
  return { type: 'doc', content }
}
