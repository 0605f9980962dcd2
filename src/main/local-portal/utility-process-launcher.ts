import type { UtilityProcess } from 'electron'
import type { ProcessLauncher } from './process-launcher'

type Fork = (modulePath: string, args: string[], options: { env: Record<string, string>; serviceName: string; stdio: 'inherit' }) => UtilityProcess

/** Runs out/main/portal-server.js in an Electron utilityProcess, outside the main process's event loop. */
export function createUtilityProcessLauncher(fork: Fork, modulePath: string): ProcessLauncher {
  return {
    launch(env) {
      const child = fork(modulePath, [], { env, serviceName: 'PortalDesk portal server', stdio: 'inherit' })
      return {
        onMessage: (listener) => void child.on('message', listener),
        onExit: (listener) => void child.on('exit', (code) => listener(code)),
        terminate: () => void child.kill(),
        forceKill: () => {
          // utilityProcess.kill() only sends SIGTERM; a hung server needs SIGKILL by pid.
          if (child.pid !== undefined) {
            try {
              process.kill(child.pid, 'SIGKILL')
            } catch {
              // Already gone.
            }
          }
        }
      }
    }
  }
}
