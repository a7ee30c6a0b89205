import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { mkdir, open, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { importKindOf, MAX_IMPORT_BYTES } from '@shared/export/import-kind'
import { LonghandError } from '@shared/ipc'

/**
 * Why a write failed, in words the UI can translate (`LonghandError.details[0]`). The English
 * message says the same for logs and tests.
 */
export type WriteFailure = 'read-only' | 'disk-full' | 'missing-folder' | 'name-too-long' | 'other'

export interface FileToWrite {
  /** Absolute path of the file to create or replace. */
  path: string
  data: string | Uint8Array
}

const FAILURES: Record<string, WriteFailure> = {
  EACCES: 'read-only',
  EPERM: 'read-only',
  EROFS: 'read-only',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  ENOENT: 'missing-folder',
  ENOTDIR: 'missing-folder',
  // mkdir of a folder whose name a file already has
  EEXIST: 'missing-folder',
  ENAMETOOLONG: 'name-too-long',
}

function failureOf(error: unknown): WriteFailure {
  const code = (error as NodeJS.ErrnoException)?.code
  return (code && FAILURES[code]) || 'other'
}

export function writeError(folder: string, error: unknown): LonghandError {
  const failure = failureOf(error)
  const code = (error as NodeJS.ErrnoException)?.code ?? 'unknown error'
  const messages: Record<WriteFailure, string> = {
    'read-only': `The folder ${folder} cannot be written to (it is read-only or you lack permission). Nothing was saved there; choose another folder.`,
    'disk-full': `The disk is full. Nothing was saved; free some space or choose another drive.`,
    'missing-folder': `The folder ${folder} does not exist (any more), or a file has its name. Nothing was saved; choose another folder.`,
    'name-too-long': `The file name is too long for this disk. Nothing was saved; choose a shorter name.`,
    other: `The file could not be written (${code}). Nothing was saved; try another folder.`,
  }
  return new LonghandError('storage', messages[failure], [failure])
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path).slice(0, 80)}.${randomBytes(6).toString('hex')}.tmp`)
}

/** Makes a rename durable: the directory entry itself must reach the disk (POSIX only). */
async function syncFolder(folder: string): Promise<void> {
  let handle
  try {
    handle = await open(folder, constants.O_RDONLY)
    await handle.sync()
  } catch {
    // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

async function writeTemp(file: FileToWrite): Promise<string> {
  const temp = tempPathFor(file.path)
  // 'wx': never follow or reuse something that is already there.
  const handle = await open(temp, 'wx', 0o644)
  try {
    await handle.writeFile(file.data)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await handle.close()
  return temp
}

/**
 * Writes a set of files so that each one is either complete or not there at all: every file
 * first goes to a temporary file in its own folder (written and fsynced), and only when all of
 * them are on disk are they renamed into place. If anything fails, the temporary files (and any
 * folder created for them) are removed and a LonghandError('storage') says what happened;
 * files that were already there stay as they were.
 */
export async function writeFilesAtomically(files: readonly FileToWrite[]): Promise<void> {
  if (files.length === 0) return
  const temps: { temp: string; path: string }[] = []
  const createdFolders: string[] = []
  try {
    for (const file of files) {
      const folder = dirname(file.path)
      const created = await mkdir(folder, { recursive: true })
      // mkdir names the topmost folder it made; remember the whole chain down to `folder`.
      for (let dir = folder; created && dir.length >= created.length; dir = dirname(dir)) createdFolders.push(dir)
      temps.push({ temp: await writeTemp(file), path: file.path })
    }
    for (const { temp, path } of temps) await rename(temp, path)
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)))
    // Deepest first; a folder that holds anything else is not empty and stays.
    for (const folder of createdFolders.sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => undefined)
    throw writeError(dirname(files[0]!.path), error)
  }
  for (const folder of new Set(files.map((f) => dirname(f.path)))) await syncFolder(folder)
}

export function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  return writeFilesAtomically([{ path, data }])
}

/** `relativePath` inside `folder`, refusing anything that would land outside it. */
export function pathInside(folder: string, relativePath: string): string {
  const root = resolve(folder)
  const target = resolve(root, relativePath)
  const rel = relative(root, target)
  if (!rel || rel.startsWith('..') || rel.split(sep).includes('..') || resolve(root, rel) !== target) {
    throw new LonghandError('forbidden', `The path ${JSON.stringify(relativePath)} is outside the export folder.`)
  }
  return target
}

export type ImportReadFailure = 'unsupported-type' | 'too-large' | 'not-found' | 'unreadable'

export type ImportRead =
  | { name: string; ok: true; bytes: Uint8Array }
  | { name: string; ok: false; code: ImportReadFailure; message: string }

/**
 * A file the OS asked Longhand to open, read for import: only the kinds the importer takes
 * (.md, .markdown, .html, .htm, .txt), only regular files, at most 20 MB. Never throws:
 * one bad file in a batch must not stop the others.
 */
export async function readImportableFile(path: string, maxBytes = MAX_IMPORT_BYTES): Promise<ImportRead> {
  const name = basename(path)
  if (!importKindOf(name)) {
    return { name, ok: false, code: 'unsupported-type', message: 'Only .md, .markdown, .html, .htm and .txt files can be imported.' }
  }
  try {
    const info = await stat(path)
    if (!info.isFile()) return { name, ok: false, code: 'unreadable', message: 'This is not a file.' }
    if (info.size > maxBytes) {
      return { name, ok: false, code: 'too-large', message: `The file is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${Math.round(maxBytes / 1048576)} MB.` }
    }
    const bytes = await readFile(path)
    // The file may have grown between stat and read.
    if (bytes.byteLength > maxBytes) return { name, ok: false, code: 'too-large', message: `The file is larger than ${Math.round(maxBytes / 1048576)} MB.` }
    return { name, ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { name, ok: false, code: 'not-found', message: 'The file is not there any more.' }
    return { name, ok: false, code: 'unreadable', message: `The file could not be read (${code ?? 'unknown error'}).` }
  }
}

/** Writes one file of a folder being built (relative path, "/" separated). */
export type PutFile = (relativePath: string, data: string | Uint8Array) => Promise<void>

/**
 * Builds a whole folder under a temporary name in `parent`, then renames it to `name` in one
 * step: a backup folder is complete or not there. Every file is fsynced before the rename.
 * On failure the temporary folder is removed and a LonghandError('storage') explains why.
 * Returns the final path (`name`, or `name-2`, `name-3`… when taken).
 */
export async function writeFolderAtomically(parent: string, name: string, build: (put: PutFile) => Promise<void>): Promise<string> {
  const temp = join(parent, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await mkdir(parent, { recursive: true })
    await mkdir(temp)
    const made = new Set<string>()
    await build(async (relativePath, data) => {
      const target = pathInside(temp, relativePath)
      const folder = dirname(target)
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true })
        made.add(folder)
      }
      const handle = await open(target, 'wx', 0o644)
      try {
        await handle.writeFile(data)
        await handle.sync()
      } finally {
        await handle.close()
      }
    })
    for (const folder of made) await syncFolder(folder)
    let final = join(parent, name)
    for (let n = 2; await exists(final); n++) final = join(parent, `${name}-${n}`)
    await rename(temp, final)
    await syncFolder(parent)
    return final
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined)
    if (error instanceof LonghandError) throw error
    throw writeError(parent, error)
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
