import { basename, dirname, extname, join } from 'node:path'
import type { ExportKind, transferChannels } from '@shared/ipc/channels/transfer'
import { LonghandError } from '@shared/ipc'
import { pathInside, readImportableFile, writeFilesAtomically, type FileToWrite } from '../../services/files'
import type { HandlerContext, HandlersFor } from './types'

export const EXTENSIONS: Record<ExportKind, string> = { html: '.html', markdown: '.md', csv: '.csv' }

/** Where library backups go when no folder dialog exists (the browser harness). */
export const LIBRARY_BACKUP_FOLDER = 'library-backups'

/** A suggested file name, never a path: separators, control characters and reserved characters go. */
export function safeFileName(suggested: string, kind: ExportKind): string {
  const extension = EXTENSIONS[kind]
  const withoutExtension = suggested.toLowerCase().endsWith(extension) ? suggested.slice(0, -extension.length) : suggested
  const stem = withoutExtension
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    // No hidden file, and nothing Windows would silently cut off at the end.
    .replace(/^[.\s]+/, '')
    .slice(0, 120)
    .replace(/[.\s]+$/, '')
  return `${stem || 'Longhand'}${extension}`
}

/** Files read in main for the renderer to convert; each one's failure is its own. */
async function readForImport(paths: readonly string[]) {
  const files = []
  for (const path of paths.slice(0, MAX_IMPORT_FILES)) {
    const read = await readImportableFile(path)
    files.push(read.ok ? { ok: true as const, name: read.name, bytesBase64: Buffer.from(read.bytes).toString('base64') } : read)
  }
  return files
}

/** At most this many files per import; a folder's worth of notes, not a disk. */
export const MAX_IMPORT_FILES = 100

export function transferHandlers({ services, shell }: HandlerContext): HandlersFor<keyof typeof transferChannels> {
  const defaultBackupFolder = () => join(services.dataDir, LIBRARY_BACKUP_FOLDER)
  return {
    'export.save': async ({ kind, suggestedName, files }) => {
      if (!shell.chooseSavePath) return { status: 'unavailable' as const }
      let target = await shell.chooseSavePath({ defaultName: safeFileName(suggestedName, kind), kind })
      if (target === null) return { status: 'cancelled' as const }
      // The dialog may return a name without the extension (Linux file choosers do).
      if (extname(target).toLowerCase() !== EXTENSIONS[kind] && !(kind === 'markdown' && extname(target).toLowerCase() === '.markdown')) {
        target += EXTENSIONS[kind]
      }
      const folder = dirname(target)
      const writes: FileToWrite[] = files.map((file) =>
        file.role === 'document'
          ? { path: target!, data: file.text }
          : { path: pathInside(folder, file.path), data: Buffer.from(file.dataBase64, 'base64') },
      )
      // Images first in the list is not needed: all files land together or not at all.
      await writeFilesAtomically(writes)
      return { status: 'saved' as const, path: target, files: writes.length }
    },
    'import.create': (input) => services.imports.create(input),
    'import.takeOpened': async () => ({ files: await readForImport(shell.takeOpenedFiles?.() ?? []) }),
    'import.choose': async () => {
      if (!shell.chooseOpenPaths) return { status: 'unavailable' as const }
      const paths = await shell.chooseOpenPaths()
      if (paths === null || paths.length === 0) return { status: 'cancelled' as const }
      return { status: 'chosen' as const, files: await readForImport(paths) }
    },
    'libraryBackup.save': async () => {
      const parent = shell.chooseFolder ? await shell.chooseFolder('backup') : defaultBackupFolder()
      if (parent === null) return { status: 'cancelled' as const }
      const { folder, drafts } = await services.libraryBackup.write(parent)
      return { status: 'saved' as const, folder, drafts }
    },
    'libraryBackup.list': () => ({
      folder: defaultBackupFolder(),
      backups: services.libraryBackup.list(defaultBackupFolder()).map(({ name, drafts, modifiedAt }) => ({ name, drafts, modifiedAt })),
    }),
    'libraryBackup.restore': async ({ name }) => {
      let folder: string | null
      if (name !== undefined) {
        const found = services.libraryBackup.list(defaultBackupFolder()).find((b) => b.name === name && basename(b.path) === name)
        if (!found) throw new LonghandError('not-found', `There is no library backup called ${name}.`)
        folder = found.path
      } else if (shell.chooseFolder) {
        folder = await shell.chooseFolder('restore')
      } else {
        throw new LonghandError('invalid-args', 'Name the backup to restore: this window cannot show a folder picker.')
      }
      if (folder === null) return { status: 'cancelled' as const }
      return { status: 'restored' as const, ...(await services.libraryBackup.restore(folder)) }
    },
    'safetyBackups.list': () => services.safetyBackups.list().map(({ name, reason, createdAt, bytes }) => ({ name, reason, createdAt, bytes })),
    'safetyBackups.create': async () => {
      const { name, reason, createdAt, bytes } = await services.safetyBackups.create(services.db, 'manual')
      return { name, reason, createdAt, bytes }
    },
    // Without a schedule (no LibraryHost) nothing scheduled can have failed.
    'safetyBackups.status': () => shell.safetyBackupStatus?.() ?? { lastFailure: null, newestAt: services.safetyBackups.newest()?.createdAt ?? null },
    'safetyBackups.restore': async ({ name }) => {
      if (!shell.restoreSafetyBackup) return { status: 'unavailable' as const }
      return { status: 'restored' as const, ...(await shell.restoreSafetyBackup(name)) }
    },
  }
}
