import { test } from 'vitest'
import { toHtml, toMarkdown } from '@shared/export'
import { countWords, docToPlainText } from '@shared/text/words'
import { longDraft } from './support/long-draft'
import { report, timeSync } from './support/measure'

const TARGET_WORDS = 100_000

test('export a 100,000-word draft (target p95 ≤ 300 ms each)', () => {
  const doc = longDraft(TARGET_WORDS)
  const counted = countWords(docToPlainText(doc))
  const meta = { title: 'Ein langer Entwurf', tags: ['bench'], language: 'de' as const, createdAt: Date.UTC(2026, 0, 1) }
  const html = toHtml(doc, meta)
  const markdown = toMarkdown(doc, meta)
  console.log(`document: ${counted} words, ${doc.content.length} blocks, JSON ${(JSON.stringify(doc).length / 1e6).toFixed(1)} MB → HTML ${(html.length / 1e6).toFixed(1)} MB, Markdown ${(markdown.length / 1e6).toFixed(1)} MB`)

  const runs = 30
  const baseline = timeSync(() => JSON.stringify(doc), runs, 3)
  const htmlSample = timeSync(() => toHtml(doc, meta), runs, 3)
  const markdownSample = timeSync(() => toMarkdown(doc, meta), runs, 3)
  report('Export a 100,000-word draft', [
    { name: 'JSON.stringify (baseline)', sample: baseline },
    { name: 'toHtml (standalone page)', sample: htmlSample, baseline, target: { p95Ms: 300 } },
    { name: 'toMarkdown (front matter + body)', sample: markdownSample, baseline, target: { p95Ms: 300 } },
  ])
})
