import type { DraftId, JournalHit, JournalNote } from '@shared/domain'

/** Which notes a journal list shows. */
export type JournalScope = { kind: 'draft'; draftId: DraftId } | { kind: 'post'; draftId: DraftId; postId: number } | { kind: 'all' }

/** Notes in the scope. The backend answers per draft or for the library; a post's are filtered here. */
export function inScope<T extends JournalNote>(notes: readonly T[], scope: JournalScope): T[] {
  switch (scope.kind) {
    case 'all':
      return [...notes]
    case 'draft':
      return notes.filter((n) => n.draftId === scope.draftId)
    case 'post':
      return notes.filter((n) => n.postId === scope.postId)
  }
}

/** Search results carry a snippet; plain lists show the note's text. */
export function isHit(note: JournalNote | JournalHit): note is JournalHit {
  return 'snippet' in note
}

/** A stable key for a scope, so a hook reloads when (and only when) it changes. */
export function scopeKey(scope: JournalScope): string {
  return scope.kind === 'all' ? 'all' : scope.kind === 'draft' ? `d${scope.draftId}` : `p${scope.postId}`
}
