import type Database from 'better-sqlite3'

/**
 * Numbered SQL files, applied in order, each in its own transaction together with the
 * `PRAGMA user_version` bump, so a crash mid-migration leaves the previous version intact.
 */
const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true })

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{4})_([a-z0-9_]+)\.sql$/.exec(path)
    if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${path}`)
    return { version: Number(match[1]), name: match[2]!, sql }
  })
  .sort((a, b) => a.version - b.version)

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}`)
})

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This library was written by a newer version of Longhand (schema ${found}); this version understands up to schema ${supported}. ` +
        'Nothing was changed. Please update Longhand to open it.',
    )
    this.name = 'SchemaTooNewError'
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Applies pending migrations up to `target` (default: all). Returns the versions applied. */
export function migrate(db: Database.Database, target = LATEST_SCHEMA_VERSION): number[] {
  const current = schemaVersion(db)
  if (current > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(current, LATEST_SCHEMA_VERSION)
  const applied: number[] = []
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    })()
    applied.push(migration.version)
  }
  return applied
}
