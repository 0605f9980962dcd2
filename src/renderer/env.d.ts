/// <reference types="vite/client" />
import type { DeskBridge } from '../shared/ipc/desk-api'

declare global {
  interface Window {
    /** Built by the preload (Electron) or the browser host's shim; absent when opened elsewhere. */
    readonly desk?: DeskBridge
  }
}

export {}
