/// <reference types="vite/client" />
import type { DeskBridge } from '../shared/ipc/desk-api'
import type { DeskEventsBridge } from '../shared/ipc/desk-events'

declare global {
  interface Window {
    /** Built by the preload (Electron) or the browser host's shim; absent when opened elsewhere. */
    readonly desk?: DeskBridge
    /** Main's events, built by the preload; absent in the browser host. */
    readonly deskEvents?: DeskEventsBridge
  }
}

export {}
