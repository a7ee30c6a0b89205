import { afterEach, describe, expect, it } from 'vitest'
import type { Args, Channel } from '@shared/ipc'
import { DRAFT_PREVIEW_CHARS, type EditorDoc } from '@shared/domain'
import { countWords, docToPlainText } from '@shared/text/words'
import { SaveRegistry, type BodyContent } from '../../../renderer/editor/saveRegistry'
import { bodyStats } from '../../../renderer/editor/bodyStats'
import { createInProcessApi, type InProcessBackend } from '../../support/in-process-api'
import { appEditor } from '../support/editor'

/**
 * Autosave by blocks against the real backend (real services and SQLite, the validating
 * dispatcher): what is sent, what ends up stored, and what happens when a save fails or another
 * path replaced the text meanwhile.
 */
const paragraphs = (n: number): EditorDoc => ({
  type: 'doc',
  content: Array.from({ length: n }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Absatz ${i} über Brücken` }] })),
})

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

async function setup(doc: EditorDoc) {
  const backend: InProcessBackend = await createInProcessApi()
  cleanups.push(() => backend.close())
  const id = backend.services.drafts.create({ title: 'Blöcke', doc }).id
  const sent: { channel: Channel; args: unknown }[] = []
  const faults = { beforeWrite: 0, afterWrite: 0 }
  const api = {
    ...backend.api,
    invoke: async <C extends Channel>(channel: C, args: Args<C>) => {
      sent.push({ channel, args })
      if (faults.beforeWrite > 0) {
        faults.beforeWrite--
        throw new Error('SQLITE_FULL: database or disk is full')
      }
      const result = await backend.api.invoke(channel, args)
      if (faults.afterWrite > 0) {
        faults.afterWrite--
        throw new Error('the answer was lost')
      }
      return result
    },
  } as typeof backend.api
  const saved: BodyContent[] = []
  const keptOther: number[] = []
  const registry = new SaveRegistry(
    api,
    { onBodySaved: (_id, _at, content) => saved.push(content), onKeptOther: (draftId) => keptOther.push(draftId) },
    { delayMs: 60_000, retryDelaysMs: [60_000] },
  )
  const editor = appEditor(backend.services.drafts.get(id).doc)
  cleanups.push(() => editor.destroy())
  registry.opened(id)
  const body = registry.body(id)
  editor.on('update', () => body.change(() => editor.state.doc))
  const stored = () => backend.services.db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').pluck().get(id) as string
  /** Types at the end of paragraph `index`. */
  const typeInto = (index: number, text: string) => {
    let end = 0
    editor.state.doc.forEach((node, offset, i) => {
      if (i === index) end = offset + node.nodeSize - 1
    })
    editor.chain().setTextSelection(end).insertContent(text).run()
  }
  return { backend, id, sent, faults, saved, keptOther, registry, editor, body, stored, typeInto }
}

describe('SaveRegistry: autosave by blocks', () => {
  it('saves an opened draft whole once, then only the blocks that changed; what is stored is the editor document byte for byte', async () => {
    const t = await setup(paragraphs(300))
    t.typeInto(10, ' eins')
    expect(await t.body.flush()).toBe(true)
    t.typeInto(150, ' zwei')
    expect(await t.body.flush()).toBe(true)
    t.editor.chain().setTextSelection(5).splitBlock().run()
    expect(await t.body.flush()).toBe(true)
    expect(t.sent.map((s) => s.channel)).toEqual(['drafts.saveContent', 'drafts.saveBlocks', 'drafts.saveBlocks'])
    const [, second, third] = t.sent.map((s) => s.args as Args<'drafts.saveBlocks'>)
    expect(second!.splices).toEqual([{ from: 150, deleteCount: 1, blocks: [t.editor.state.doc.child(151).toJSON()] }])
    expect(third!.splices).toMatchObject([{ from: 0, deleteCount: 1, blocks: [expect.anything(), expect.anything()] }])
    expect(third!.blockCount).toBe(301)
    expect(t.stored()).toBe(JSON.stringify(t.editor.getJSON()))
  })

  it('a failed patch loses nothing: the retry diffs against what main last confirmed, edits made meanwhile included', async () => {
    const t = await setup(paragraphs(50))
    t.typeInto(1, ' a')
    await t.body.flush()
    t.typeInto(20, ' b')
    t.faults.beforeWrite = 1
    expect(await t.body.flush()).toBe(false)
    expect(t.body.state.kind).toBe('error')
    t.typeInto(40, ' c')
    expect(await t.body.flush()).toBe(true)
    const retry = t.sent.at(-1)!
    expect(retry.channel).toBe('drafts.saveBlocks')
    expect((retry.args as Args<'drafts.saveBlocks'>).splices.map((s) => s.from)).toEqual([20, 40])
    expect(t.stored()).toBe(JSON.stringify(t.editor.getJSON()))
  })

  it('a patch written but not confirmed (the answer lost) is followed by one whole save, never by a patch on a guessed base', async () => {
    const t = await setup(paragraphs(50))
    t.typeInto(1, ' a')
    await t.body.flush()
    t.typeInto(2, ' b')
    t.faults.afterWrite = 1
    expect(await t.body.flush()).toBe(false)
    t.typeInto(3, ' c')
    expect(await t.body.flush()).toBe(true)
    expect(t.sent.slice(-2).map((s) => s.channel)).toEqual(['drafts.saveBlocks', 'drafts.saveContent'])
    expect(t.stored()).toBe(JSON.stringify(t.editor.getJSON()))
    // Its own write, not someone else's: no "changed elsewhere".
    expect(t.keptOther).toEqual([])
  })

  it('when another path replaced the text (a restored version), the next save is whole and wins, as before', async () => {
    const t = await setup(paragraphs(20))
    t.typeInto(1, ' a')
    await t.body.flush()
    t.backend.services.drafts.saveContent(t.id, paragraphs(3))
    t.typeInto(5, ' b')
    expect(await t.body.flush()).toBe(true)
    expect(t.sent.slice(-2).map((s) => s.channel)).toEqual(['drafts.saveBlocks', 'drafts.saveContent'])
    expect(t.stored()).toBe(JSON.stringify(t.editor.getJSON()))
    // The text it replaced was not this window's: kept as a version, and the author is told.
    expect(t.keptOther).toEqual([t.id])
    const versions = t.backend.services.revisions.list(t.id).map((r) => JSON.stringify(t.backend.services.revisions.get(r.id).doc))
    expect(versions).toContain(JSON.stringify(paragraphs(3)))
  })

  it('puts input still waiting (a key typed into a long text, renderer/editor/typedText.ts) into the text before saving or answering "unsaved?"', async () => {
    const { registry, stored, typeInto } = await setup(paragraphs(3))
    let waiting = ['!']
    const unregister = registry.beforeReading(() => {
      for (const text of waiting) typeInto(0, text)
      waiting = []
    })
    expect(registry.hasUnsaved).toBe(true)
    expect(await registry.flushAll()).toBe(true)
    expect(stored()).toContain('Absatz 0 über Brücken!')
    unregister()
    waiting = ['?']
    expect(registry.hasUnsaved).toBe(false)
  })

  it('hands the unsaved document to a reopened view as JSON', async () => {
    const t = await setup(paragraphs(5))
    t.typeInto(1, ' ungespeichert')
    expect(t.registry.unsaved(t.id).doc).toEqual(t.editor.getJSON())
  })
})

describe('bodyStats', () => {
  it('gives the word count and preview of the whole text, block by block, as the editor changes', async () => {
    const t = await setup(paragraphs(40))
    const expected = () => {
      const text = docToPlainText(t.editor.getJSON() as EditorDoc)
      return { wordCount: countWords(text), preview: text.slice(0, DRAFT_PREVIEW_CHARS) }
    }
    expect(bodyStats(t.editor.state.doc)).toEqual(expected())
    t.typeInto(0, ' und noch viel mehr Text, damit die Vorschau über mehrere Absätze reicht und zweihundert Zeichen füllt')
    expect(bodyStats(t.editor.state.doc)).toEqual(expected())
    t.editor.chain().setTextSelection(3).splitBlock().run()
    t.editor.commands.insertContentAt(0, { type: 'paragraph' })
    expect(bodyStats(t.editor.state.doc)).toEqual(expected())
    t.editor.commands.setContent({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kurz' }] }] })
    expect(bodyStats(t.editor.state.doc)).toEqual(expected())
    expect(bodyStats(paragraphs(3))).toEqual({ wordCount: 12, preview: docToPlainText(paragraphs(3)) })
  })
})
