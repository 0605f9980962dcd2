import { fork } from 'node:child_process'
import { join } from 'node:path'
import type { ProcessLauncher } from '../../../src/main/local-portal/process-launcher'

/**
 * The portal server a host runs, relative to the repository root: electron-vite's second main entry, the
 * bundle the packaged desk runs in its utilityProcess, here under plain Node (needs `npm run build`).
 */
export const builtServerEntry = join('out', 'main', 'portal-server.js')

export interface ForkLauncherOptions {
  /** The repository root: the server's entry is resolved from here. */
  cwd: string
  /** 'inherit' shows the server's log (the CLI); 'quiet' shows its last error lines only if it fails. */
  output?: 'inherit' | 'quiet'
}

const keptLines = 30
const compileCacheDir = join('node_modules', '.cache', 'portaldesk', 'node-compile-cache')

/** The Node stand-in for utilityProcess.fork: the portal server as a child process with an IPC channel. */
export function createForkLauncher(options: ForkLauncherOptions): ProcessLauncher {
  return {
    launch(env) {
      const quiet = (options.output ?? 'quiet') === 'quiet'
      const child = fork(builtServerEntry, [], {
        cwd: options.cwd,
        // Node keeps the bundle's compiled code on disk, so the next server (there is one per test) starts
        // without parsing and compiling it again: a fifth of a host's start. Node checks each entry against
        // the source it was compiled from, so a new build is never served old code.
        env: { NODE_COMPILE_CACHE: join(options.cwd, compileCacheDir), ...env },
        // Never the parent's execArgv (a test runner's loaders): the built server is plain JavaScript.
        execArgv: [],
        stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'pipe' : 'inherit', 'ipc'],
        serialization: 'json',
        // Its own process group: Ctrl+C in a terminal reaches the host, which then stops the server in order.
        // Should the host die, the IPC channel closes and the server stops itself.
        detached: process.platform !== 'win32'
      })
      const tail: string[] = []
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        tail.push(...chunk.split('\n').filter(Boolean))
        tail.splice(0, Math.max(0, tail.length - keptLines))
      })

      let exitListener: ((code: number | null) => void) | null = null
      let exitCode: number | null | undefined
      const exited = (code: number | null): void => {
        if (exitCode !== undefined) return
        exitCode = code
        if (quiet && code !== 0 && code !== null && tail.length > 0) process.stderr.write(`[portal server] ${tail.join('\n[portal server] ')}\n`)
        exitListener?.(code)
      }
      child.on('exit', (code) => exited(code))
      // A spawn failure (bad cwd, missing node) is an 'error' that may come without an 'exit'.
      child.on('error', () => exited(null))
      return {
        onMessage: (listener) => void child.on('message', listener),
        onExit: (listener) => {
          exitListener = listener
          if (exitCode !== undefined) listener(exitCode)
        },
        terminate: () => void child.kill('SIGTERM'),
        forceKill: () => void child.kill('SIGKILL')
      }
    }
  }
}
