import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assetUrl, type EditorDoc } from '@shared/domain'
import { loadExportSource, loadPosts, renderExport, renderForClipboard, renderPostsExport } from '../../../renderer/transfer/exporting'
import { testBackend, type TestBackend } from '../support/backend'

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

let backend: TestBackend
beforeEach(async () => {
  backend = await testBackend()
})
afterEach(() => backend.close())

async function draftWithImage() {
  const { id } = await backend.api.invoke('assets.put', { mime: 'image/png', dataBase64: PNG_1PX })
  const doc: EditorDoc = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Hallo ' }, { type: 'text', text: 'Welt', marks: [{ type: 'bold' }] }] },
      { type: 'image', attrs: { src: assetUrl(id), alt: 'Pixel', title: null } },
    ],
  }
  return { draft: await backend.api.invoke('drafts.create', { title: 'Grüße', tags: ['Blog'], language: 'de', doc }), imageId: id }
}

describe('rendering exports in the renderer', () => {
  it('HTML: one page with the image inside; Markdown: front matter and images in a folder, as files', async () => {
    const { draft, imageId } = await draftWithImage()
    const source = await loadExportSource(backend.api, draft.id)
    const html = renderExport(source, 'html', 'embed', window, 'Untitled')
    expect(html).toMatchObject({ kind: 'html', suggestedName: 'Grüße' })
    const page = html.files[0]!.role === 'document' ? html.files[0]!.text : ''
    expect(page).toContain(`data:image/png;base64,${PNG_1PX}`)
    expect(page).toContain('<strong>Welt</strong>')

    const md = renderExport(source, 'markdown', 'folder', window, 'Untitled')
    const image = md.files.find((f) => f.role === 'image')
    expect(image).toEqual({ role: 'image', path: `images/${imageId.slice(0, 16)}.png`, dataBase64: PNG_1PX })
    const text = md.files[0]!.role === 'document' ? md.files[0]!.text : ''
    expect(text).toMatch(/^---\ntitle: Grüße\n/)
    expect(text).toContain(`![Pixel](images/${imageId.slice(0, 16)}.png)`)
  })

  it('copy as HTML is the body alone; copy as Markdown has no front matter', async () => {
    const { draft } = await draftWithImage()
    const source = await loadExportSource(backend.api, draft.id)
    expect(renderForClipboard(source, 'html', window)).toMatch(/^<p>Hallo <strong>Welt<\/strong><\/p>/)
    expect(renderForClipboard(source, 'markdown', window)).toMatch(/^Hallo \*\*Welt\*\*\n/)
  })

  it('the draft’s saved posts as Markdown (a section per platform) or CSV', async () => {
    const { draft } = await draftWithImage()
    const passage = await backend.api.invoke('passages.create', { draftId: draft.id, text: 'Hallo Welt' })
    await backend.api.invoke('posts.create', { draftId: draft.id, passageId: passage.id, platform: 'bluesky', style: 'quote', parts: ['Hallo Welt'] })
    const thread = await backend.api.invoke('posts.create', { draftId: draft.id, passageId: passage.id, platform: 'mastodon', style: 'teaser', parts: ['Eins', 'Zwei'] })
    await backend.api.invoke('posts.setState', { id: thread.id, state: 'planned', plannedFor: '2026-03-14' })
    const posts = await loadPosts(backend.api, draft.id)
    const md = renderPostsExport(posts, 'markdown', 'Grüße', 'Grüße – posts')
    const text = md.files[0]!.role === 'document' ? md.files[0]!.text : ''
    expect(text).toContain('# Grüße')
    expect(text).toContain('## Bluesky')
    expect(text).toContain('## Mastodon')
    expect(text).toContain('_planned · teaser · planned 2026-03-14_')
    const csv = renderPostsExport(posts, 'csv', 'Grüße', 'x')
    expect(csv.kind).toBe('csv')
    expect(csv.files[0]!.role === 'document' && csv.files[0]!.text).toContain('mastodon,teaser,planned,2026-03-14,,,"Eins\n\nZwei"')
  })

  it('puts the journal notes under their post, oldest first', async () => {
    const { draft } = await draftWithImage()
    const passage = await backend.api.invoke('passages.create', { draftId: draft.id, text: 'Hallo Welt' })
    const post = await backend.api.invoke('posts.create', { draftId: draft.id, passageId: passage.id, platform: 'bluesky', style: 'quote', parts: ['Hallo Welt'] })
    await backend.api.invoke('posts.setState', { id: post.id, state: 'posted' })
    await backend.api.invoke('journal.add', { postId: post.id, kind: 'reply', notedOn: '2026-03-14', text: 'Erste Antwort' })
    await backend.api.invoke('journal.add', { postId: post.id, kind: 'idea', notedOn: '2026-03-15', text: 'Neue Idee' })
    const notes = await backend.api.invoke('journal.listForDraft', { draftId: draft.id })
    const md = renderPostsExport(await loadPosts(backend.api, draft.id), 'markdown', 'Grüße', 'x', notes)
    expect(md.files[0]!.role === 'document' && md.files[0]!.text).toContain('  - 2026-03-14 · reply: Erste Antwort\n  - 2026-03-15 · idea: Neue Idee\n')
  })
})
