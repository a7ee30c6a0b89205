import type { Channel, Result, ValidArgs } from '@shared/ipc'
import type { ExportKind, SafetyBackupStatus } from '@shared/ipc/channels/transfer'
import type { IntegrityStatus } from '@shared/ipc/channels/app'
import type { Services } from '../../services'

export type Handler<C extends Channel> = (args: ValidArgs<C>) => Result<C> | Promise<Result<C>>
/** Handlers for a subset of channels (one domain's file). */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> }
export type Handlers = HandlersFor<Channel>

export interface ShellHooks {
  /** The renderer finished a flush the shell asked for (Electron: before the window closes). */
  flushed?: (requestId: number, saved: boolean) => void
  /** Electron: the native save dialog for an export; null when the author cancels. */
  chooseSavePath?: (request: { defaultName: string; kind: ExportKind }) => Promise<string | null>
  /** Electron: the native folder picker (where a library backup goes, which one to restore). */
  chooseFolder?: (purpose: 'backup' | 'restore') => Promise<string | null>
  /** Electron: files the OS asked Longhand to open that the renderer has not taken yet. */
  takeOpenedFiles?: () => string[]
  /** Electron: the native open dialog for importing (several files); null when cancelled. */
  chooseOpenPaths?: () => Promise<string[] | null>
  /** Both shells (LibraryHost): close the library, put a safety backup in its place, reopen. */
  restoreSafetyBackup?: (name: string) => Promise<{ restoredFrom: string; movedAsideTo: string }>
  /** Both shells (LibraryHost): whether the scheduled safety copies are working. */
  safetyBackupStatus?: () => SafetyBackupStatus
  /** Both shells (LibraryHost): what the check after the start found (app.integrityStatus). */
  integrityStatus?: () => IntegrityStatus
  /** Hands an already validated https address to the system browser (Electron: shell.openExternal). */
  openExternal?: (url: string) => Promise<boolean>
  /** Electron: reveals a file in Finder / Explorer / the file manager (shell.showItemInFolder). */
  showItemInFolder?: (path: string) => void
}

export interface HandlerContext {
  services: Services
  shell: ShellHooks
}
