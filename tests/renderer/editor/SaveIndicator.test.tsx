import { Profiler } from 'react'
import { act } from 'react'
import { afterEach, expect, it } from 'vitest'
import { SaveIndicator } from '../../../renderer/editor/SaveIndicator'
import { SaveRegistry } from '../../../renderer/editor/saveRegistry'
import { testBackend, type TestBackend } from '../support/backend'
import { render, type Rendered, waitFor } from '../support/render'

let backend: TestBackend
let rendered: Rendered

afterEach(async () => {
  await rendered.unmount()
  backend.close()
})

/**
 * Every React commit while the caret is in the editor costs a walk over the editor's DOM up to
 * the caret (React measures the selection), which at 100,000 words is milliseconds per key.
 */
it('re-renders once when typing starts, not on every keystroke', async () => {
  backend = await testBackend()
  const draft = await backend.api.invoke('drafts.create', { title: '', language: 'de', doc: { type: 'doc', content: [{ type: 'paragraph' }] } })
  const registry = new SaveRegistry(backend.api)
  let renders = 0
  rendered = await render(
    <Profiler id="save" onRender={() => renders++}>
      <SaveIndicator registry={registry} />
    </Profiler>,
  )
  expect(rendered.container.textContent).toContain('Saved')
  const title = registry.title(draft.id)
  const before = renders
  for (const text of ['E', 'Ei', 'Ein', 'Eins']) await act(async () => title.change(() => text))
  // Not in the keystroke's own frame: after its paint.
  expect(renders - before).toBe(0)
  await waitFor(() => !rendered.container.textContent?.includes('Saved'), 2000, 'Editing…')
  expect(renders - before).toBe(1)
  await act(() => registry.flushAll())
  await waitFor(() => rendered.container.textContent?.includes('Saved'), 2000, 'Saved')
})
