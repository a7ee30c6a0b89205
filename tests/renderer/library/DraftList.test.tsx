import { afterEach, describe, expect, it } from 'vitest'
import type { DraftSummary } from '@shared/domain'
import { DraftList, ROW_HEIGHT, visibleRange } from '../../../renderer/library/DraftList'
import { keyDown, render, type Rendered, waitFor } from '../support/render'

const now = Date.UTC(2025, 5, 1, 12)
const many: DraftSummary[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: i + 1,
  title: i === 0 ? 'Donaudampfschifffahrtsgesellschaftskapitänsmütze 🧢 '.repeat(6) : `Entwurf ${i + 1}`,
  status: 'draft',
  tags: i === 0 ? ['Datenschutzgrundverordnung', 'Kochen'] : [],
  language: 'de',
  wordCount: 10,
  createdAt: now,
  updatedAt: now - i * 60_000,
  trashedAt: null,
  preview: i === 0 ? 'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz und noch mehr Text, der nicht in eine Zeile passt.' : '',
}))

let view: Rendered | null = null
afterEach(async () => {
  await view?.unmount()
  view = null
})

describe('visibleRange', () => {
  it('covers the viewport plus a margin, clamped to the list', () => {
    expect(visibleRange(0, 600, 10_000, 60, 5)).toEqual({ first: 0, last: 15 })
    expect(visibleRange(6000, 600, 10_000, 60, 5)).toEqual({ first: 95, last: 115 })
    expect(visibleRange(599_400, 600, 10_000, 60, 5)).toEqual({ first: 9985, last: 10_000 })
  })
})

describe('DraftList', () => {
  it('renders only a window of rows for 10,000 drafts, sized for all of them', async () => {
    view = await render(<DraftList drafts={many} selectedId={1} onOpen={() => undefined} actions={[]} label="Drafts" now={now} />)
    const rows = view.container.querySelectorAll('li')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThan(60)
    const list = view.container.querySelector('ul')!
    expect(list.style.height).toBe(`${10_000 * ROW_HEIGHT}px`)
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000')
    expect(view.container.querySelector('[aria-current="true"]')?.textContent).toContain('Donaudampfschifffahrts')
  })

  it('shows a one-line text preview under the title, and none for an empty draft', async () => {
    view = await render(<DraftList drafts={many} selectedId={1} onOpen={() => undefined} actions={[]} label="Drafts" now={now} />)
    const rows = view.container.querySelectorAll('li')
    expect(rows[0]!.querySelector('.draft-row-preview')?.textContent).toMatch(/^Rindfleischetikettierungs/)
    expect(rows[1]!.querySelector('.draft-row-preview')).toBeNull()
  })

  it('moves through rows with the arrow keys', async () => {
    const opened: number[] = []
    view = await render(
      <DraftList drafts={many} selectedId={null} onOpen={(d) => opened.push(d.id)} actions={[]} label="Drafts" now={now} />,
    )
    const first = view.container.querySelector<HTMLButtonElement>('.draft-row-main')!
    first.focus()
    await keyDown(first, { key: 'ArrowDown' })
    await waitFor(() => document.activeElement?.textContent?.includes('Entwurf 2'))
    await keyDown(document.activeElement!, { key: 'ArrowDown' })
    await waitFor(() => document.activeElement?.textContent?.includes('Entwurf 3'))
    ;(document.activeElement as HTMLButtonElement).click()
    expect(opened).toEqual([3])
  })
  it('with more rows to come, shows a calm loading row and asks for them once the end is in view, not before', async () => {
    const firstScreen = many.slice(0, 100)
    let reached = 0
    const more = { label: 'Loading the older drafts…', reached: () => void reached++ }
    view = await render(<DraftList drafts={firstScreen} selectedId={null} onOpen={() => undefined} actions={[]} label="Drafts" now={now} more={more} />)
    expect(reached).toBe(0)
    expect(view.container.querySelector('.draft-list-more')).toBeNull()
    const first = view.container.querySelector<HTMLButtonElement>('.draft-row-main')!
    first.focus()
    await keyDown(first, { key: 'End' })
    await waitFor(() => document.activeElement?.textContent?.includes('Entwurf 100'))
    expect(view.container.querySelector('.draft-list-more')?.textContent).toBe('Loading the older drafts…')
    expect(reached).toBe(1)
  })
})
