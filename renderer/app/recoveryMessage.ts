import type { TFunction } from 'i18next'
import type { Language } from '@shared/domain'
import type { RecoveryNotice } from '@shared/ipc/channels/app'
import { formatDateTime } from '../library/lastEdited'

/**
 * The recovery notice's sentence: what happened to the library file and, after a salvage, what
 * came back from it and what could not (named, so the author knows which drafts to look for in
 * the old file).
 */
export function recoveryMessage(recovery: Omit<RecoveryNotice, 'canShowFile'>, t: TFunction, language: Language): string {
  const when = recovery.restoredFrom === null ? '' : formatDateTime(recovery.restoredFromTakenAt ?? recovery.at, language)
  const plain = () => {
    if (recovery.restoredFrom === null) return t(recovery.reason === 'empty' ? 'store.recovery.emptyNoCopy' : 'store.recovery.damagedNoCopy')
    return t(recovery.reason === 'empty' ? 'store.recovery.empty' : 'store.recovery.damaged', { when })
  }
  const salvage = recovery.salvage
  // An empty file holds nothing to carry over: its notice says all there is.
  if (!salvage || recovery.reason === 'empty') return plain()
  if (salvage.outcome === 'unreadable') return `${plain()} ${t('store.recovery.salvage.unreadable')}`
  if (salvage.outcome === 'write-failed') return `${plain()} ${t('store.recovery.salvage.writeFailed')}`

  const copy = recovery.restoredFrom !== null
  const sentences: string[] = [copy ? t('store.recovery.damagedSalvaged', { when }) : t('store.recovery.damagedNoCopySalvaged')]
  if (salvage.broughtBack > 0) sentences.push(t(copy ? 'store.recovery.salvage.broughtBack' : 'store.recovery.salvage.readAll', { count: salvage.broughtBack }))
  else sentences.push(t(copy ? 'store.recovery.salvage.noneNewer' : 'store.recovery.salvage.noneRead'))
  if (salvage.deletedAgain > 0) sentences.push(t('store.recovery.salvage.deletedAgain', { count: salvage.deletedAgain }))
  if (salvage.notRead.length > 0) {
    const titles = salvage.notRead
      .map((draft) => (draft.title?.trim() ? t('store.recovery.salvage.quoted', { title: draft.title.trim() }) : t('store.recovery.salvage.untitled')))
      .join(', ')
    sentences.push(t('store.recovery.salvage.notRead', { count: salvage.notRead.length, titles }))
  }
  if (salvage.notReadButInCopy > 0) sentences.push(t('store.recovery.salvage.notReadButInCopy', { count: salvage.notReadButInCopy }))
  if (salvage.imagesMissing > 0) sentences.push(t('store.recovery.salvage.imagesMissing', { count: salvage.imagesMissing }))
  if (salvage.listIncomplete) sentences.push(t('store.recovery.salvage.listIncomplete'))
  if (salvage.postsAndNotesBroughtBack > 0) sentences.push(t('store.recovery.salvage.postsAndNotesBroughtBack', { count: salvage.postsAndNotesBroughtBack }))
  if (salvage.postsAndNotesLeft > 0) sentences.push(t('store.recovery.salvage.postsAndNotesLeft', { count: salvage.postsAndNotesLeft }))
  return sentences.join(' ')
}
