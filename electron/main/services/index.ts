import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Language } from '@shared/domain'
import { welcomeDraft } from '@shared/welcome'
import { type Clock, systemClock } from './clock'
import { Assets } from './assets'
import { Drafts } from './drafts'
import { Imports } from './imports'
import { Journal } from './journal'
import { LibraryBackup } from './library-backup'
import { Posts } from './posts'
import { Revisions } from './revisions'
import { salvageDamagedLibrary } from './salvage'
import { Search } from './search'
import { SearchIndex } from './search-index'
import { SettingsStore } from './settings'
import { type Db, type Recovery, ensureLibraryFolder, failureFor, openStore } from './store/database'
import { loadEngine } from './store/engine'
import { LOCK_FILE, lockLibraryFolder } from './store/folder-lock'
import { classifyOpenFailure } from './store/open-failure'
import { cleanLeftovers } from './store/leftovers'
import { completePendingRestore } from './store/restore-backup'
import { SafetyBackups } from './store/safety-backups'
import { INTEGRITY_WORKER_FILE, IntegrityCheckCancelled, type IntegrityVerdict, checkIntegrity } from './store/integrity-check'
import { bootPhase } from '../boot-trace'

export interface ServicesOptions {
  /** The folder that holds the library: longhand.sqlite and backups/. */
  dataDir: string
  nativeBinding?: string
  now?: Clock
  appVersion?: string
  /** Which transport serves these services; reported by app.info. */
  shell?: 'electron' | 'web'
  /**
   * When the whole-file check (quick_check) runs: 'after-start' (default) leaves it to
   * checkIntegrity(), which the shell calls once the window is up; 'at-open' before trusting the file.
   */
  integrity?: 'at-open' | 'after-start'
  /**
   * Where the built integrity-worker.mjs is (the shells: beside their bundle). Default: the
   * source file beside store/integrity-check.ts, which is what the tests run.
   */
  integrityWorker?: string | URL
  /** Where problems while closing are reported (close() itself never throws). Default: stderr. */
  onCloseProblem?(message: string, error: unknown): void
}

/**
 * Everything the app can do to the library, as plain objects over one SQLite connection
 * (one writer; better-sqlite3 is synchronous, so no transaction ever spans an await).
 * Both transports — Electron IPC and the loopback bridge — call into exactly this.
 */
export interface Services {
  readonly dataDir: string
  readonly db: Db
  readonly drafts: Drafts
  readonly search: Search
  readonly searchIndex: SearchIndex
  readonly revisions: Revisions
  readonly settings: SettingsStore
  readonly assets: Assets
  readonly imports: Imports
  readonly libraryBackup: LibraryBackup
  readonly posts: Posts
  readonly journal: Journal
  readonly safetyBackups: SafetyBackups
  readonly recovery: Recovery | null
  readonly appVersion: string
  readonly shell: 'electron' | 'web'
  ensureWelcome(language: Language): number | null
  /**
   * The whole-file check the open path leaves for after the start (store/integrity-check.ts), on
   * a worker thread with a read-only connection: the services keep answering meanwhile. Damage
   * found leaves a marker, so the next start recovers as the open path does; nothing is written
   * into the library. Other failures (busy, I/O, the worker or engine not loading) reject with a
   * classified LibraryOpenError; `signal` or close() call it off (IntegrityCheckCancelled).
   */
  checkIntegrity(options?: { signal?: AbortSignal; busyTimeoutMs?: number }): Promise<IntegrityVerdict>
  /**
   * Never throws. `reopening`: the folder lock stays held for the next createServices of this
   * folder in this process (LibraryHost closing and reopening around a restore), so no other
   * process can open the library in between.
   */
  close(options?: { reopening?: boolean }): void
}

export const DATABASE_FILE = 'longhand.sqlite'

/**
 * Opens the library in `dataDir`. Fails only with a LibraryOpenError (open-failure.ts): typed,
 * translated, and with nothing moved unless the file was really damaged.
 */
export async function createServices(options: ServicesOptions): Promise<Services> {
  const now = options.now ?? systemClock
  const file = join(options.dataDir, DATABASE_FILE)
  const fail = failureFor(file)
  const safetyBackups = new SafetyBackups(join(options.dataDir, 'backups'), 7, now, options.nativeBinding)
  let engine
  try {
    engine = await loadEngine(options.nativeBinding)
  } catch (error) {
    throw fail(error)
  }
  bootPhase('SQLite engine loaded')
  ensureLibraryFolder(file)
  // One process per library: taken before anything in the folder is touched, held until close().
  let lock
  try {
    lock = lockLibraryFolder(options.dataDir, engine)
  } catch (error) {
    // Named after the file that failed: the library file itself was not touched.
    throw failureFor(join(options.dataDir, LOCK_FILE))(error)
  }
  bootPhase('folder locked')
  let opened
  try {
    // A restore of a safety backup that a crash interrupted is finished before anything opens.
    completePendingRestore(file)
    // Only now, holding the folder lock: what interrupted copies and restores left behind.
    cleanLeftovers(options.dataDir, DATABASE_FILE)
    bootPhase('pending restore, leftovers')
    opened = await openStore({
      file,
      backups: safetyBackups,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      engine,
      now,
      integrity: options.integrity ?? 'after-start',
      salvage: (damaged, into) => salvageDamagedLibrary({ engine, damaged, into, now }),
    })
  } catch (error) {
    lock.release()
    throw fail(error)
  }
  bootPhase('library opened')
  const { db, recovery } = opened
  const folderLock = lock
  const searchIndex = new SearchIndex(db)
  const revisions = new Revisions(db, now)
  const drafts = new Drafts(db, searchIndex, revisions, now)
  const settings = new SettingsStore(db)
  // Checks still running when the library closes: their workers are ended with it.
  const checks = new Set<AbortController>()

  return {
    dataDir: options.dataDir,
    db,
    drafts,
    search: new Search(db, searchIndex, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    searchIndex,
    revisions,
    settings,
    assets: new Assets(db, now),
    imports: new Imports(db, drafts, revisions, new Assets(db, now), now),
    libraryBackup: new LibraryBackup(db, searchIndex, safetyBackups, now),
    posts: new Posts(db, now),
    journal: new Journal(db, drafts, now),
    safetyBackups,
    recovery,
    appVersion: options.appVersion ?? '0.0.0',
    shell: options.shell ?? 'web',
    ensureWelcome(language) {
      if (settings.get().welcomed) return null
      return db.transaction(() => {
        // A library that already has drafts (restored, imported) needs no introduction.
        if (drafts.count() > 0) {
          settings.update({ welcomed: true })
          return null
        }
        const { title, doc } = welcomeDraft(language)
        const created = drafts.create({ title, doc, language, status: 'draft' })
        settings.update({ welcomed: true })
        return created.id
      }).immediate()
    },
    async checkIntegrity(checkOptions = {}) {
      const controller = new AbortController()
      const stop = () => controller.abort()
      checkOptions.signal?.addEventListener('abort', stop, { once: true })
      if (checkOptions.signal?.aborted || !db.open) controller.abort()
      checks.add(controller)
      try {
        return await checkIntegrity({
          file,
          worker: options.integrityWorker ?? join(dirname(fileURLToPath(import.meta.url)), 'store', INTEGRITY_WORKER_FILE),
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
          ...(checkOptions.busyTimeoutMs !== undefined ? { busyTimeoutMs: checkOptions.busyTimeoutMs } : {}),
          now,
          signal: controller.signal,
        })
      } catch (error) {
        if (error instanceof IntegrityCheckCancelled) throw error
        throw fail(error)
      } finally {
        checks.delete(controller)
        checkOptions.signal?.removeEventListener('abort', stop)
      }
    },
    close(closeOptions = {}) {
      // Never throws: whatever fails here (a full disk, a locked file), the connection is closed
      // and the folder released. Everything saved is already on disk; the index and checkpoint
      // only catch up, and do so at the next start.
      const attempt = (step: string, run: () => unknown) => {
        try {
          run()
        } catch (error) {
          const report = options.onCloseProblem ?? ((message, e) => console.error(message, e))
          report(`Longhand: while closing the library, ${step} failed (${classifyOpenFailure(error)}); nothing saved is lost.`, error)
        }
      }
      for (const check of checks) check.abort()
      if (db.open) {
        attempt('updating the search index', () => searchIndex.refreshStale())
        attempt('the WAL checkpoint', () => db.pragma('wal_checkpoint(TRUNCATE)'))
        attempt('closing the database', () => db.close())
      }
      if (closeOptions.reopening) folderLock.handOver()
      else folderLock.release()
    },
  }
}
