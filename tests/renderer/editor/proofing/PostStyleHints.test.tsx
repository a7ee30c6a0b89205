import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_PLATFORM_SETTINGS } from '@shared/platforms'
import { PostCard } from '../../../../renderer/posts/PostCard'
import { render, type Rendered } from '../../support/render'

let view: Rendered | null = null
afterEach(async () => {
  await view?.unmount()
  view = null
})

describe('style hints on a post card', () => {
  it('shows the editor’s style rules under an editable post text, in the draft’s language', async () => {
    view = await render(
      <PostCard platform="mastodon" parts={['Wir wollen Mehrwert schaffen.  Das ist die die Idee.']} settings={DEFAULT_PLATFORM_SETTINGS} onChange={() => undefined} lang="de" />,
      { language: 'de' },
    )
    const hints = [...view.container.querySelectorAll('.post-style-hints li')].map((li) => li.textContent?.trim())
    expect(hints).toEqual(['Floskel oder Buzzword: „Mehrwert schaffen“', 'Zwei Leerzeichen', 'Doppeltes Wort: „die“'])
  })

  it('shows nothing for clean text or a read-only card', async () => {
    view = await render(<PostCard platform="mastodon" parts={['Ein klarer Satz.']} settings={DEFAULT_PLATFORM_SETTINGS} onChange={() => undefined} lang="de" />)
    expect(view.container.querySelector('.post-style-hints')).toBeNull()
  })
})
