import type { PortalProcess, ProcessLauncher } from '../../../../src/main/local-portal/process-launcher'

export interface FakeProcess extends PortalProcess {
  env: Record<string, string>
  send(message: unknown): void
  exit(code: number | null): void
  terminated: number
  killed: number
}

/**
 * A scripted server process. `behaviour` runs at launch: answer ready, fail, exit or stay silent.
 * `onTerminate` decides whether SIGTERM makes it exit (default yes).
 */
export function fakeLauncher(
  behaviour: (child: FakeProcess) => void,
  options: { exitsOnTerminate?: boolean } = {}
): ProcessLauncher & { launched: FakeProcess[] } {
  const launched: FakeProcess[] = []
  return {
    launched,
    launch(env) {
      const messageListeners: Array<(message: unknown) => void> = []
      const exitListeners: Array<(code: number | null) => void> = []
      let alive = true
      const child: FakeProcess = {
        env,
        terminated: 0,
        killed: 0,
        onMessage: (listener) => void messageListeners.push(listener),
        onExit: (listener) => void exitListeners.push(listener),
        send: (message) => messageListeners.forEach((listener) => listener(message)),
        exit: (code) => {
          if (!alive) return
          alive = false
          exitListeners.forEach((listener) => listener(code))
        },
        terminate: () => {
          child.terminated++
          if (options.exitsOnTerminate ?? true) queueMicrotask(() => child.exit(0))
        },
        forceKill: () => {
          child.killed++
          queueMicrotask(() => child.exit(null))
        }
      }
      launched.push(child)
      queueMicrotask(() => behaviour(child))
      return child
    }
  }
}
