import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { APP_EVENT_CHANNEL, CHANNELS, type PreloadBridge } from '@shared/ipc'

/**
 * The renderer's whole view of Electron: one named function per contract channel and one
 * event subscription. No ipcRenderer, no generic invoke, no Node.
 */
const invokers = Object.fromEntries(CHANNELS.map((channel) => [channel, (args: unknown) => ipcRenderer.invoke(channel, args)]))

const bridge = {
  ...invokers,
  onEvent(listener: (event: unknown) => void) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(APP_EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(APP_EVENT_CHANNEL, wrapped)
    }
  },
} as PreloadBridge satisfies PreloadBridge

contextBridge.exposeInMainWorld('longhand', bridge)
