import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { EditorDoc } from '@shared/domain'
import type { Services } from './services'

/**
 * `Longhand --self-test`: proves a packaged app can do its one essential job — open a library,
 * save a draft and read it back — with the SQLite engine, migrations and FTS5 it actually ships.
 * The release workflow launches every packaged app with it before publishing. Runs on a fresh
 * library in a temporary folder (never the author's), which is removed afterwards.
 * Pure of Electron: the shell passes its createServices and a temporary folder.
 */
export const SELF_TEST_FLAG = '--self-test'

export function isSelfTestRun(argv: readonly string[]): boolean {
  return argv.includes(SELF_TEST_FLAG)
}

type SelfTestServices = Pick<Services, 'drafts' | 'search' | 'checkIntegrity' | 'close'>

export interface SelfTestOptions {
  /** Opens a library in the given folder: the shell's own createServices with its native binding. */
  open(dataDir: string): Promise<SelfTestServices>
  /** Where the temporary library folder is made (the OS temp folder). */
  tempRoot: string
}

export type SelfTestResult = { ok: true; steps: string[] } | { ok: false; steps: string[]; error: string }

const WORD = 'selbsttestwort'

function sampleDoc(): EditorDoc {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Self-test' }] },
      { type: 'paragraph', content: [{ type: 'text', text: `Grüße, ${WORD} — “quotes” and emoji 🖋️.` }] },
    ],
  }
}

export async function runSelfTest(options: SelfTestOptions): Promise<SelfTestResult> {
  const steps: string[] = []
  let dir: string | null = null
  let services: SelfTestServices | null = null
  try {
    dir = await mkdtemp(join(options.tempRoot, 'longhand-self-test-'))
    const dataDir = join(dir, 'longhand-data')
    services = await options.open(dataDir)
    steps.push('opened a new library')
    const draft = services.drafts.create({ title: 'Longhand self-test' })
    const doc = sampleDoc()
    services.drafts.saveContent(draft.id, doc)
    steps.push('created a draft and saved its text')
    expectSameDoc(services.drafts.get(draft.id).doc, doc, 'read back')
    const hits = services.search.query(WORD)
    if (!hits.some((hit) => hit.id === draft.id)) throw new Error(`full-text search did not find the saved word (hits: ${JSON.stringify(hits.map((h) => h.id))})`)
    steps.push('read it back and found it with full-text search')
    // The check after the start runs on a worker thread, loaded from inside the package
    // (out/main/integrity-worker.mjs with the packaged native module): it must load there too.
    const verdict = await services.checkIntegrity()
    if (!verdict.ok) throw new Error(`the integrity check on its worker found the new library damaged: ${verdict.detail}`)
    steps.push('the integrity check ran on its worker thread')
    services.close()
    services = null
    services = await options.open(dataDir)
    expectSameDoc(services.drafts.get(draft.id).doc, doc, 'read back after reopening')
    services.close()
    services = null
    steps.push('closed, reopened and read it back again')
    return { ok: true, steps }
  } catch (error) {
    return { ok: false, steps, error: error instanceof Error ? error.message : String(error) }
  } finally {
    try {
      services?.close()
    } catch {
      // already failing: the first error is the one to report
    }
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 3 })
  }
}

function expectSameDoc(actual: unknown, expected: EditorDoc, when: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`the draft ${when} differs from what was saved: ${JSON.stringify(actual)}`)
  }
}

/** One line for stdout (passed) or stderr (failed). */
export function describeSelfTest(result: SelfTestResult): string {
  if (result.ok) return `Longhand self-test passed: ${result.steps.join('; ')}.`
  return `Longhand self-test FAILED after ${result.steps.length ? result.steps.join('; ') : 'no step'}: ${result.error}`
}
