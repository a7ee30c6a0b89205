import type { WebPreferences } from 'electron'

/**
 * The webPreferences of every window Longhand opens, straight from Electron's security
 * checklist: isolated, sandboxed, no Node, web security on, no <webview>, no experimental or
 * Blink features, no insecure content, no navigation by dropping a file on the window.
 */
export function secureWebPreferences(options: { preload?: string; javascript?: boolean } = {}): WebPreferences {
  return {
    ...(options.preload ? { preload: options.preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Middle-click would open links in new windows; setWindowOpenHandler denies them anyway.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Off: Longhand proofreads in its own worker. Chromium's spellchecker would download
    // dictionaries on Linux (a request leaving the machine) and mark words a second time.
    spellcheck: false,
    javascript: options.javascript ?? true,
  }
}
