// What `npm start` runs the desk in: Electron when its binary is there or its installer can fetch it,
// the browser host otherwise. Pure: the binary lookup, the installer and the output are passed in.

/**
 * @typedef {{ ok: true } | { ok: false, error: string }} InstallOutcome
 * @typedef {{ host: 'electron', binary: string }
 *   | { host: 'browser', reason: 'skipped' | 'install-failed', message: string }} LaunchPlan
 * @typedef {{
 *   findBinary: () => string | null,
 *   install: () => Promise<InstallOutcome>,
 *   env: Record<string, string | undefined>,
 *   electronVersion: string,
 *   say: (line: string) => void
 * }} LaunchInputs
 */

/** Electron's own opt-out of the download, honoured here although Electron 45's installer ignores it. */
export const skipDownloadVariable = 'ELECTRON_SKIP_BINARY_DOWNLOAD'

const retry = [
  'To get the desktop app: connect to the internet (or set ELECTRON_MIRROR to a reachable Electron mirror)',
  'and run npm start again; it retries the download. `node node_modules/electron/install.js` retries it alone.'
].join('\n')

/** @param {LaunchInputs} inputs @returns {Promise<LaunchPlan>} */
export async function planLaunch({ findBinary, install, env, electronVersion, say }) {
  const present = findBinary()
  if (present) return { host: 'electron', binary: present }

  if (env[skipDownloadVariable]) {
    return {
      host: 'browser',
      reason: 'skipped',
      message: [
        `${skipDownloadVariable} is set, so the Electron binary was not downloaded (nothing was tried).`,
        'PortalDesk starts in your browser instead: the same desk, served on 127.0.0.1.',
        `To get the desktop app, unset ${skipDownloadVariable} and run npm start again.`
      ].join('\n')
    }
  }

  say(`Electron ${electronVersion} is not installed yet: downloading it once with its own installer (about 100 MB)…`)
  const outcome = await install()
  const installed = outcome.ok ? findBinary() : null
  if (installed) {
    say(`Electron ${electronVersion} is installed; opening the desktop window.`)
    return { host: 'electron', binary: installed }
  }
  const why = outcome.ok ? 'its installer finished but left no binary in node_modules/electron/dist' : `its installer failed: ${outcome.error}`
  return {
    host: 'browser',
    reason: 'install-failed',
    message: [
      `Electron ${electronVersion} could not be downloaded: ${why}.`,
      'PortalDesk starts in your browser instead: the same desk, served on 127.0.0.1.',
      retry
    ].join('\n')
  }
}

/**
 * The installer's error in one line, from what it printed on stderr: the message lines without
 * the stack frames (`    at …`), which say nothing to someone starting the app.
 * @param {string} stderr
 */
export function installerError(stderr) {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '))
  return lines.length > 0 ? lines.join(' / ') : 'it exited without saying why'
}
