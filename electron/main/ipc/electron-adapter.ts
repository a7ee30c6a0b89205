import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, LonghandError } from '@shared/ipc'
import { describeSenderFrame, isTrustedSender } from '../security/sender'
import type { Dispatch } from './dispatch'

/**
 * Electron IPC in front of the dispatcher: one `ipcMain.handle` per contract channel. The
 * sender frame is checked first — only the top frame of our own renderer origin may call in —
 * then the dispatcher validates the payload. The result is always an envelope, never a throw,
 * so the renderer sees typed errors instead of Electron's stringified exceptions.
 */
export function registerIpc(dispatch: Dispatch, trustedOrigin: string): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(describeSenderFrame(event.senderFrame), trustedOrigin)) {
        return { ok: false, error: new LonghandError('forbidden', 'This window may not use Longhand.').toPayload() }
      }
      return dispatch(channel, payload)
    })
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel))
}
