/**
 * How LocalPortal starts the portal server process. Electron: utilityProcess.fork of
 * out/main/portal-server.js; browser host and tests: child_process.fork of
 * src/server/process-entry.ts, or a fake.
 */
export interface PortalProcess {
  /** Messages the server process posts (parentPort in Electron, process.send under Node). */
  onMessage(listener: (message: unknown) => void): void
  onExit(listener: (code: number | null) => void): void
  /** Graceful stop: SIGTERM on POSIX. */
  terminate(): void
  /** Last resort when the process ignores terminate(). */
  forceKill(): void
}

export interface ProcessLauncher {
  /** Throws when the process cannot even be created (missing file, no permission). */
  launch(env: Record<string, string>): PortalProcess
}
