import type { WebFrameMain } from 'electron'
import { originOf } from './origin'

/** What the IPC layer knows about the frame that sent a message. */
export interface SenderFrame {
  readonly url: string
  /** True only for the window's top-level frame; iframes never talk to the backend. */
  readonly isMainFrame: boolean
}

/**
 * Every IPC message is checked against this before it reaches the dispatcher: it must come from
 * the top frame of a document whose origin is exactly the renderer's (app://longhand in a
 * packaged app, the loopback dev server in development).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigin: string): boolean {
  if (!frame || !frame.isMainFrame || typeof frame.url !== 'string') return false
  const origin = originOf(frame.url)
  return origin !== null && origin === trustedOrigin.toLowerCase()
}

/**
 * Adapts Electron's `event.senderFrame` (null once the frame navigated away or was destroyed)
 * to the plain shape isTrustedSender checks.
 */
export function describeSenderFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): SenderFrame | null {
  if (!frame) return null
  return { url: frame.url, isMainFrame: frame.parent === null }
}
