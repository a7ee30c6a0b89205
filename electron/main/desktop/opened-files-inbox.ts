import { APP_EVENT_CHANNEL, type AppEvent } from '@shared/ipc'
import type { ShellHooks } from '../ipc/handlers'
import type { OpenedFiles } from './opened-files'

/** The part of Electron's WebContents this needs (kept structural so it is testable without Electron). */
export interface EventTarget {
  isDestroyed(): boolean
  send(channel: string, event: AppEvent): void
}

/**
 * Files the OS opened with Longhand wait in an inbox until the renderer takes them
 * (`import.takeOpened`): it asks once when it starts — a file that came with the launch is
 * never lost to a renderer that was not listening yet — and again on each `open-files` event.
 */
export function openedFilesInbox(files: OpenedFiles, contents: () => EventTarget | null): Pick<ShellHooks, 'takeOpenedFiles'> {
  const inbox: string[] = []
  files.deliverTo((paths) => {
    for (const path of paths) if (!inbox.includes(path)) inbox.push(path)
    const target = contents()
    if (target && !target.isDestroyed()) target.send(APP_EVENT_CHANNEL, { type: 'open-files', paths })
  })
  return { takeOpenedFiles: () => inbox.splice(0) }
}
