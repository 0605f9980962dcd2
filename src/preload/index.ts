import { contextBridge, ipcRenderer } from 'electron'
import { buildDeskBridge, type DeskBridge, type DeskResult } from '../shared/ipc/desk-api'

// The renderer gets narrow functions built from the channel map, never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'desk',
  buildDeskBridge((channel, input) => ipcRenderer.invoke(channel, input) as Promise<DeskResult<unknown>>)
)

export type { DeskBridge }
