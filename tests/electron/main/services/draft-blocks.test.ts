import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, type DocNode, type EditorDoc } from '@shared/domain'
import { diffByIdentity } from '@shared/domain/block-splices'
import type { Services } from '../../../../electron/main/services'
import type { BlocksPatch } from '../../../../electron/main/services/drafts'
import { gateEditorDoc } from '@shared/export'
import { BLOCK_GAP, frameOf, freePositions } from '../../../../electron/main/services/draft-blocks'
import { AUTO_SNAPSHOT_INTERVAL_MS } from '../../../../electron/main/services/revisions'
import { applyEdit, editArbitrary } from '../../../support/block-edits'
import { assertProperty } from '../../../support/property'
import { manualClock, tempLibrary } from '../../support/temp-library'

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const docOf = (content: DocNode[]): EditorDoc => ({ type: 'doc', content })

/** What the renderer sends: the blocks that changed between two documents, by identity. */
function patchBetween(before: EditorDoc, after: EditorDoc, baseVersion: number): BlocksPatch {
  return {
    baseVersion,
    splices: diffByIdentity(before.content, after.content).map(({ from, deleteCount, items }) => ({ from, deleteCount, blocks: items })),
    blockCount: after.content.length,
  }
}

function stored(services: Services, id: number): string {
  return services.db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').pluck().get(id) as string
}

function rows(services: Services, id: number): { position: number; json: string }[] {
  return services.db.prepare('SELECT position, json FROM draft_blocks WHERE draft_id = ? ORDER BY position').all(id) as { position: number; json: string }[]
}

async function draftWith(content: DocNode[]) {
  const services = await tempLibrary()
  const draft = services.drafts.create({ title: 'Blöcke', doc: docOf(content) })
  const { bodyVersion } = services.drafts.saveContent(draft.id, docOf(content))
  return { services, id: draft.id, version: bodyVersion }
}

describe('Drafts.saveBlocks (autosave by blocks)', () => {
  it('stores a document saved through block patches byte for byte like the same document saved whole', async () => {
    const base = docOf(Array.from({ length: 50 }, (_, i) => paragraph(`Absatz ${i} über „Blöcke“ 😀`)))
    const { services, id, version } = await draftWith(base.content)
    const twin = services.drafts.create({ title: 'Zwilling', doc: base }).id
    const next = docOf([...base.content])
    next.content[10] = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', marks: [{ type: 'bold' }], text: 'Neu\u2028"zitiert"\\' }] }
    next.content.splice(30, 2, paragraph('verbunden'))
    next.content.push({ type: 'paragraph' })
    const result = services.drafts.saveBlocks(id, patchBetween(base, next, version))
    expect(result).toMatchObject({ status: 'saved', bodyVersion: expect.any(Number) })
    services.drafts.saveContent(twin, next)
    expect(stored(services, id)).toBe(JSON.stringify(next))
    expect(stored(services, id)).toBe(stored(services, twin))
    expect(services.drafts.get(id).doc).toEqual(services.drafts.get(twin).doc)
  })

  it('writes a one-paragraph edit as one row: the other rows keep their positions and text', async () => {
    const content = Array.from({ length: 200 }, (_, i) => paragraph(`Absatz ${i}`))
    const { services, id, version } = await draftWith(content)
    const before = rows(services, id)
    const next = [...content]
    next[120] = paragraph('Absatz 120, geändert')
    services.drafts.saveBlocks(id, patchBetween(docOf(content), docOf(next), version))
    const after = rows(services, id)
    expect(after.map((r) => r.position)).toEqual(before.map((r) => r.position))
    expect(after.filter((r, i) => r.json !== before[i]!.json)).toEqual([{ position: before[120]!.position, json: JSON.stringify(next[120]) }])
  })

  it('puts a new block between its neighbours without renumbering, and renumbers only when no number is left', async () => {
    const content = [paragraph('a'), paragraph('z')]
    let { services, id, version } = await draftWith(content)
    let doc = docOf(content)
    // Each new paragraph right after the previous new one (typing Enter, Enter, …) halves the gap.
    for (let i = 0; i < 30; i++) {
      const next = docOf([...doc.content])
      next.content.splice(i + 1, 0, paragraph(`neu ${i}`))
      const result = services.drafts.saveBlocks(id, patchBetween(doc, next, version))
      if (result.status !== 'saved') throw new Error('stale')
      version = result.bodyVersion
      doc = next
      const positions = rows(services, id).map((r) => r.position)
      expect(positions[0]).toBe(0)
      if (i < 23) expect(positions.at(-1)).toBe(BLOCK_GAP)
      expect(stored(services, id)).toBe(JSON.stringify(doc))
    }
    // 24 halvings of 2^24 used the room up once: positions were renumbered in order.
    expect(rows(services, id).at(-1)!.position).not.toBe(BLOCK_GAP)
  })

  it('answers stale, and writes nothing, when the stored body is no longer the base version', async () => {
    const content = [paragraph('eins'), paragraph('zwei')]
    const { services, id, version } = await draftWith(content)
    const replaced = docFromParagraphs(['importiert'])
    services.drafts.saveContent(id, replaced) // another save path replaced the text
    const next = docOf([paragraph('eins, geändert'), content[1]!])
    expect(services.drafts.saveBlocks(id, patchBetween(docOf(content), next, version))).toEqual({ status: 'stale' })
    expect(stored(services, id)).toBe(JSON.stringify(replaced))
  })

  it('answers stale when the patch does not fit the stored blocks (a diff against the wrong base)', async () => {
    const content = [paragraph('eins'), paragraph('zwei')]
    const { services, id, version } = await draftWith(content)
    const before = stored(services, id)
    const patch = (p: Partial<BlocksPatch>): BlocksPatch => ({ baseVersion: version, splices: [{ from: 0, deleteCount: 1, blocks: [paragraph('x')] }], blockCount: 2, ...p })
    expect(services.drafts.saveBlocks(id, patch({ blockCount: 3 }))).toEqual({ status: 'stale' })
    expect(services.drafts.saveBlocks(id, patch({ splices: [{ from: 2, deleteCount: 1, blocks: [] }] }))).toEqual({ status: 'stale' })
    expect(services.drafts.saveBlocks(id, patch({ splices: [{ from: 1, deleteCount: 1, blocks: [] }, { from: 0, deleteCount: 1, blocks: [] }], blockCount: 0 }))).toEqual({ status: 'stale' })
    expect(stored(services, id)).toBe(before)
  })

  it('lets nothing unsafe in: a block the document gate would rebuild answers stale (the whole save then cleans it)', async () => {
    const content = [paragraph('eins')]
    const { services, id, version } = await draftWith(content)
    const before = stored(services, id)
    const hostile: DocNode[] = [
      { type: 'paragraph', content: [{ type: 'text', text: 'klick', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
      { type: 'image', attrs: { src: 'https://tracker.example/pixel.png' } },
      { type: 'script', content: [{ type: 'text', text: 'x' }] },
      { type: 'paragraph', attrs: { onclick: 'x' } },
    ]
    for (const block of hostile) {
      expect(services.drafts.saveBlocks(id, { baseVersion: version, splices: [{ from: 0, deleteCount: 1, blocks: [block] }], blockCount: 1 })).toEqual({ status: 'stale' })
    }
    expect(stored(services, id)).toBe(before)
  })

  it('snapshots the text being replaced like saveContent does (at most once per interval), and leaves search to catch up', async () => {
    const clock = manualClock()
    const services = await tempLibrary({ now: clock })
    const content = [paragraph('Herz statt Technik'), paragraph('zweiter Absatz')]
    const id = services.drafts.create({ title: 'Versionen', doc: docFromParagraphs(['Anfang']) }).id
    let { bodyVersion } = services.drafts.saveContent(id, docOf(content))
    let doc = docOf(content)
    const edit = (text: string) => {
      const next = docOf([paragraph(text), doc.content[1]!])
      const result = services.drafts.saveBlocks(id, patchBetween(doc, next, bodyVersion))
      if (result.status !== 'saved') throw new Error('stale')
      bodyVersion = result.bodyVersion
      doc = next
    }
    const before = services.revisions.list(id).length
    clock.advance(AUTO_SNAPSHOT_INTERVAL_MS + 1)
    edit('Herz und Technik')
    expect(services.revisions.list(id)).toHaveLength(before + 1)
    expect(services.revisions.get(services.revisions.list(id)[0]!.id).doc).toEqual(docOf(content))
    clock.advance(1000)
    edit('Herz ohne Technik')
    expect(services.revisions.list(id)).toHaveLength(before + 1)
    expect(services.db.prepare('SELECT text_stale FROM drafts WHERE id = ?').pluck().get(id)).toBe(1)
    expect(services.search.query('ohne').map((hit) => hit.id)).toEqual([id])
    expect(services.drafts.summary(id).updatedAt).toBe(clock())
  })

  it('property: random edit sequences saved through patches from an opened draft equal the same documents saved whole', async () => {
    const services = await tempLibrary()
    let n = 0
    assertProperty(
      fc.property(fc.nat(12), fc.array(fc.array(editArbitrary, { maxLength: 5 }), { minLength: 1, maxLength: 6 }), (size, saves) => {
        n++
        let doc = docOf(Array.from({ length: size }, (_, i) => paragraph(`Absatz ${i}`)))
        const patched = services.drafts.create({ title: `p${n}`, doc }).id
        const whole = services.drafts.create({ title: `w${n}`, doc }).id
        // Opened as the editor opens it: the stored document (an empty one gets its one empty
        // paragraph) and its version, so the first save is already a patch.
        const opened = services.drafts.get(patched)
        doc = opened.doc
        expect(opened.storedBody).toEqual({ version: expect.any(Number), rewrite: [] })
        let bodyVersion = opened.storedBody!.version
        let label = 0
        for (const edits of saves) {
          const next = docOf(edits.reduce((blocks, edit) => applyEdit(blocks, edit, (text) => paragraph(`${text} ${label++}`)), doc.content))
          const patch = patchBetween(doc, next, bodyVersion)
          if (patch.splices.length > 0) {
            const result = services.drafts.saveBlocks(patched, patch)
            // As the renderer does: a patch that does not fit becomes one whole save. Only an
            // empty document may need it here (the gate gives it its one empty paragraph).
            if (result.status === 'stale') {
              expect(next.content).toEqual([])
              bodyVersion = services.drafts.saveContent(patched, next).bodyVersion
            } else bodyVersion = result.bodyVersion
          }
          services.drafts.saveContent(whole, next)
          // What saveContent stored before blocks existed: the gated document's JSON.
          expect(stored(services, patched)).toBe(JSON.stringify(gateEditorDoc(next)))
          expect(stored(services, whole)).toBe(JSON.stringify(gateEditorDoc(next)))
          // The editor never holds an empty document: it shows (and diffs against) the stored one.
          doc = next.content.length === 0 ? services.drafts.get(patched).doc : next
        }
      }),
      { numRuns: 80 },
    )
  })
})

describe('Drafts.saveContent (whole documents)', () => {
  it('writes only the rows whose text changed, and stores exactly JSON.stringify of the gated document', async () => {
    const content = Array.from({ length: 100 }, (_, i) => paragraph(`Absatz ${i}`))
    const { services, id } = await draftWith(content)
    const before = rows(services, id)
    const next = content.map((block, i) => (i === 40 ? paragraph('geändert') : { ...block }))
    services.drafts.saveContent(id, docOf(next))
    const after = rows(services, id)
    expect(after.filter((r, i) => r.position !== before[i]!.position || r.json !== before[i]!.json)).toEqual([{ position: before[40]!.position, json: JSON.stringify(next[40]) }])
    expect(stored(services, id)).toBe(JSON.stringify(docOf(next)))
  })

  it('keeps the bytes of documents with other keys, and turns a body kept whole into blocks', async () => {
    const services = await tempLibrary()
    const id = services.drafts.create({ title: 'Rahmen' }).id
    services.db.prepare('UPDATE draft_bodies SET doc = ? WHERE draft_id = ?').run('{"type":"doc","content":[{"type": "paragraph"}]}', id)
    expect(rows(services, id)).toEqual([])
    const withAttrs = { type: 'doc', content: [paragraph('eins'), paragraph('zwei')], attrs: {} } as EditorDoc
    services.drafts.saveContent(id, withAttrs)
    expect(stored(services, id)).toBe(JSON.stringify(withAttrs))
    expect(rows(services, id)).toHaveLength(2)
    const reordered = { content: [paragraph('drei')], type: 'doc' } as EditorDoc
    services.drafts.saveContent(id, reordered)
    expect(stored(services, id)).toBe(JSON.stringify(reordered))
  })
})

describe('frameOf', () => {
  it('splits JSON.stringify of a document around its content, in any key order, or refuses', () => {
    for (const doc of [docOf([paragraph('a')]), { content: [paragraph('b')], type: 'doc', attrs: { x: '"content":[]' } }, { type: 'doc', content: [], attrs: { y: 1 } }] as EditorDoc[]) {
      const frame = frameOf(doc)!
      expect(frame.head + doc.content.map((b) => JSON.stringify(b)).join(',') + frame.tail).toBe(JSON.stringify(doc))
    }
    expect(frameOf({ type: 'doc', content: [], attrs: { nested: { content: [] } } } as EditorDoc)).toBeNull()
  })
})

describe('freePositions', () => {
  it('spreads new blocks evenly between two neighbours, open ends a gap apart, none when there is no room', () => {
    expect(freePositions(0, 8, 3)).toEqual([2, 4, 6])
    expect(freePositions(5, undefined, 2)).toEqual([5 + BLOCK_GAP, 5 + 2 * BLOCK_GAP])
    expect(freePositions(undefined, 0, 2)).toEqual([-2 * BLOCK_GAP, -BLOCK_GAP])
    expect(freePositions(undefined, undefined, 2)).toEqual([0, BLOCK_GAP])
    expect(freePositions(3, 4, 1)).toBeNull()
  })
})

describe('the draft_bodies view', () => {
  it('replaces and deletes a body through SQL alone, foreign keys on or off (tools, old connections)', async () => {
    const services = await tempLibrary()
    const id = services.drafts.create({ title: 'SQL', doc: docFromParagraphs(['eins', 'zwei']) }).id
    const next = JSON.stringify(docFromParagraphs(['drei']))
    for (const foreignKeys of ['OFF', 'ON']) {
      services.db.pragma(`foreign_keys = ${foreignKeys}`)
      services.db.prepare('UPDATE draft_bodies SET doc = ? WHERE draft_id = ?').run(next, id)
      expect(stored(services, id)).toBe(next)
      expect(rows(services, id)).toHaveLength(1)
    }
    services.db.pragma('foreign_keys = OFF')
    services.db.prepare('DELETE FROM draft_bodies WHERE draft_id = ?').run(id)
    services.db.pragma('foreign_keys = ON')
    expect(stored(services, id)).toBeUndefined()
    expect(rows(services, id)).toEqual([])
  })
})
