import { describe, expect, it } from 'vitest'
import { OPEN_FAILURE_KINDS, STORE_STRINGS, storeLanguage } from '@shared/i18n/store'
import { EngineUnavailableError } from '../../../../../electron/main/services/store/engine'
import { SchemaTooNewError } from '../../../../../electron/main/services/store/migrations'
import {
  EmptyLibraryFileError,
  IntegrityCheckError,
  LibraryOpenError,
  classifyOpenFailure,
  describeOpenFailure,
  openFailure,
} from '../../../../../electron/main/services/store/open-failure'

/** An error shaped like better-sqlite3's SqliteError or Node's system errors. */
function coded(code: string, message = code): Error {
  return Object.assign(new Error(message), { code })
}

describe('classifyOpenFailure', () => {
  it.each([
    // damaged: the only kind that recovers
    [coded('SQLITE_CORRUPT', 'database disk image is malformed'), 'corrupt'],
    [coded('SQLITE_CORRUPT_INDEX'), 'corrupt'],
    [coded('SQLITE_NOTADB', 'file is not a database'), 'corrupt'],
    [new IntegrityCheckError('*** in database main *** Page 3: btreeInitPage() returns error code 11'), 'corrupt'],
    [new EmptyLibraryFileError('/x/longhand.sqlite'), 'corrupt'],
    // another program holds the lock
    [coded('SQLITE_BUSY', 'database is locked'), 'busy'],
    [coded('SQLITE_BUSY_RECOVERY'), 'busy'],
    [coded('SQLITE_BUSY_SNAPSHOT'), 'busy'],
    [coded('SQLITE_LOCKED'), 'busy'],
    // cannot write
    [coded('SQLITE_READONLY', 'attempt to write a readonly database'), 'read-only'],
    [coded('SQLITE_READONLY_DIRECTORY'), 'read-only'],
    [coded('SQLITE_READONLY_CANTINIT'), 'read-only'],
    [coded('SQLITE_PERM'), 'read-only'],
    [coded('EACCES', "EACCES: permission denied, mkdir '/x'"), 'read-only'],
    [coded('EROFS'), 'read-only'],
    [coded('EPERM'), 'read-only'],
    // the engine
    [coded('ERR_DLOPEN_FAILED', '/x/better_sqlite3.node: invalid ELF header'), 'engine-missing'],
    [coded('MODULE_NOT_FOUND', "Cannot find module '/nope/x.node'"), 'engine-missing'],
    [new Error('Could not locate the bindings file. Tried:\n → /app/build/better_sqlite3.node'), 'engine-missing'],
    [
      new Error(
        "The module '/app/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 130.",
      ),
      'engine-missing',
    ],
    [new EngineUnavailableError(new Error('anything')), 'engine-missing'],
    // newer schema
    [new SchemaTooNewError(99, 9), 'schema-too-new'],
    // full disk
    [coded('SQLITE_FULL', 'database or disk is full'), 'disk-full'],
    [coded('ENOSPC'), 'disk-full'],
    [coded('EDQUOT'), 'disk-full'],
    // anything else
    [coded('SQLITE_IOERR_SHORT_READ', 'disk I/O error'), 'io'],
    [coded('SQLITE_CANTOPEN', 'unable to open database file'), 'io'],
    [coded('EIO'), 'io'],
    [new Error('something nobody expected'), 'io'],
    ['a thrown string', 'io'],
  ] as const)('%s → %s', (error, kind) => {
    expect(classifyOpenFailure(error)).toBe(kind)
  })

  it('tells why SQLite could not open a file from the folder check: read-only, full, or plain I/O', () => {
    const cantOpen = coded('SQLITE_CANTOPEN', 'unable to open database file')
    expect(classifyOpenFailure(cantOpen, { folderNotWritable: 'EROFS' })).toBe('read-only')
    expect(classifyOpenFailure(cantOpen, { folderNotWritable: 'EACCES' })).toBe('read-only')
    expect(classifyOpenFailure(cantOpen, { folderNotWritable: 'ENOSPC' })).toBe('disk-full')
    expect(classifyOpenFailure(cantOpen, { folderNotWritable: null })).toBe('io')
    // mkdir -p on a read-only disk says ENOENT; the nearest existing folder says why.
    expect(classifyOpenFailure(coded('ENOENT'), { folderNotWritable: 'EROFS' })).toBe('read-only')
    // A damaged file stays damaged on a read-only disk (recovery then fails to move it: read-only).
    expect(classifyOpenFailure(coded('SQLITE_NOTADB'), { folderNotWritable: 'EROFS' })).toBe('corrupt')
  })

  it('keeps the kind of an error that is already classified', () => {
    const inUse = new LibraryOpenError('in-use', { file: '/x/longhand.lock', folder: '/x', pid: 42 })
    expect(classifyOpenFailure(inUse)).toBe('in-use')
    expect(openFailure(inUse, { file: '/y', folder: '/y' })).toBe(inUse)
  })
})

describe('LibraryOpenError', () => {
  const values = { file: '/data/longhand.sqlite', folder: '/data' }

  it('is a typed storage error whose first detail is the kind, for the renderer to translate', () => {
    const error = openFailure(coded('SQLITE_BUSY', 'database is locked'), values)
    expect(error).toBeInstanceOf(LibraryOpenError)
    expect(error.toPayload()).toEqual({ code: 'storage', message: error.message, details: ['busy'] })
  })

  it('says in every kind and language that nothing was moved (or deleted), naming the paths', () => {
    for (const kind of OPEN_FAILURE_KINDS) {
      const error = new LibraryOpenError(kind, { ...values, kept: '/data/longhand.sqlite.unreadable-x', pid: 4711 }, new SchemaTooNewError(12, 9))
      expect(error.message, kind).toMatch(/Nothing was (moved|deleted)/)
      expect(error.message, kind).not.toMatch(/\{\{/)
      const de = error.messageIn('de')
      expect(de.title).toBe(STORE_STRINGS.de.openFailed.title)
      expect(de.message, kind).toMatch(/Nichts wurde (verschoben|gelöscht)/)
      expect(de.message, kind).not.toMatch(/\{\{/)
    }
    expect(new LibraryOpenError('in-use', { ...values, pid: 4711 }).message).toContain('Longhand is already open with this library (process 4711)')
    expect(new LibraryOpenError('in-use', { ...values, pid: 4711 }).messageIn('de').message).toContain('(Prozess 4711)')
    expect(new LibraryOpenError('read-only', values).message).toContain('/data')
    expect(new LibraryOpenError('schema-too-new', values, new SchemaTooNewError(12, 9)).message).toContain('schema 12')
    expect(openFailure(coded('SQLITE_IOERR_READ', 'disk I/O error'), values).message).toContain('(SQLITE_IOERR_READ: disk I/O error)')
    const engine = openFailure(new EngineUnavailableError(coded('ERR_DLOPEN_FAILED', '/app/better_sqlite3.node: invalid ELF header\nmore')), values)
    expect(engine.message).toContain('(ERR_DLOPEN_FAILED: /app/better_sqlite3.node: invalid ELF header)')
  })
})

describe('what the shells show', () => {
  it('speaks the OS language: German for de-*, English otherwise', () => {
    expect(storeLanguage('de-AT')).toBe('de')
    expect(storeLanguage('de_DE.UTF-8')).toBe('de')
    expect(storeLanguage('en-US')).toBe('en')
    expect(storeLanguage('fr')).toBe('en')
    expect(storeLanguage(undefined)).toBe('en')
    expect(storeLanguage('dev')).toBe('en')
  })

  it('gives a translated title and message for a classified failure, and the raw message otherwise', () => {
    const busy = new LibraryOpenError('busy', { file: '/d/longhand.sqlite', folder: '/d' })
    expect(describeOpenFailure(busy, 'de')).toEqual({
      title: 'Longhand kann deine Bibliothek nicht öffnen',
      message: expect.stringContaining('Ein anderes Programm benutzt die Bibliotheksdatei /d/longhand.sqlite'),
    })
    expect(describeOpenFailure(new Error('boom'), 'en')).toEqual({ title: 'Longhand cannot open your library', message: 'boom' })
  })
})
