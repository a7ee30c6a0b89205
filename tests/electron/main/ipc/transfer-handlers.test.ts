import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, type EditorDoc } from '@shared/domain'
import { unwrap, type Envelope } from '@shared/ipc'
import { createDispatcher } from '../../../../electron/main/ipc/dispatch'
import { createHandlers, type ShellHooks } from '../../../../electron/main/ipc/handlers'
import { safeFileName } from '../../../../electron/main/ipc/handlers/transfer'
import { manualClock, tempDir, tempLibrary } from '../../support/temp-library'

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

async function backend(shell: ShellHooks = {}) {
  const services = await tempLibrary({ now: manualClock() })
  const dispatch = createDispatcher(createHandlers(services, shell))
  const call = async <T>(channel: string, args: unknown = {}) => unwrap((await dispatch(channel, args)) as Envelope<T>)
  return { services, dispatch, call }
}

describe('export.save', () => {
  it('writes the document and its images where the author chose, adding the extension', async () => {
    const dir = tempDir()
    const asked: unknown[] = []
    const { call } = await backend({
      chooseSavePath: async (request) => {
        asked.push(request)
        return join(dir, 'Mein Text')
      },
    })
    const result = await call('export.save', {
      kind: 'markdown',
      suggestedName: '../../etc/Grüße: aus/München?.md',
      files: [
        { role: 'document', text: '# Grüße\n\n![Pixel](images/pixel.png)\n' },
        { role: 'image', path: 'images/pixel.png', dataBase64: PNG_1PX },
      ],
    })
    expect(asked).toEqual([{ defaultName: 'etc Grüße aus München.md', kind: 'markdown' }])
    expect(result).toEqual({ status: 'saved', path: join(dir, 'Mein Text.md'), files: 2 })
    expect(readFileSync(join(dir, 'Mein Text.md'), 'utf8')).toBe('# Grüße\n\n![Pixel](images/pixel.png)\n')
    expect(readFileSync(join(dir, 'images', 'pixel.png')).toString('base64')).toBe(PNG_1PX)
    expect(readdirSync(dir).sort()).toEqual(['Mein Text.md', 'images'])
  })

  it('reports a cancelled dialog, and has no dialog in the browser harness', async () => {
    const files = [{ role: 'document', text: 'x' }]
    expect(await (await backend({ chooseSavePath: async () => null })).call('export.save', { kind: 'html', suggestedName: 'a', files })).toEqual({ status: 'cancelled' })
    expect(await (await backend()).call('export.save', { kind: 'html', suggestedName: 'a', files })).toEqual({ status: 'unavailable' })
  })

  it('refuses image paths outside images/ and more than one document, before asking anything', async () => {
    let asked = 0
    const { dispatch } = await backend({ chooseSavePath: async () => (asked++, tempDir()) })
    for (const path of ['images/../../x.png', '../x.png', 'images/a.svg', '/tmp/a.png', 'images/sub/a.png']) {
      const result = await dispatch('export.save', { kind: 'markdown', suggestedName: 'a', files: [{ role: 'document', text: 'x' }, { role: 'image', path, dataBase64: PNG_1PX }] })
      expect(result, path).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    }
    const two = await dispatch('export.save', { kind: 'html', suggestedName: 'a', files: [{ role: 'document', text: 'x' }, { role: 'document', text: 'y' }] })
    expect(two).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    expect(asked).toBe(0)
  })

  it('a failed write says so and leaves nothing behind', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'file'), 'x')
    const { dispatch } = await backend({ chooseSavePath: async () => join(dir, 'file', 'export.html') })
    const result = await dispatch('export.save', { kind: 'html', suggestedName: 'a', files: [{ role: 'document', text: '<p>x</p>' }] })
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', details: ['missing-folder'] } })
    expect(readdirSync(dir)).toEqual(['file'])
  })

  it('makes file names from titles without ever making a path', () => {
    expect(safeFileName('Über Brücken', 'html')).toBe('Über Brücken.html')
    expect(safeFileName('a/b\\c:d', 'csv')).toBe('a b c d.csv')
    expect(safeFileName('...', 'markdown')).toBe('Longhand.md')
    expect(safeFileName('x.HTML', 'html')).toBe('x.html')
  })
})

describe('import.create: hostile input never reaches the database', () => {
  it('cleans a hostile document sent straight to the channel (checked in SQLite itself)', async () => {
    const { call, services } = await backend()
    const hostile = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { onclick: 'alert(1)', style: 'x' }, content: [{ type: 'text', text: 'klick', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'script', content: [{ type: 'text', text: 'alert(2)' }] },
        { type: 'image', attrs: { src: 'https://tracker.example/p.gif', alt: 'Tracker', onerror: 'alert(3)' } },
        { type: 'image', attrs: { src: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', alt: 'svg' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'data', marks: [{ type: 'link', attrs: { href: 'data:text/html;base64,PHNjcmlwdD4=' } }] }] },
      ],
    } as EditorDoc
    const { draft } = await call<{ draft: { id: number } }>('import.create', {
      doc: hostile,
      title: '<img src=x onerror=alert(1)>',
      tags: ['ok'],
      status: 'draft',
      language: 'en',
      description: '',
      canonicalUrl: 'javascript:alert(1)',
    })
    const row = services.db
      .prepare('SELECT d.title, d.canonical_url, b.doc FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id WHERE d.id = ?')
      .get(draft.id) as { title: string; canonical_url: string; doc: string }
    expect(row.doc).not.toMatch(/javascript:|onclick|onerror|style|script|data:image\/svg|data:text|tracker\.example\/p\.gif"\s*,\s*"alt/)
    expect(row.canonical_url).toBe('')
    // The title is plain text, shown as text: it is kept as written, never parsed.
    expect(row.title).toBe('<img src=x onerror=alert(1)>')
    expect(JSON.parse(row.doc)).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'klick' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'alert(2)' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Tracker', marks: [{ type: 'link', attrs: { href: 'https://tracker.example/p.gif' } }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'svg' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'data' }] },
      ],
    })
  })
})

describe('import.takeOpened', () => {
  it('reads the files the OS handed over, once, and says why it cannot read others', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'text.md'), '---\ntitle: Aus Datei\n---\n# Hallo')
    writeFileSync(join(dir, 'bild.png'), Buffer.from(PNG_1PX, 'base64'))
    let queue = [join(dir, 'text.md'), join(dir, 'bild.png'), join(dir, 'fehlt.md')]
    const { call } = await backend({
      takeOpenedFiles: () => {
        const taken = queue
        queue = []
        return taken
      },
    })
    const { files } = await call<{ files: { ok: boolean; name: string; bytesBase64?: string; code?: string }[] }>('import.takeOpened')
    expect(files.map((f) => [f.name, f.ok, f.code])).toEqual([
      ['text.md', true, undefined],
      ['bild.png', false, 'unsupported-type'],
      ['fehlt.md', false, 'not-found'],
    ])
    expect(Buffer.from(files[0]!.bytesBase64!, 'base64').toString('utf8')).toContain('title: Aus Datei')
    expect(await call('import.takeOpened')).toEqual({ files: [] })
  })
})

describe('import.choose', () => {
  it('reads what the author picked in the native dialog; cancelled and browser harness say so', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), 'Zeile eins')
    const picked = await backend({ chooseOpenPaths: async () => [join(dir, 'a.txt')] })
    expect(await picked.call('import.choose')).toEqual({ status: 'chosen', files: [{ ok: true, name: 'a.txt', bytesBase64: Buffer.from('Zeile eins').toString('base64') }] })
    expect(await (await backend({ chooseOpenPaths: async () => null })).call('import.choose')).toEqual({ status: 'cancelled' })
    expect(await (await backend()).call('import.choose')).toEqual({ status: 'unavailable' })
  })
})

describe('library backups through the channels (browser harness: the library’s own folder)', () => {
  it('saves, lists and restores by name', async () => {
    const { call, services } = await backend()
    services.drafts.create({ title: 'Gesichert', doc: docFromParagraphs(['Text']) })
    const saved = await call<{ status: string; folder: string }>('libraryBackup.save')
    expect(saved.folder.startsWith(join(services.dataDir, 'library-backups'))).toBe(true)
    const { backups } = await call<{ backups: { name: string; drafts: number }[] }>('libraryBackup.list')
    expect(backups).toEqual([{ name: expect.stringMatching(/^Longhand backup /), drafts: 1, modifiedAt: expect.any(Number) }])
    services.drafts.create({ title: 'Nicht gesichert' })
    expect(await call('libraryBackup.restore', { name: backups[0]!.name })).toMatchObject({ status: 'restored', drafts: 1 })
    expect(services.drafts.list().map((d) => d.title)).toEqual(['Gesichert'])
    expect(await (await backend()).dispatch('libraryBackup.restore', { name: '../etc' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
