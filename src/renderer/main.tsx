// The React Fast Refresh preamble as a module (empty in production builds): the strict CSP blocks the
// inline <script> that would otherwise carry it during `npm run dev`.
import '@vitejs/plugin-react/preamble'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { buildDeskClient, type DeskBridge } from '../shared/ipc/desk-api'
import { App } from './app/App'
import { createAppDependencies } from './app/AppProviders'
import './app/app.css'

// Opened outside the desk (no preload, no browser-host shim), every call fails with INTERNAL and the
// shell says so in words rather than rendering nothing.
const missingBridge = {} as DeskBridge

const dependencies = createAppDependencies({
  desk: buildDeskClient(window.desk ?? missingBridge),
  ...(window.deskEvents ? { deskEvents: window.deskEvents } : {}),
  storage: window.localStorage,
  systemLanguages: navigator.languages
})

const container = document.getElementById('root')
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App dependencies={dependencies} />
    </StrictMode>
  )
}
