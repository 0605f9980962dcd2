import { randomBytes } from 'node:crypto'
import { localPortalEnv, localPortalMessage } from '../../shared/local-portal-protocol'
import type { LocalPortalStatus } from '../../shared/session'
import { DeskError } from '../../shared/errors'
import { describeError, type Logger } from '../log'
import type { PortalProcess, ProcessLauncher } from './process-launcher'

export interface LocalPortalOptions {
  launcher: ProcessLauncher
  /** The server's DATA_DIR: <userData>/portal in the desk. */
  dataDir: string
  /** Password of every seeded account; a strong random one when absent. */
  seedPassword?: string
  seedUsers?: number
  startTimeoutMs?: number
  stopTimeoutMs?: number
  log: Logger
  /** The environment the server inherits, minus anything that would point it elsewhere. */
  baseEnv?: NodeJS.ProcessEnv
}

export interface RunningPortal {
  url: string
  /** True when this start created the demo data, with `seedPassword` as every seeded password. */
  seeded: boolean
  seedPassword: string
}

/** 24 characters from 18 random bytes: ~144 bits, with upper, lower and digits in practice; a fixed suffix guarantees them. */
export function generateSeedPassword(): string {
  return `${randomBytes(18).toString('base64url')}-Aa1`
}

// Variables that would make the embedded server use another database or address than its own.
const inheritedButOverridden = ['DATABASE_URL', 'HOST', 'PORT', 'DATA_DIR', ...Object.values(localPortalEnv)]

/**
 * The embedded portal server: one child process on 127.0.0.1 with its data in the user-data folder,
 * started on demand and stopped when the desk quits. Failures come back as PORTAL_START_FAILED
 * with the reason in words.
 */
export class LocalPortal {
  readonly #options: LocalPortalOptions
  #status: LocalPortalStatus = { state: 'stopped' }
  #process: PortalProcess | null = null
  #exited: Promise<void> = Promise.resolve()
  #starting: Promise<RunningPortal> | null = null
  #running: RunningPortal | null = null

  constructor(options: LocalPortalOptions) {
    this.#options = options
  }

  status(): LocalPortalStatus {
    return { ...this.#status }
  }

  /** The address of the running server, or null; never starts anything. */
  url(): string | null {
    return this.#running?.url ?? null
  }

  /** The running server, starting it when needed; concurrent callers share one start. */
  start(): Promise<RunningPortal> {
    if (this.#running) return Promise.resolve({ ...this.#running })
    this.#starting ??= this.#launch().finally(() => {
      this.#starting = null
    })
    return this.#starting
  }

  async stop(): Promise<void> {
    await this.#starting?.catch(() => undefined)
    const child = this.#process
    if (!child) return
    // Forget the process first so that its exit reads as the stop we asked for, not a crash.
    this.#process = null
    this.#running = null
    const timeout = this.#options.stopTimeoutMs ?? 5_000
    child.terminate()
    if (!(await settlesWithin(this.#exited, timeout))) {
      this.#options.log.warn(`the portal server did not stop within ${timeout} ms and was killed`)
      child.forceKill()
      await settlesWithin(this.#exited, timeout)
    }
    this.#status = { state: 'stopped' }
  }

  #launch(): Promise<RunningPortal> {
    const { launcher, log } = this.#options
    const seedPassword = this.#options.seedPassword ?? generateSeedPassword()
    this.#status = { state: 'starting' }

    let child: PortalProcess
    try {
      child = launcher.launch(this.#environment(seedPassword))
    } catch (error) {
      return Promise.reject(this.#fail(`The portal server process could not be created (${describeError(error)}).`))
    }
    this.#process = child

    return new Promise<RunningPortal>((resolve, reject) => {
      let settled = false
      const settle = (outcome: () => void): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        outcome()
      }
      const timeoutMs = this.#options.startTimeoutMs ?? 60_000
      const timer = setTimeout(() => {
        settle(() => reject(this.#fail(`The portal server did not report ready within ${Math.round(timeoutMs / 1000)} seconds.`)))
        child.forceKill()
      }, timeoutMs)

      this.#exited = new Promise<void>((exited) => {
        child.onExit((code) => {
          exited()
          const unexpected = this.#process === child
          if (unexpected) this.#process = null
          settle(() => reject(this.#fail(`The portal server process exited (code ${code ?? 'unknown'}) before it was ready.`)))
          if (unexpected && this.#running) {
            log.error(`the portal server stopped unexpectedly (code ${code ?? 'unknown'})`)
            this.#running = null
            this.#status = { state: 'failed', error: `The portal server stopped unexpectedly (code ${code ?? 'unknown'}).` }
          }
        })
      })

      child.onMessage((raw) => {
        const message = localPortalMessage.safeParse(raw)
        if (!message.success) {
          log.warn('ignored a message from the portal server that is not part of the protocol')
          return
        }
        if (message.data.type === 'failed') {
          const reason = message.data.message
          settle(() => reject(this.#fail(`The portal server could not start: ${reason}`)))
          child.terminate()
          return
        }
        const running = { url: `http://127.0.0.1:${message.data.port}`, seeded: message.data.seeded, seedPassword }
        settle(() => {
          this.#running = running
          this.#status = { state: 'running' }
          log.info(`the embedded portal is ready at ${running.url}${running.seeded ? ' (demo data created)' : ''}`)
          resolve({ ...running })
        })
      })
    })
  }

  #environment(seedPassword: string): Record<string, string> {
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries(this.#options.baseEnv ?? {})) {
      if (value !== undefined && !inheritedButOverridden.includes(key)) env[key] = value
    }
    env[localPortalEnv.host] = '127.0.0.1'
    env[localPortalEnv.port] = '0'
    env[localPortalEnv.dataDir] = this.#options.dataDir
    env[localPortalEnv.seedIfEmpty] = '1'
    env[localPortalEnv.mailbox] = 'local'
    env[localPortalEnv.seedPassword] = seedPassword
    if (this.#options.seedUsers !== undefined) env[localPortalEnv.seedUsers] = String(this.#options.seedUsers)
    return env
  }

  #fail(reason: string): DeskError {
    this.#options.log.error(reason)
    this.#status = { state: 'failed', error: reason }
    return new DeskError('PORTAL_START_FAILED', reason)
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([promise.then(() => true as const), timedOut])
  } finally {
    clearTimeout(timer)
  }
}
