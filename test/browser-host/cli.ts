import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { ensureDeskBuilt } from './desk-build'
import { repoRoot, startBrowserHost, type BrowserHostOptions } from './host'

const usage = 'Usage: npm run preview:browser -- [--users N] [--password P] [--data DIR] [--port N] [--no-open]'

function positiveInteger(name: string, value: string | undefined, allowZero: boolean): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < (allowZero ? 0 : 1)) throw new Error(`--${name} must be a whole number${allowZero ? '' : ' above 0'}, not "${value}".`)
  return number
}

function readOptions(): BrowserHostOptions & { open: boolean } {
  const { values } = parseArgs({
    options: {
      users: { type: 'string' },
      password: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  const port = positiveInteger('port', values.port, true)
  if (port !== undefined && port > 65535) throw new Error('--port must be at most 65535.')
  return {
    users: positiveInteger('users', values.users, true),
    password: values.password,
    dataDir: values.data,
    port,
    serverOutput: 'quiet',
    open: values['no-open'] !== true
  }
}

/**
 * Hands the one-time URL to the desktop's browser where there is one (a display on Linux); never fails
 * without one: the URL is printed in any case.
 */
function openInBrowser(url: string): void {
  const opener =
    process.platform === 'darwin'
      ? { command: 'open', args: [url] }
      : process.platform === 'win32'
        ? { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] }
        : process.env.DISPLAY || process.env.WAYLAND_DISPLAY
          ? { command: 'xdg-open', args: [url] }
          : null
  if (!opener) return
  try {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // No opener installed: the printed URL is the way in.
  }
}

async function main(): Promise<void> {
  let options: BrowserHostOptions & { open: boolean }
  try {
    options = readOptions()
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`)
    process.exit(2)
  }
  ensureDeskBuilt(repoRoot)
  const host = await startBrowserHost(options)
  const loginUrl = host.loginUrl()
  console.log(`PortalDesk browser host: open ${loginUrl}`)
  console.log('That URL works once, in one browser; any other client gets 401. Keep it to yourself.')
  if (options.open) openInBrowser(loginUrl)
  if (host.firstRun) {
    console.log(`First run: the local administrator is "${host.firstRun.login}" with the password ${host.firstRun.password}`)
  }

  let closing = false
  const stop = (): void => {
    if (closing) return
    closing = true
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`The browser host did not stop cleanly: ${String(error)}`)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
