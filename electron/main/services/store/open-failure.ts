import { LonghandError } from '@shared/ipc'
import { type OpenFailureKind, type StoreLanguage, STORE_STRINGS, openFailureText } from '@shared/i18n/store'
import { EngineUnavailableError } from './engine'
import { SchemaTooNewError } from './migrations'

export type { OpenFailureKind } from '@shared/i18n/store'

/**
 * Why opening the library failed, decided before anything is done about it. Only `corrupt`
 * may lead to moving the file aside and restoring a safety copy; every other kind leaves the
 * library exactly where and what it was, because the file itself is fine:
 *  - busy: another program holds SQLite's lock on the file
 *  - in-use: another Longhand process has this library folder open (folder-lock.ts)
 *  - read-only: the folder or file cannot be written (permissions, read-only disk)
 *  - engine-missing: better-sqlite3's native module does not load (wrong build, missing file)
 *  - schema-too-new: written by a newer Longhand
 *  - disk-full: no space for the journal, the WAL or a migration
 *  - io: any other read/write error (a failing disk, a network share gone away)
 */

/** What the open path found out about the folder when something failed (gathered, not guessed). */
export interface OpenFailureFacts {
  /** The errno code of a failed write-access check on the library folder, if it failed. */
  folderNotWritable?: string | null
}

/** A library file that exists but holds zero bytes: treated as damaged (see openStore). */
export class EmptyLibraryFileError extends Error {
  constructor(readonly file: string) {
    super(`The library file ${file} is empty (0 bytes).`)
    this.name = 'EmptyLibraryFileError'
  }
}

/** quick_check did not answer "ok". */
export class IntegrityCheckError extends Error {
  constructor(readonly result: string) {
    super(`quick_check failed: ${result}`)
    this.name = 'IntegrityCheckError'
  }
}

const PERMISSION_ERRNOS = new Set(['EACCES', 'EPERM', 'EROFS'])
const FULL_ERRNOS = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])

const ENGINE_SIGNS = [
  /Could not locate the bindings file/i,
  /NODE_MODULE_VERSION/,
  /was compiled against a different Node\.js version/i,
  /better_sqlite3(\.node)?/i,
  /invalid ELF header|file too short|not a valid Win32 application|wrong ELF class|mach-o/i,
]

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Pure: which kind of failure an error from opening the library is. */
export function classifyOpenFailure(error: unknown, facts: OpenFailureFacts = {}): OpenFailureKind {
  if (error instanceof LibraryOpenError) return error.kind
  if (error instanceof EngineUnavailableError) return 'engine-missing'
  if (error instanceof SchemaTooNewError) return 'schema-too-new'
  if (error instanceof EmptyLibraryFileError || error instanceof IntegrityCheckError) return 'corrupt'
  const code = codeOf(error)
  const message = messageOf(error)

  // The engine: a native module that cannot be found or loaded (dlopen, ABI mismatch).
  // The only module the open path loads is the engine.
  if (code === 'ERR_DLOPEN_FAILED' || code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') return 'engine-missing'
  if (!code.startsWith('SQLITE') && ENGINE_SIGNS.some((sign) => sign.test(message))) return 'engine-missing'

  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy'
  if (code === 'SQLITE_FULL' || FULL_ERRNOS.has(code)) return 'disk-full'
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || PERMISSION_ERRNOS.has(code)) return 'read-only'
  // SQLite says only "unable to open" (CANTOPEN) or "disk I/O error" (IOERR); the folder check tells why.
  if (facts.folderNotWritable && PERMISSION_ERRNOS.has(facts.folderNotWritable)) return 'read-only'
  if (facts.folderNotWritable && FULL_ERRNOS.has(facts.folderNotWritable)) return 'disk-full'
  return 'io'
}

export interface OpenFailureValues {
  file: string
  folder: string
  /** Where a damaged file was kept (corrupt only). */
  kept?: string
  /** The other Longhand process (in-use only). */
  pid?: number | null
}

/**
 * The typed error every failed opening ends in. `kind` is also `details[0]`, so across IPC the
 * renderer can translate it (ui strings `store.openFailed.<kind>`); `message` is the English
 * sentence for logs and stderr, and `messageIn` gives the shells the translated one.
 */
export class LibraryOpenError extends LonghandError {
  readonly kind: OpenFailureKind
  private readonly values: Record<string, string | number>

  constructor(kind: OpenFailureKind, values: OpenFailureValues, readonly reason?: unknown) {
    const filled = LibraryOpenError.fill(kind, values, reason)
    super('storage', openFailureText(kind, 'en', filled).message, [kind])
    this.kind = kind
    this.values = filled
  }

  messageIn(language: StoreLanguage): { title: string; message: string } {
    return openFailureText(this.kind, language, this.values)
  }

  private static fill(kind: OpenFailureKind, values: OpenFailureValues, reason: unknown): Record<string, string | number> {
    const filled: Record<string, string | number> = {
      file: values.file,
      folder: values.folder,
      kept: values.kept ?? values.file,
      pid: values.pid ?? '?',
      reason: reason === undefined ? 'unknown error' : shortReason(reason),
    }
    if (kind === 'schema-too-new' && reason instanceof SchemaTooNewError) {
      filled.found = reason.found
      filled.supported = reason.supported
    }
    return filled
  }
}

/** The first line of an error, with its code: enough to search for, short enough for a dialog. */
function shortReason(reason: unknown): string {
  const error = reason instanceof EngineUnavailableError ? reason.cause : reason
  const code = codeOf(error)
  const first = messageOf(error).split('\n')[0]!.slice(0, 300)
  return code && !first.includes(code) ? `${code}: ${first}` : first
}

/** Classifies `error` and wraps it; an error that already is a LibraryOpenError stays as it is. */
export function openFailure(error: unknown, values: OpenFailureValues, facts: OpenFailureFacts = {}): LibraryOpenError {
  if (error instanceof LibraryOpenError) return error
  return new LibraryOpenError(classifyOpenFailure(error, facts), values, error)
}

/**
 * What a shell shows when the library did not open (Electron: an error dialog; the bridge:
 * stderr), in the author's language. Anything unclassified still gets the translated title.
 */
export function describeOpenFailure(error: unknown, language: StoreLanguage): { title: string; message: string } {
  if (error instanceof LibraryOpenError) return error.messageIn(language)
  return { title: STORE_STRINGS[language].openFailed.title, message: error instanceof Error ? error.message : String(error) }
}
