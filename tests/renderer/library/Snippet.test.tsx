import { afterEach, describe, expect, it } from 'vitest'
import { SNIPPET_MARK_END as E, SNIPPET_MARK_START as S } from '@shared/domain'
import { Snippet } from '../../../renderer/library/Snippet'
import { render, type Rendered } from '../support/render'

let view: Rendered | null = null
afterEach(async () => {
  await view?.unmount()
  view = null
})

describe('Snippet', () => {
  it('marks the hits and shows the rest as plain text', async () => {
    view = await render(<Snippet text={`…über ${S}Größe${E} und ${S}Maß${E}…`} />)
    const marks = [...view.container.querySelectorAll('mark')].map((m) => m.textContent)
    expect(marks).toEqual(['Größe', 'Maß'])
    expect(view.container.textContent).toBe('…über Größe und Maß…')
  })

  it('never turns snippet text into HTML', async () => {
    const hostile = `<img src=x onerror="alert(1)"> ${S}<script>alert(2)</script>${E} <b>bold</b>`
    view = await render(<Snippet text={hostile} />)
    expect(view.container.querySelector('img, script, b')).toBeNull()
    expect(view.container.textContent).toBe('<img src=x onerror="alert(1)"> <script>alert(2)</script> <b>bold</b>')
    expect(view.container.querySelector('mark')?.textContent).toBe('<script>alert(2)</script>')
  })
})
