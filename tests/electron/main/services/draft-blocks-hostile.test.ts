import { join } from 'node:path'
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { DocNode, EditorDoc } from '@shared/domain'
import { createDispatcher } from '../../../../electron/main/ipc/dispatch'
import { createHandlers } from '../../../../electron/main/ipc/handlers'
import { createServices, type Services } from '../../../../electron/main/services'
import { BLOCK_GAP } from '../../../../electron/main/services/draft-blocks'
import { canMount, fillDisk, mountTmpfs } from '../../support/mounts'
import { tempLibrary } from '../../support/temp-library'

/**
 * drafts.saveBlocks as a hostile renderer would call it, through the real contract: whatever it
 * sends, the stored body is either the old one or exactly the patched one, never a mix, never
 * something the document gate would not let in; and a write the disk refuses is said, not lost.
 */

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const docOf = (content: DocNode[]): EditorDoc => ({ type: 'doc', content })

function stored(services: Services, id: number): string {
  return services.db.prepare('SELECT doc FROM draft_bodies WHERE draft_id = ?').pluck().get(id) as string
}

async function setup(services?: Services) {
  services ??= await tempLibrary()
  const dispatch = createDispatcher(createHandlers(services, {}))
  const content = ['Eins', 'Zwei', 'Drei', 'Vier'].map(paragraph)
  const draft = services.drafts.create({ title: 'Angriff', doc: docOf(content) })
  const { bodyVersion } = services.drafts.saveContent(draft.id, docOf(content))
  return { services, dispatch, id: draft.id, version: bodyVersion, before: stored(services, draft.id) }
}

describe('drafts.saveBlocks against a hostile renderer', () => {
  it('refuses patches outside the document, overlapping or out of order, with a wrong count: stale, nothing written', async () => {
    const { services, dispatch, id, version, before } = await setup()
    const attempts = [
      { splices: [{ from: 5, deleteCount: 0, blocks: [paragraph('x')] }], blockCount: 5 },
      { splices: [{ from: 3, deleteCount: 2, blocks: [] }], blockCount: 2 },
      { splices: [{ from: 0, deleteCount: 4_000_000, blocks: [paragraph('x')] }], blockCount: 1 },
      { splices: [{ from: 1, deleteCount: 1, blocks: [paragraph('a')] }, { from: 1, deleteCount: 1, blocks: [paragraph('b')] }], blockCount: 4 },
      { splices: [{ from: 2, deleteCount: 1, blocks: [paragraph('a')] }, { from: 0, deleteCount: 1, blocks: [paragraph('b')] }], blockCount: 4 },
      { splices: [{ from: 0, deleteCount: 1, blocks: [paragraph('a')] }], blockCount: 5 },
      { splices: [{ from: 0, deleteCount: 4, blocks: [] }], blockCount: 0 },
    ]
    for (const attempt of attempts) {
      expect(await dispatch('drafts.saveBlocks', { id, baseVersion: version, ...attempt }), JSON.stringify(attempt)).toEqual({ ok: true, value: { status: 'stale' } })
    }
    expect(stored(services, id)).toBe(before)
  })

  it('refuses negative, fractional and huge numbers and unknown fields at the boundary', async () => {
    const { services, dispatch, id, version, before } = await setup()
    const bad = [
      { id, baseVersion: version, splices: [{ from: -1, deleteCount: 0, blocks: [] }], blockCount: 4 },
      { id, baseVersion: version, splices: [{ from: 0, deleteCount: -1, blocks: [] }], blockCount: 4 },
      { id, baseVersion: version, splices: [{ from: 0.5, deleteCount: 0, blocks: [] }], blockCount: 4 },
      { id, baseVersion: version, splices: [{ from: 0, deleteCount: 0, blocks: [] }], blockCount: -4 },
      { id, baseVersion: version, splices: [{ from: 1e300, deleteCount: 0, blocks: [] }], blockCount: 4 },
      { id, baseVersion: -1, splices: [{ from: 0, deleteCount: 0, blocks: [] }], blockCount: 4 },
      { id, baseVersion: 2 ** 60, splices: [{ from: 0, deleteCount: 0, blocks: [] }], blockCount: 4 },
      { id, baseVersion: version, splices: [], blockCount: 4 },
      { id, baseVersion: version, splices: [{ from: 0, deleteCount: 0, blocks: [], extra: 1 }], blockCount: 4 },
    ]
    for (const payload of bad) {
      const answer = await dispatch('drafts.saveBlocks', payload)
      expect(answer, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    }
    expect(stored(services, id)).toBe(before)
  })

  it('a patch for a draft deleted forever is "not found"; one for a trashed draft is kept with it (restorable)', async () => {
    const { services, dispatch, id, version } = await setup()
    services.drafts.trash(id)
    const patch = { id, baseVersion: version, splices: [{ from: 1, deleteCount: 1, blocks: [paragraph('Im Papierkorb')] }], blockCount: 4 }
    expect(await dispatch('drafts.saveBlocks', patch)).toMatchObject({ ok: true, value: { status: 'saved' } })
    services.drafts.restore(id)
    expect(services.drafts.get(id).doc.content[1]).toEqual(paragraph('Im Papierkorb'))
    services.drafts.trash(id)
    services.drafts.deleteForever(id)
    const after = await dispatch('drafts.saveBlocks', { ...patch, baseVersion: version })
    expect(after).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('a block the gate would rebuild, anywhere in the patch, is never stored as it was sent', async () => {
    const { services, dispatch, id, version, before } = await setup()
    const hostile: DocNode[] = [
      { type: 'paragraph', content: [{ type: 'text', text: '' }] },
      { type: 'text', text: 'nackter Text oben' } as DocNode,
      { type: 'image', attrs: { src: 'javascript:alert(1)' } },
      { type: 'doc', content: [paragraph('verschachtelt')] } as DocNode,
      { type: 'paragraph', content: [{ type: 'text', text: 'Link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
    ]
    for (const block of hostile) {
      const answer = await dispatch('drafts.saveBlocks', { id, baseVersion: version, splices: [{ from: 2, deleteCount: 1, blocks: [paragraph('gut'), block] }], blockCount: 5 })
      expect(answer, JSON.stringify(block)).toMatchObject({ ok: true, value: { status: 'stale' } })
    }
    expect(stored(services, id)).toBe(before)
  })

  it('lone surrogates: what is stored reads back as what a whole save of the same text stores', async () => {
    const { services, dispatch, id, version } = await setup()
    const odd = paragraph('halb \ud800 und \udfff ganz 🖋️')
    const answer = await dispatch('drafts.saveBlocks', { id, baseVersion: version, splices: [{ from: 0, deleteCount: 1, blocks: [odd] }], blockCount: 4 })
    expect(answer.ok).toBe(true)
    const viaBlocks = stored(services, id)
    const whole = services.drafts.create({ title: 'Vergleich', doc: docOf([paragraph('x')]) })
    services.drafts.saveContent(whole.id, services.drafts.get(id).doc)
    const { doc } = services.drafts.get(id)
    expect(JSON.parse(viaBlocks)).toEqual(doc)
    expect(stored(services, whole.id)).toBe(viaBlocks)
  })

  it('a 20 MB block is saved and read back whole, or refused as a whole save would be', async () => {
    const { services, dispatch, id, version } = await setup()
    const big = paragraph('Wort '.repeat(4 * 1024 * 1024))
    const viaBlocks = await dispatch('drafts.saveBlocks', { id, baseVersion: version, splices: [{ from: 3, deleteCount: 0, blocks: [big] }], blockCount: 5 })
    const other = services.drafts.create({ title: 'Ganz', doc: docOf([paragraph('x')]) })
    const viaWhole = await dispatch('drafts.saveContent', { id: other.id, doc: docOf([...['Eins', 'Zwei', 'Drei'].map(paragraph), big, paragraph('Vier')]) })
    expect(viaBlocks.ok).toBe(viaWhole.ok)
    if (viaBlocks.ok) expect(stored(services, id)).toBe(stored(services, other.id))
  })

  it('two windows patching the same draft: the second is stale, and its whole save keeps the first one\'s text in the revisions', async () => {
    const { services, dispatch, id, version } = await setup()
    const first = await dispatch('drafts.saveBlocks', { id, baseVersion: version, splices: [{ from: 0, deleteCount: 1, blocks: [paragraph('Fenster A schreibt')] }], blockCount: 4 })
    expect(first).toMatchObject({ ok: true, value: { status: 'saved' } })
    const second = await dispatch('drafts.saveBlocks', { id, baseVersion: version, splices: [{ from: 3, deleteCount: 1, blocks: [paragraph('Fenster B schreibt')] }], blockCount: 4 })
    expect(second).toEqual({ ok: true, value: { status: 'stale' } })
    // The renderer of window B saves its whole document (without A's edit), with the version it had.
    const whole = await dispatch('drafts.saveContent', { id, doc: docOf([...['Eins', 'Zwei', 'Drei'].map(paragraph), paragraph('Fenster B schreibt')]), baseVersion: version })
    expect(whole).toMatchObject({ ok: true, value: { keptOther: true } })
    const kept = services.revisions.list(id).map((r) => services.revisions.get(r.id).doc)
    expect(kept.some((doc) => JSON.stringify(doc).includes('Fenster A schreibt'))).toBe(true)
  })

  it('when spaced positions run out, the renumbering keeps every block in order (and the view byte-identical)', async () => {
    const { services, dispatch, id, version: start } = await setup()
    let version = start
    const expected = ['Eins', 'Zwei', 'Drei', 'Vier']
    // Always between the first two: the gap halves each time, and after ~24 inserts there is none.
    for (let i = 0; i < 40; i++) {
      const answer = await dispatch('drafts.saveBlocks', { id, baseVersion: version, splices: [{ from: 1, deleteCount: 0, blocks: [paragraph(`Neu ${i}`)] }], blockCount: expected.length + 1 })
      expect(answer).toMatchObject({ ok: true, value: { status: 'saved' } })
      version = (answer as { value: { bodyVersion: number } }).value.bodyVersion
      expected.splice(1, 0, `Neu ${i}`)
    }
    expect(stored(services, id)).toBe(JSON.stringify(docOf(expected.map(paragraph))))
    const positions = services.db.prepare('SELECT position FROM draft_blocks WHERE draft_id = ? ORDER BY position').pluck().all(id) as number[]
    expect(positions.some((p) => p % BLOCK_GAP !== 0)).toBe(true)
  })
})

describe('drafts.saveBlocks when the disk refuses', () => {
  // A real full disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('a full disk during a patch: an error the renderer keeps retrying, the stored body is the old one, and the patch fits again once there is room', async () => {
    const disk = mountTmpfs('size=4m')
    const services = await createServices({ dataDir: join(disk, 'library') })
    let filler: string | null = null
    try {
      const { dispatch, id, version, before } = await setup(services)
      services.db.pragma('wal_checkpoint(TRUNCATE)')
      filler = fillDisk(disk)
      const patch = { id, baseVersion: version, splices: [{ from: 1, deleteCount: 1, blocks: [paragraph('Voll '.repeat(20_000))] }], blockCount: 4 }
      const answer = await dispatch('drafts.saveBlocks', patch)
      expect(answer).toMatchObject({ ok: false })
      expect(JSON.stringify(answer)).toMatch(/full/i)
      expect(stored(services, id)).toBe(before)
      rmSync(filler)
      filler = null
      // The same patch (the renderer's retry) still fits: nothing was half written or renumbered.
      expect(await dispatch('drafts.saveBlocks', patch)).toMatchObject({ ok: true, value: { status: 'saved' } })
      expect(services.drafts.get(id).doc.content[1]).toEqual(patch.splices[0]!.blocks[0])
    } finally {
      if (filler) rmSync(filler)
      services.close()
    }
  })

  // A real full disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('a full disk during a patch that renumbers: the old body stays, and the retry renumbers and saves', async () => {
    const disk = mountTmpfs('size=4m')
    const services = await createServices({ dataDir: join(disk, 'library') })
    let filler: string | null = null
    try {
      const { dispatch, id } = await setup(services)
      const texts = ['Eins', 'Zwei', 'Drei', 'Vier'].map((t) => `${t} ${'lang '.repeat(2_000)}`)
      let version = services.drafts.saveContent(id, docOf(texts.map(paragraph))).bodyVersion
      const expected = [...texts]
      // Fill the gap between the first two blocks until one more insert there must renumber.
      for (let i = 0; ; i++) {
        const positions = services.db.prepare('SELECT position FROM draft_blocks WHERE draft_id = ? ORDER BY position').pluck().all(id) as number[]
        if (positions[1]! - positions[0]! < 2) break
        const answer = await dispatch('drafts.saveBlocks', { id, baseVersion: version, splices: [{ from: 1, deleteCount: 0, blocks: [paragraph(`Neu ${i}`)] }], blockCount: expected.length + 1 })
        version = (answer as { value: { bodyVersion: number } }).value.bodyVersion
        expected.splice(1, 0, `Neu ${i}`)
      }
      const before = stored(services, id)
      services.db.pragma('wal_checkpoint(TRUNCATE)')
      filler = fillDisk(disk)
      const patch = { id, baseVersion: version, splices: [{ from: 1, deleteCount: 0, blocks: [paragraph('Umnummeriert')] }], blockCount: expected.length + 1 }
      const answer = await dispatch('drafts.saveBlocks', patch)
      expect(answer).toMatchObject({ ok: false })
      expect(stored(services, id)).toBe(before)
      rmSync(filler)
      filler = null
      expect(await dispatch('drafts.saveBlocks', patch)).toMatchObject({ ok: true, value: { status: 'saved' } })
      expected.splice(1, 0, 'Umnummeriert')
      expect(stored(services, id)).toBe(JSON.stringify(docOf(expected.map(paragraph))))
    } finally {
      if (filler) rmSync(filler)
      services.close()
    }
  })
})
