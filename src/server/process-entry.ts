/**
 * The embedded portal server, launched by the desk in an Electron utilityProcess (or, in tests and
 * the browser host, with Node's child_process.fork). It reads the environment described in
 * src/shared/local-portal-protocol.ts, migrates, seeds an empty database when asked, listens, and
 * posts one message: `ready` with the port, or `failed` with the reason, then exits non-zero.
 */
import { localPortalEnv, type LocalPortalMessage } from '../shared/local-portal-protocol'
import { parseConfig } from './config'
import { keepNewFilesPrivate } from './db/private-data-dir'
import { defaultPortalUsers } from './db/seed/plan'
import { startPortalServer, type RunningServer } from './server'

interface ParentPort {
  postMessage(message: unknown): void
}

function parentPort(): ParentPort | undefined {
  return (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort
}

function post(message: LocalPortalMessage): void {
  const port = parentPort()
  if (port) port.postMessage(message)
  else if (process.send) process.send(message)
  else console.log(JSON.stringify(message))
}

function seedOptions(env: NodeJS.ProcessEnv) {
  if (env[localPortalEnv.seedIfEmpty] !== '1') return undefined
  const password = env[localPortalEnv.seedPassword]
  if (!password) throw new Error(`${localPortalEnv.seedPassword} is required when ${localPortalEnv.seedIfEmpty}=1: it is the demo administrator's password.`)
  const users = env[localPortalEnv.seedUsers]
  if (users !== undefined && users !== '' && !/^\d{1,7}$/.test(users)) {
    throw new Error(`${localPortalEnv.seedUsers} must be a whole number, not "${users}".`)
  }
  return { password, portalUsers: users ? Number(users) : defaultPortalUsers }
}

async function main(): Promise<void> {
  let server: RunningServer | undefined
  let stopping = false
  const stop = (code: number) => {
    if (stopping) return
    stopping = true
    const closed = server ? server.close() : Promise.resolve()
    closed.then(
      () => process.exit(code),
      () => process.exit(1)
    )
  }
  process.once('SIGTERM', () => stop(0))
  process.once('SIGINT', () => stop(0))
  // Under child_process.fork: the desk went away, so must we.
  process.once('disconnect', () => stop(0))

  try {
    const seedIfEmpty = seedOptions(process.env)
    server = await startPortalServer({ config: parseConfig(process.env), ...(seedIfEmpty ? { seedIfEmpty } : {}) })
    if (stopping) {
      await server.close()
      return
    }
    post({ type: 'ready', port: server.port, seeded: server.seeded })
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
    // Give the message a moment to leave before the process ends.
    setTimeout(() => process.exit(1), 200)
  }
}

// Before anything is written: the portal's data is for this OS user only.
keepNewFilesPrivate()
void main()
