import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LonghandError } from '@shared/ipc'
import { pathInside, readImportableFile, writeFileAtomically, writeFilesAtomically } from '../../../../electron/main/services/files'
import { canMount, mountTmpfs, remount } from '../../support/mounts'
import { tempDir } from '../../support/temp-library'

async function failure(promise: Promise<unknown>): Promise<LonghandError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(LonghandError)
  return error as LonghandError
}

describe('writeFilesAtomically', () => {
  it('writes new files and replaces existing ones, leaving no temporary file behind', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.md'), 'old')
    await writeFilesAtomically([
      { path: join(dir, 'a.md'), data: 'neu: Grüße' },
      { path: join(dir, 'images', 'b.png'), data: new Uint8Array([1, 2, 3]) },
    ])
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('neu: Grüße')
    expect([...readFileSync(join(dir, 'images', 'b.png'))]).toEqual([1, 2, 3])
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'images'])
  })

  // Needs a real full disk: a tmpfs, which only root on Linux may mount.
  it.skipIf(!canMount)('fails on a full disk with a clear error, keeps the old file and leaves no half file', async () => {
    const disk = mountTmpfs('size=64k')
    writeFileSync(join(disk, 'draft.html'), 'the old export')
    const error = await failure(
      writeFilesAtomically([
        { path: join(disk, 'images', 'small.png'), data: 'x'.repeat(1000) },
        { path: join(disk, 'draft.html'), data: 'y'.repeat(200_000) },
      ]),
    )
    expect(error.code).toBe('storage')
    expect(error.details).toEqual(['disk-full'])
    expect(error.message).toMatch(/disk is full.*Nothing was saved/)
    expect(readFileSync(join(disk, 'draft.html'), 'utf8')).toBe('the old export')
    // The images folder this write created is gone again, and so is every temporary file.
    expect(readdirSync(disk)).toEqual(['draft.html'])
  })

  // Needs a read-only mount, which only root on Linux may make; the chmod test below covers everyone else.
  it.skipIf(!canMount)('fails on a read-only file system (even for root) and writes nothing', async () => {
    const disk = mountTmpfs('size=64k')
    remount(disk, 'ro')
    const error = await failure(writeFileAtomically(join(disk, 'draft.md'), 'text'))
    expect(error.details).toEqual(['read-only'])
    expect(error.message).toContain(disk)
    expect(readdirSync(disk)).toEqual([])
  })

  // Root writes through any permission bits; as root the read-only mount above tests this instead.
  it.skipIf(process.getuid?.() === 0)('fails in a folder without write permission (chmod) and writes nothing', async () => {
    const dir = tempDir()
    chmodSync(dir, 0o555)
    try {
      const error = await failure(writeFileAtomically(join(dir, 'draft.md'), 'text'))
      expect(error.details).toEqual(['read-only'])
      expect(readdirSync(dir)).toEqual([])
    } finally {
      chmodSync(dir, 0o755)
    }
  })

  it('fails when the folder is really a file, or the name is too long', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'not-a-folder'), 'x')
    expect((await failure(writeFileAtomically(join(dir, 'not-a-folder', 'a.md'), 'x'))).details).toEqual(['missing-folder'])
    expect((await failure(writeFileAtomically(join(dir, `${'ü'.repeat(200)}.md`), 'x'))).details).toEqual(['name-too-long'])
    expect(readdirSync(dir)).toEqual(['not-a-folder'])
  })

  it('cleans up when the final rename fails (the target is a folder): no temp file, nothing replaced', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'taken.md'))
    writeFileSync(join(dir, 'taken.md', 'inside'), 'keep')
    await failure(writeFilesAtomically([{ path: join(dir, 'other.md'), data: 'a' }, { path: join(dir, 'taken.md'), data: 'b' }]))
    // other.md was renamed before taken.md failed: each file is whole or absent, never half.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(readFileSync(join(dir, 'taken.md', 'inside'), 'utf8')).toBe('keep')
  })
})

describe('pathInside', () => {
  it('resolves relative paths inside the folder and refuses escapes', () => {
    const dir = tempDir()
    expect(pathInside(dir, 'images/a.png')).toBe(join(dir, 'images', 'a.png'))
    for (const bad of ['../x', 'images/../../x', '/etc/passwd', '', '.']) expect(() => pathInside(dir, bad)).toThrow(LonghandError)
  })
})

describe('readImportableFile', () => {
  it('reads the kinds the importer takes and says why it refuses others', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'ok.md'), '# Hallo')
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2000))
    writeFileSync(join(dir, 'photo.jpg'), 'x')
    mkdirSync(join(dir, 'folder.md'))
    const ok = await readImportableFile(join(dir, 'ok.md'))
    expect(ok).toMatchObject({ name: 'ok.md', ok: true })
    expect(ok.ok && new TextDecoder().decode(ok.bytes)).toBe('# Hallo')
    expect(await readImportableFile(join(dir, 'big.txt'), 1000)).toMatchObject({ ok: false, code: 'too-large' })
    expect(await readImportableFile(join(dir, 'photo.jpg'))).toMatchObject({ ok: false, code: 'unsupported-type' })
    expect(await readImportableFile(join(dir, 'folder.md'))).toMatchObject({ ok: false, code: 'unreadable' })
    expect(await readImportableFile(join(dir, 'gone.md'))).toMatchObject({ ok: false, code: 'not-found' })
    expect(existsSync(join(dir, 'gone.md'))).toBe(false)
  })
})
