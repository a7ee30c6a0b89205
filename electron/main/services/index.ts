import { join } from 'node:path'
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
import { Search } from './search'
import { SearchIndex } from './search-index'
import { SettingsStore } from './settings'
import { type Db, type Recovery, openStore } from './store/database'
import { cleanLeftovers } from './store/leftovers'
import { completePendingRestore } from './store/restore-backup'
import { SafetyBackups } from './store/safety-backups'

export interface ServicesOptions {
  /** The folder that holds the library: longhand.sqlite and backups/. */
  dataDir: string
  nativeBinding?: string
  now?: Clock
  appVersion?: string
  /** Which transport serves these services; reported by app.info. */
  shell?: 'electron' | 'web'
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
  close(): void
}

export const DATABASE_FILE = 'longhand.sqlite'

export async function createServices(options: ServicesOptions): Promise<Services> {
  const now = options.now ?? systemClock
  const safetyBackups = new SafetyBackups(join(options.dataDir, 'backups'), 7, now, options.nativeBinding)
  // A restore of a safety backup that a crash interrupted is finished before anything opens.
  completePendingRestore(join(options.dataDir, DATABASE_FILE))
  cleanLeftovers(options.dataDir, DATABASE_FILE)
  const { db, recovery } = await openStore({
    file: join(options.dataDir, DATABASE_FILE),
    backups: safetyBackups,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    now,
  })
  const searchIndex = new SearchIndex(db)
  const revisions = new Revisions(db, now)
  const drafts = new Drafts(db, searchIndex, revisions, now)
  const settings = new SettingsStore(db)

  return {
    dataDir: options.dataDir,
    db,
    drafts,
    search: new Search(db, searchIndex),
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
      })()
    },
    close() {
      if (!db.open) return
      searchIndex.refreshStale()
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}
