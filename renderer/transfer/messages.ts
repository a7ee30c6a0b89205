import type { TFunction } from 'i18next'
import { LonghandError } from '@shared/ipc'
import type { ImportResult } from './importing'

const WRITE_FAILURES = ['read-only', 'disk-full', 'missing-folder', 'name-too-long', 'other'] as const
type WriteFailure = (typeof WRITE_FAILURES)[number]
/** Why a safety copy was refused or discarded (electron/main/services/store/copy-check.ts). */
const COPY_PROBLEMS = ['empty', 'not-a-database', 'damaged', 'not-a-library', 'too-new', 'unreadable', 'unusable-copy'] as const
type CopyProblem = (typeof COPY_PROBLEMS)[number]

/**
 * Why a write failed, in the UI language: main says which kind of failure it was
 * (LonghandError.details[0]); anything else shows the backend's own sentence.
 */
export function failureReason(t: TFunction, error: unknown): string {
  const detail = error instanceof LonghandError ? error.details?.[0] : undefined
  if (detail && (WRITE_FAILURES as readonly string[]).includes(detail)) return t(`transfer.writeFailure.${detail as WriteFailure}`)
  if (detail && (COPY_PROBLEMS as readonly string[]).includes(detail)) return t(`transfer.copyProblem.${detail as CopyProblem}`)
  return error instanceof Error ? error.message : String(error)
}

/** One notice per failed file: which file, why, that nothing came of it, what to do. */
export function importFailureMessage(t: TFunction, result: Extract<ImportResult, { ok: false }>): string {
  const reason = t(`transfer.import.reasons.${result.reason}`, { detail: result.detail })
  return t('transfer.import.failed', { name: result.name, reason })
}
