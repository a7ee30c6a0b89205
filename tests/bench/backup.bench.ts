import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, test } from 'vitest'
import { createServices, type Services } from '../../electron/main/services'
import { generatedDoc } from './support/corpus'
import { MIN_SAMPLES, report, timeAsync } from './support/measure'

/**
 * The library as a folder of Markdown (backup) and back (restore into an empty install),
 * beside the SQLite online backup of the same library as the baseline: how much the readable,
 * portable copy costs over a byte copy of the database.
 */
const DRAFTS = 1_000
const WORDS_PER_DRAFT = 800

let dir: string
let services: Services

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'longhand-bench-backup-'))
  services = await createServices({ dataDir: join(dir, 'library') })
  services.db.transaction(() => {
    for (let i = 0; i < DRAFTS; i++) services.drafts.create({ title: `Entwurf ${i + 1}`, tags: ['Blog'], doc: generatedDoc(WORDS_PER_DRAFT, i + 1) })
  })()
  services.drafts.list()
}, 300_000)

afterAll(() => {
  services?.close()
  rmSync(dir, { recursive: true, force: true })
})

test(`library backup and restore, ${DRAFTS} drafts × ${WORDS_PER_DRAFT} words`, async () => {
  const folders = join(dir, 'backups')
  const safetyCopy = await timeAsync(() => services.safetyBackups.create(services.db, 'bench'), MIN_SAMPLES, 1)
  let last = ''
  const backup = await timeAsync(async () => {
    last = (await services.libraryBackup.write(folders)).folder
  }, MIN_SAMPLES, 1)
  const restore = await timeAsync(async (i) => {
    const target = await createServices({ dataDir: join(dir, `restore-${i}`) })
    try {
      await target.libraryBackup.restore(last)
    } finally {
      target.close()
    }
  }, MIN_SAMPLES, 1)
  report(`Library backup (${DRAFTS} drafts)`, [
    { name: 'SQLite online backup (baseline)', sample: safetyCopy },
    { name: 'backup to a folder (Markdown + manifest)', sample: backup, baseline: safetyCopy },
    { name: 'restore into an empty install', sample: restore, baseline: safetyCopy },
  ])
}, 900_000)
