// Bundled by host.ts with esbuild into /__desk/shim.js: the browser's stand-in for the preload.
import { buildDeskBridge, type DeskBridge, type DeskResult, type Invoke } from '../../src/shared/ipc/desk-api'
import { errorMessages } from '../../src/shared/errors'

const invoke: Invoke = async (channel, input) => {
  try {
    const response = await fetch('/__desk/invoke', {
      method: 'POST',
      // The host's HttpOnly session cookie goes along by itself; the shim holds no secret.
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, input }),
      credentials: 'same-origin',
      cache: 'no-store'
    })
    return (await response.json()) as DeskResult<unknown>
  } catch {
    // The host is gone: what a broken IPC pipe would be in Electron.
    return { ok: false, error: { code: 'INTERNAL', message: errorMessages.INTERNAL.en } }
  }
}

function freezeBridge(bridge: DeskBridge): DeskBridge {
  for (const namespace of Object.values(bridge)) Object.freeze(namespace)
  return Object.freeze(bridge)
}

// Like contextBridge.exposeInMainWorld: a read-only window.desk that page code cannot replace.
Object.defineProperty(globalThis, 'desk', { value: freezeBridge(buildDeskBridge(invoke)), writable: false, configurable: false, enumerable: true })
