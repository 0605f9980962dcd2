import { contextBridge, ipcRenderer } from 'electron'
import { buildDeskBridge, type DeskBridge, type DeskResult } from '../shared/ipc/desk-api'
import { buildDeskEvents } from '../shared/ipc/desk-events'

// The renderer gets narrow functions built from the channel map, never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'desk',
  buildDeskBridge((channel, input) => ipcRenderer.invoke(channel, input) as Promise<DeskResult<unknown>>)
)

// Main's events, listened to from here on, so that one sent while the page still loads is kept; listeners never see the IPC event.
contextBridge.exposeInMainWorld(
  'deskEvents',
  buildDeskEvents((channel, handler) => ipcRenderer.on(channel, (_event, payload: unknown) => handler(payload)))
)

export type { DeskBridge }
