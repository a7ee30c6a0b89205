import type { Editor } from '@tiptap/core'
import { act, Profiler } from 'react'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Outline } from '../../../renderer/editor/Outline'
import { DocStatsStore } from '../../../renderer/editor/useDocStats'
import { WordCount } from '../../../renderer/editor/WordCount'
import { appEditor } from '../support/editor'
import { render, type Rendered } from '../support/render'

let editor: Editor
let rendered: Rendered

beforeEach(() => {
  editor = appEditor({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Eins zwei.' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mitte' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Drei.' }] },
    ],
  })
})
afterEach(async () => {
  await rendered.unmount()
  editor.destroy()
})

it('re-renders the outline only when a heading changed, the word count only when the count changed', async () => {
  const stats = new DocStatsStore(editor)
  const renders = { outline: 0, words: 0 }
  const jumps: (number | null)[] = []
  rendered = await render(
    <>
      <Profiler id="outline" onRender={() => renders.outline++}>
        <Outline stats={stats} onJump={(index) => jumps.push(stats.headingPosition(index))} />
      </Profiler>
      <Profiler id="words" onRender={() => renders.words++}>
        <WordCount stats={stats} />
      </Profiler>
    </>,
  )
  const before = { ...renders }
  const typeAt = async (pos: number, text: string) =>
    act(async () => {
      editor.commands.insertContentAt(pos, text)
      stats.refresh()
    })
  // In a word of the first paragraph: same count, headings moved but unchanged.
  await typeAt(2, 'n')
  expect(renders).toEqual(before)
  // A new word: the count changes, the outline does not.
  await typeAt(2, 'xx ')
  expect(renders).toEqual({ outline: before.outline, words: before.words + 1 })
  expect(rendered.container.textContent).toContain('5 words')
  // The jump goes where the heading is now, not where it was when the outline was drawn.
  ;(rendered.container.querySelector('nav.outline button') as HTMLButtonElement).click()
  expect(jumps).toEqual([editor.state.doc.child(0).nodeSize])
  // Editing the heading redraws the outline.
  await typeAt(editor.state.doc.child(0).nodeSize + 1, 'Die ')
  expect(renders.outline).toBe(before.outline + 1)
  expect(rendered.container.querySelector('nav.outline')?.textContent).toContain('Die Mitte')
})
